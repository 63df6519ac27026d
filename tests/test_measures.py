"""Localisation measures: location quotients, Hoover, locational Gini, Herfindahl, Ellison–Glaeser."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from clusterlab import labels, measures
from clusterlab.errors import InputError, InputTypeError

# Deterministic property tests: the same examples on every run, no example database.
checked = settings(max_examples=40, derandomize=True, database=None, deadline=None)

X = (0.40, 0.25, 0.15, 0.10, 0.05, 0.05)
PLANTS = (50, 30, 10, 5, 5, 5, 3, 2, 2, 1)
TINY = 1e-12


def _positive_margins(m: np.ndarray) -> bool:
    return bool((m.sum(axis=0) > 0).all() and (m.sum(axis=1) > 0).all())


# Region × industry employment matrices (regions in rows) with every row and column total > 0.
matrices = hnp.arrays(
    np.int64,
    st.tuples(st.integers(2, 6), st.integers(2, 6)),
    elements=st.integers(0, 1000),
).filter(_positive_margins)


def tidy(m: np.ndarray) -> pd.DataFrame:
    regions, industries = np.indices(m.shape)
    return pd.DataFrame(
        {
            "region": [f"r{k}" for k in regions.ravel()],
            "industry": [f"i{k}" for k in industries.ravel()],
            "employment": m.ravel(),
        }
    )


def broadcast_lq(m: np.ndarray) -> np.ndarray:
    return measures.location_quotient(m, m.sum(axis=1, keepdims=True), m.sum(axis=0, keepdims=True), m.sum())


@st.composite
def regions(draw, positive_totals=False):
    """(industry_by_region, total_by_region): 2 to 8 regions, the industry within each region."""
    k = draw(st.integers(2, 8))
    low = 1 if positive_totals else 0
    total = np.array(draw(st.lists(st.integers(low, 10**6), min_size=k, max_size=k)), dtype=float)
    fractions = np.array(draw(st.lists(st.floats(0, 1), min_size=k, max_size=k)))
    industry = np.floor(total * fractions)
    if industry.sum() == 0:
        industry[int(np.argmax(total))] = max(total.max(), 1)
        total[int(np.argmax(total))] = max(total.max(), 1)
    return industry, total


# --------------------------------------------------------------------------- location quotient


def test_the_published_location_quotient_example():
    # Farhauer & Kröll (2013), as documented by the R package REAT.
    assert round(measures.location_quotient(1714, 79006, 879213, 15593224), 7) == 0.3847623
    assert isinstance(measures.location_quotient(1714, 79006, 879213, 15593224), float)


def test_the_location_quotient_broadcasts_and_a_series_keeps_its_index():
    lq = measures.location_quotient([10, 30], [100, 100], 40, 200)
    assert isinstance(lq, np.ndarray)
    np.testing.assert_allclose(lq, [0.5, 1.5])
    by_region = measures.location_quotient(
        pd.Series([10, 30], index=["north", "south"]), pd.Series([100, 100], index=["north", "south"]), 40, 200
    )
    assert isinstance(by_region, pd.Series) and by_region.name == "lq"
    assert list(by_region.index) == ["north", "south"]
    np.testing.assert_allclose(by_region.to_numpy(), [0.5, 1.5])


@checked
@given(matrices)
def test_the_employment_weighted_mean_of_the_lq_is_one_across_regions_and_across_industries(m):
    e, e_r, e_i = m.sum(), m.sum(axis=1, keepdims=True), m.sum(axis=0, keepdims=True)
    lq = broadcast_lq(m)
    np.testing.assert_allclose(((e_r / e) * lq).sum(axis=0), 1.0, rtol=TINY)  # every industry
    np.testing.assert_allclose(((e_i / e) * lq).sum(axis=1), 1.0, rtol=TINY)  # every region

    table = measures.lq_table(tidy(m))
    weighted_by_region = table["region_total"] / table["total"] * table["lq"]
    weighted_by_industry = table["industry_total"] / table["total"] * table["lq"]
    np.testing.assert_allclose(weighted_by_region.groupby(table["industry"]).sum(), 1.0, rtol=TINY)
    np.testing.assert_allclose(weighted_by_industry.groupby(table["region"]).sum(), 1.0, rtol=TINY)
    np.testing.assert_allclose(table["lq"], lq.ravel(), rtol=TINY)  # both forms agree


@checked
@given(matrices, st.floats(1e-3, 1e6))
def test_the_lq_is_unchanged_when_every_count_is_scaled(m, scale):
    np.testing.assert_allclose(broadcast_lq(m * scale), broadcast_lq(m), rtol=1e-9)
    scaled = tidy(m).assign(employment=lambda t: t["employment"] * scale)
    np.testing.assert_allclose(measures.lq_table(scaled)["lq"], measures.lq_table(tidy(m))["lq"], rtol=1e-9)


@checked
@given(matrices)
def test_the_lq_never_exceeds_e_over_e_r_nor_e_over_e_i(m):
    e, e_r, e_i = m.sum(), m.sum(axis=1, keepdims=True), m.sum(axis=0, keepdims=True)
    bound = np.minimum(e / e_r, e / e_i)
    assert (broadcast_lq(m) <= bound * (1 + TINY)).all()


def test_lq_table_uses_standard_names_sorts_and_leaves_the_input_alone():
    df = pd.DataFrame(
        {
            "nuts2": ["south", "north", "south", "north"],
            "nace": ["textiles", "textiles", "food", "food"],
            "jobs": [30, 10, 70, 90],
            "note": ["a", "b", "c", "d"],
        }
    )
    before = df.copy()
    table = measures.lq_table(df, region="nuts2", industry="nace", value="jobs")
    pd.testing.assert_frame_equal(df, before)
    assert list(table.columns) == ["region", "industry", "employment", "region_total", "industry_total", "total", "lq"]
    assert list(zip(table["region"], table["industry"])) == [
        ("north", "food"),
        ("north", "textiles"),
        ("south", "food"),
        ("south", "textiles"),
    ]
    assert list(table.index) == [0, 1, 2, 3]
    assert list(table["employment"]) == [90, 10, 70, 30]
    assert list(table["region_total"]) == [100, 100, 100, 100]
    assert list(table["industry_total"]) == [160, 40, 160, 40]
    assert (table["total"] == 200).all()
    np.testing.assert_allclose(table["lq"], [1.125, 0.5, 0.875, 1.5])


# --------------------------------------------------------------------------- Hoover and Gini


def test_a_worked_example_of_hoover_and_the_locational_gini():
    # Two equal regions, 20 % and 80 % of the industry: curve (0, 0), (0.5, 0.2), (1, 1).
    assert measures.hoover([20, 80], [500, 500]) == pytest.approx(0.3, abs=TINY)
    assert measures.locational_gini([20, 80], [500, 500]) == pytest.approx(0.3, abs=TINY)
    # The order of the regions does not matter: the Gini sorts them by LQ.
    assert measures.locational_gini([80, 20], [500, 500]) == pytest.approx(0.3, abs=TINY)


@checked
@given(regions())
def test_hoover_and_the_locational_gini_lie_between_zero_and_one_minus_the_smallest_share(pair):
    industry, total = pair
    ceiling = 1 - (total / total.sum()).min()
    for measure in (measures.hoover, measures.locational_gini):
        value = measure(industry, total)
        assert isinstance(value, float)
        assert -TINY <= value <= ceiling + TINY


@checked
@given(st.lists(st.integers(1, 10**6), min_size=2, max_size=8), st.floats(1e-3, 1))
def test_both_are_zero_when_the_industry_is_spread_like_total_employment(total, fraction):
    total = np.array(total, dtype=float)
    industry = total * fraction
    assert measures.hoover(industry, total) == pytest.approx(0, abs=TINY)
    assert measures.locational_gini(industry, total) == pytest.approx(0, abs=TINY)


@checked
@given(regions(positive_totals=True))
def test_both_reach_one_minus_x_r_when_the_whole_industry_sits_in_the_smallest_region(pair):
    _, total = pair
    smallest = int(np.argmin(total))
    industry = np.zeros_like(total)
    industry[smallest] = total[smallest]
    expected = 1 - total[smallest] / total.sum()
    assert measures.hoover(industry, total) == pytest.approx(expected, abs=TINY)
    assert measures.locational_gini(industry, total) == pytest.approx(expected, abs=TINY)


# --------------------------------------------------------------------------- Herfindahl


@checked
@given(st.lists(st.floats(0, 1e6), min_size=1, max_size=30).filter(lambda s: sum(s) > 0))
def test_the_herfindahl_lies_between_one_over_n_and_one(sizes):
    n = sum(1 for s in sizes if s > 0)
    h = measures.herfindahl(sizes)
    assert 1 / n * (1 - TINY) <= h <= 1 + TINY


@pytest.mark.parametrize("n", [1, 2, 7, 50])
def test_the_herfindahl_is_one_over_n_for_equal_plants(n):
    assert measures.herfindahl([12.5] * n) == pytest.approx(1 / n, rel=TINY)


def test_the_herfindahl_is_one_for_a_single_plant_and_ignores_empty_plants():
    assert measures.herfindahl([40]) == 1.0
    assert measures.herfindahl(np.array([40, 0, 0])) == 1.0
    assert measures.herfindahl(pd.Series([5, 5, 0])) == pytest.approx(0.5, rel=TINY)


# --------------------------------------------------------------------------- Ellison–Glaeser


def test_the_plant_herfindahl_of_the_book_example():
    assert round(measures.herfindahl(PLANTS), 5) == 0.28138
    assert round((1 - sum(x * x for x in X)) * measures.herfindahl(PLANTS), 6) == 0.208225


def test_gamma_is_negative_when_plants_are_spread_exactly_like_employment():
    h = measures.herfindahl(PLANTS)
    industry = [x * sum(PLANTS) for x in X]
    gamma = measures.ellison_glaeser(industry, X, PLANTS)
    assert gamma == pytest.approx(-h / (1 - h), rel=1e-9)
    assert gamma < 0


def test_gamma_follows_its_formula_for_a_fully_concentrated_industry():
    h = measures.herfindahl(PLANTS)
    x = np.array(X)
    s = np.array([1.0, 0, 0, 0, 0, 0])
    g = ((s - x) ** 2).sum()
    expected = (g / (1 - (x**2).sum()) - h) / (1 - h)
    assert measures.ellison_glaeser([113, 0, 0, 0, 0, 0], X, PLANTS) == pytest.approx(expected, rel=1e-12)


@pytest.fixture(scope="module")
def darts() -> pd.DataFrame:
    return measures.dartboard(X, PLANTS, n=20_000, seed=1)


def test_the_dartboard_returns_one_row_per_draw(darts):
    assert list(darts.columns) == ["G", "gamma"]
    assert len(darts) == 20_000
    assert (darts["G"] >= 0).all()
    h, x2 = measures.herfindahl(PLANTS), sum(x * x for x in X)
    np.testing.assert_allclose(darts["gamma"], (darts["G"] / (1 - x2) - h) / (1 - h), rtol=1e-12)


def test_raw_concentration_is_positive_under_the_dartboard(darts):
    expected = (1 - sum(x * x for x in X)) * measures.herfindahl(PLANTS)  # 0.208225
    standard_error = darts["G"].std(ddof=1) / math.sqrt(len(darts))
    assert darts["G"].mean() > 0
    assert abs(darts["G"].mean() - expected) < 4 * standard_error


def test_gamma_is_about_zero_under_the_dartboard(darts):
    standard_error = darts["gamma"].std(ddof=1) / math.sqrt(len(darts))
    assert abs(darts["gamma"].mean()) < 4 * standard_error


def test_the_same_seed_gives_the_same_table_and_another_seed_another(darts):
    pd.testing.assert_frame_equal(measures.dartboard(X, PLANTS, n=20_000, seed=1), darts)
    assert not measures.dartboard(X, PLANTS, n=20_000, seed=2).equals(darts)


# --------------------------------------------------------------------------- errors
# Every error is an InputError (a ValueError) with a stable code; the English messages are checked too.

NAN = float("nan")
LQ_ERRORS = {
    "negative": ((-1, 10, 10, 100), "measures.negative", "e_ri must be 0 or more"),
    "NaN": ((1, NAN, 10, 100), "measures.missing", "e_r has 1 missing value"),
    "None": (([1, None], [10, 10], 10, 100), "measures.missing", "e_ri has 1 missing value .* at position 1:"),
    "pandas NA": ((1, 10, pd.Series([5, None], dtype="Int64"), 100), "measures.missing", "e_i has 1 missing value"),
    "infinite": ((1, 10, 10, math.inf), "measures.infinite", "e must be finite"),
    "text": (("12", 100, 100, 1000), "measures.not_numbers", "e_ri must hold numbers"),
    "mismatched lengths": (([1, 2, 3], [10, 10], 10, 100), "measures.lq_shapes", "do not broadcast"),
    "ragged": (([[1, 2], [3]], 10, 10, 100), "measures.ragged", "ragged"),
    "zero e": ((0, 0, 0, 0), "measures.lq_zero_e", "e is zero"),
    "zero e_r": ((0, 0, 10, 100), "measures.lq_zero_r", "e_r is zero"),
    "zero e_i": ((0, 10, 0, 100), "measures.lq_zero_i", "e_i is zero"),
    "e_ri > e_r": ((20, 10, 30, 100), "measures.lq_ri_above_r", "e_ri exceeds e_r"),
    "e_ri > e_i": ((20, 30, 10, 100), "measures.lq_ri_above_i", "e_ri exceeds e_i"),
    "e_r > e": ((5, 200, 10, 100), "measures.lq_r_above_e", "e_r exceeds e"),
    "e_i > e": ((5, 10, 200, 100), "measures.lq_i_above_e", "e_i exceeds e"),
    "region or industry larger than e": (
        (10, 60, 60, 100),
        "measures.lq_union_above_e",
        "e_r \\+ e_i − e_ri exceeds e",
    ),
    "misaligned series": (
        (pd.Series([1, 2], index=["a", "b"]), pd.Series([10, 10], index=["b", "a"]), 10, 100),
        "measures.different_indexes",
        "different indexes",
    ),
    "positions": (
        ([1, -1, -2], [10, 10, 10], 10, 100),
        "measures.negative",
        "it has 2 negative values at positions 1, 2\\.",
    ),
    "index labels": (
        (pd.Series([1, -1], index=["a", "b"]), 10, 10, 100),
        "measures.negative",
        "1 negative value at index label 'b'\\.",
    ),
    "2-D positions": (
        (np.array([[1, 1], [1, 1]]), 1, [[0, 2]], 100),
        "measures.lq_ri_above_i",
        "at positions \\(0, 0\\), \\(1, 0\\):",
    ),
    "many positions": (
        ([-1] * 8, 10, 10, 100),
        "measures.negative",
        "at positions 0, 1, 2, 3, 4 and 3 more\\.",
    ),
}


@pytest.mark.parametrize("args, code, message", LQ_ERRORS.values(), ids=LQ_ERRORS.keys())
def test_impossible_location_quotients_say_what_to_fix(args, code, message):
    with pytest.raises(InputError, match=message) as raised:
        measures.location_quotient(*args)
    assert raised.value.code == code


def eg(industry, total):
    return measures.ellison_glaeser(industry, total, PLANTS)


REGIONAL_ERRORS = {
    "negative industry": (([1, -1], [5, 5]), "measures.negative", "industry_by_region must be 0 or more"),
    "negative total": (([1, 1], [5, -5]), "measures.negative", "total_by_region must be 0 or more"),
    "NaN": (([1, NAN], [5, 5]), "measures.missing", "industry_by_region has 1 missing value"),
    "None": (([1, 1], [5, None]), "measures.missing", "total_by_region has 1 missing value"),
    "mismatched lengths": (
        ([1, 1, 1], [5, 5]),
        "measures.region_counts",
        "has 3 regions but total_by_region has 2 regions",
    ),
    "one region": (([1], [5]), "measures.few_regions", "at least 2 regions"),
    "not 1-D": (([[1, 1]], [[5, 5]]), "measures.not_1d", "one value per region \\(a 1-D sequence\\)"),
    "zero industry": (([0, 0], [5, 5]), "measures.zero_sum", "industry_by_region sums to zero"),
    "zero employment": (([0, 0], [0, 0]), "measures.zero_sum", "total_by_region sums to zero"),
    "industry in an empty region": (
        ([1, 1], [5, 0]),
        "measures.orphan_industry",
        "positive where total_by_region is zero at position 1:",
    ),
    "misaligned series": (
        (pd.Series([1, 2], index=["a", "b"]), pd.Series([5, 5], index=["a", "c"])),
        "measures.different_indexes",
        "different indexes",
    ),
}


@pytest.mark.parametrize("measure", [measures.hoover, measures.locational_gini, eg], ids=["hoover", "gini", "eg"])
@pytest.mark.parametrize("args, code, message", REGIONAL_ERRORS.values(), ids=REGIONAL_ERRORS.keys())
def test_impossible_regional_data_say_what_to_fix(measure, args, code, message):
    with pytest.raises(InputError, match=message) as raised:
        measure(*args)
    assert raised.value.code == code


PLANT_ERRORS = {
    "empty": ([], "measures.no_plants", "is empty"),
    "negative": ([3, -1], "measures.negative", "must be 0 or more"),
    "NaN": ([3, NAN], "measures.missing", "1 missing value"),
    "all zero": ([0, 0], "measures.zero_sum", "sums to zero"),
    "not 1-D": ([[1, 2]], "measures.not_1d", "one value per plant"),
    "text": (["a", "b"], "measures.not_numbers", "must hold numbers"),
}


@pytest.mark.parametrize("sizes, code, message", PLANT_ERRORS.values(), ids=PLANT_ERRORS.keys())
def test_impossible_plant_sizes_say_what_to_fix(sizes, code, message):
    with pytest.raises(InputError, match=message) as raised:
        measures.herfindahl(sizes)
    assert str(raised.value).startswith("sizes ") and raised.value.code == code
    with pytest.raises(InputError, match="plant_sizes") as raised:
        measures.ellison_glaeser([10, 20], [50, 50], sizes)
    assert raised.value.code == code
    with pytest.raises(InputError, match="plant_sizes") as raised:
        measures.dartboard([50, 50], sizes, n=10, seed=0)
    assert raised.value.code == code


@pytest.mark.parametrize(
    "call, code, message",
    [
        (lambda: measures.ellison_glaeser([10, 0], [50, 0], PLANTS), "measures.single_region", "single region"),
        (lambda: measures.ellison_glaeser([10, 20], [50, 50], [30, 0]), "measures.single_plant", "single plant"),
        (lambda: measures.dartboard([50, 0, 0], PLANTS, n=10, seed=0), "measures.single_region", "single region"),
        (lambda: measures.dartboard(X, [30], n=10, seed=0), "measures.single_plant", "single plant"),
        (lambda: measures.dartboard([50], PLANTS, n=10, seed=0), "measures.few_regions", "at least 2 regions"),
        (
            lambda: measures.dartboard([50, -1], PLANTS, n=10, seed=0),
            "measures.negative",
            "total_by_region must be 0 or more",
        ),
        (
            lambda: measures.dartboard([50, NAN], PLANTS, n=10, seed=0),
            "measures.missing",
            "total_by_region has 1 missing",
        ),
        (lambda: measures.dartboard([0, 0], PLANTS, n=10, seed=0), "measures.zero_sum", "total_by_region sums to zero"),
        (lambda: measures.dartboard(X, PLANTS, n=0, seed=0), "measures.draws", "n must be a whole number"),
        (lambda: measures.dartboard(X, PLANTS, n=2.5, seed=0), "measures.draws", "n must be a whole number"),
        (lambda: measures.dartboard(X, PLANTS, n=True, seed=0), "measures.draws", "n must be a whole number"),
    ],
    ids=[
        "eg single region",
        "eg single plant",
        "dartboard single region",
        "dartboard single plant",
        "dartboard one region",
        "dartboard negative",
        "dartboard NaN",
        "dartboard zero total",
        "n zero",
        "n fractional",
        "n boolean",
    ],
)
def test_an_undefined_gamma_or_an_impossible_simulation_says_why(call, code, message):
    with pytest.raises(InputError, match=message) as raised:
        call()
    assert raised.value.code == code


def frame(**changes) -> pd.DataFrame:
    data = {"region": ["a", "a", "b", "b"], "industry": ["x", "y", "x", "y"], "employment": [1, 2, 3, 4]}
    data.update(changes)
    return pd.DataFrame(data)


LQ_TABLE_ERRORS = {
    "missing column": (
        frame().drop(columns="employment"),
        {},
        "measures.table_no_column",
        "^Column 'employment' \\(the value column\\) not in df",
    ),
    "misnamed columns": (
        frame(),
        {"region": "nuts2", "value": "jobs"},
        "measures.table_no_column",
        "^Columns 'nuts2' \\(the region column\\), 'jobs' \\(the value column\\) not in df",
    ),
    "one column twice": (frame(), {"industry": "region"}, "measures.table_same_column", "three different columns"),
    "repeated column": (
        pd.concat([frame(), frame()[["region"]]], axis=1),
        {},
        "measures.table_repeated_columns",
        "several columns named \\['region'\\]",
    ),
    "duplicate pair": (
        frame(industry=["x", "x", "x", "y"]),
        {},
        "measures.table_duplicates",
        "^1 region × industry pair appears more than once: \\('a', 'x'\\) \\(rows 0, 1\\)",
    ),
    "zero-total region": (
        frame(employment=[0, 0, 3, 4]),
        {},
        "measures.table_zero_region",
        "^Region 'a' \\(column 'region'\\) has zero total",
    ),
    "zero-total industries": (
        frame(industry=["x", "y", "z", "w"], employment=[0, 2, 0, 4]),
        {},
        "measures.table_zero_industry",
        "^Industries 'x', 'z' \\(column 'industry'\\) have zero total",
    ),
    "zero total": (frame(employment=[0, 0, 0, 0]), {}, "measures.table_zero_total", "Total employment.*is zero"),
    "no rows": (frame().iloc[:0], {}, "measures.table_empty", "no rows"),
    "missing values": (
        frame(employment=[1, None, 3, None]),
        {},
        "measures.table_missing",
        "2 missing values at rows 1, 3:.*drop those rows or fill",
    ),
    "negative": (
        frame(employment=[1, -2, 3, 4]),
        {},
        "measures.table_negative",
        "must be 0 or more: 1 negative value at row 1\\.",
    ),
    "infinite": (frame(employment=[1, math.inf, 3, 4]), {}, "measures.table_infinite", "must be finite"),
    "text": (frame(employment=[1, "2", 3, 4]), {}, "measures.table_not_numbers", "1 non-numeric value at row 1 "),
    "missing region": (
        frame(region=["a", None, "b", "b"]),
        {},
        "measures.table_missing_labels",
        "1 missing region label at row 1:",
    ),
}


@pytest.mark.parametrize("df, names, code, message", LQ_TABLE_ERRORS.values(), ids=LQ_TABLE_ERRORS.keys())
def test_an_unusable_table_says_what_to_fix(df, names, code, message):
    with pytest.raises(InputError, match=message) as raised:
        measures.lq_table(df, **names)
    assert raised.value.code == code


def test_lq_table_needs_a_dataframe():
    with pytest.raises(TypeError, match="DataFrame") as raised:
        measures.lq_table([[1, 2], [3, 4]])
    assert isinstance(raised.value, InputTypeError) and raised.value.code == "measures.table_not_frame"


def caught_in(language: str, call) -> InputError:
    labels.set_language(language)
    try:
        with pytest.raises(InputError) as raised:
            call()
    finally:
        labels.set_language("en")
    return raised.value


@pytest.mark.parametrize(
    "call, code, fr, en",
    [
        (
            lambda: measures.location_quotient([5, -1, -2], 10, 10, 100),
            "measures.negative",
            "e_ri ne doit contenir que des valeurs supérieures ou égales à 0\u202f; il contient 2 valeurs négatives aux positions 1, 2.",
            "e_ri must be 0 or more; it has 2 negative values at positions 1, 2.",
        ),
        (
            lambda: measures.location_quotient(-1, 10, 10, 100),
            "measures.negative",
            "e_ri ne doit contenir que des valeurs supérieures ou égales à 0\u202f; il contient 1 valeur négative.",
            "e_ri must be 0 or more; it has 1 negative value.",
        ),
        (
            lambda: measures.lq_table(frame().drop(columns="employment")),
            "measures.table_no_column",
            "La colonne 'employment' (argument value=) n'est pas dans df\u202f; les colonnes de df sont "
            "['region', 'industry']. Nommez les colonnes avec region=, industry= et value=.",
            "Column 'employment' (the value column) not in df; it has ['region', 'industry']. Name the columns "
            "with region=, industry= and value=.",
        ),
        (
            lambda: measures.lq_table(frame(employment=[1, None, 3, None])),
            "measures.table_missing",
            "La colonne 'employment' a 2 valeurs manquantes aux lignes 1, 3\u00a0: lq_table ne compte jamais",
            "Column 'employment' has 2 missing values at rows 1, 3: lq_table never takes",
        ),
        (
            lambda: measures.location_quotient(list(range(-8, 0)), 10, 10, 100),
            "measures.negative",
            "aux positions 0, 1, 2, 3, 4 et 3 autres.",
            "at positions 0, 1, 2, 3, 4 and 3 more.",
        ),
        (
            lambda: measures.hoover([1, 1, 1], [5, 5]),
            "measures.region_counts",
            "industry_by_region compte 3 régions et total_by_region 2 régions\u00a0:",
            "industry_by_region has 3 regions but total_by_region has 2 regions:",
        ),
    ],
    ids=["lq negative", "lq one negative", "lq_table missing column", "lq_table missing", "and more", "regions"],
)
def test_a_measures_error_is_in_the_readers_language_with_the_same_code(call, code, fr, en):
    """French readers read French, English readers English; tests and programs read the code."""
    french, english = caught_in("fr", call), caught_in("en", call)
    assert french.code == english.code == code
    assert fr in str(french) and en in str(english)
    assert "(s)" not in str(french) + str(english)
    assert labels.get_language() == "en"


@checked
@given(matrices, st.data())
def test_a_negative_entry_anywhere_raises(m, data):
    r = data.draw(st.integers(0, m.shape[0] - 1))
    i = data.draw(st.integers(0, m.shape[1] - 1))
    bad = m.copy()
    bad[r, i] = -data.draw(st.integers(1, 1000))
    e, e_r, e_i = m.sum(), m.sum(axis=1, keepdims=True), m.sum(axis=0, keepdims=True)
    with pytest.raises(ValueError, match="e_ri must be 0 or more"):
        measures.location_quotient(bad, e_r, e_i, e)
    with pytest.raises(ValueError, match="e_r must be 0 or more"):
        measures.location_quotient(m, np.where(np.arange(m.shape[0])[:, None] == r, -1, e_r), e_i, e)
    with pytest.raises(InputError, match="0 or more: 1 negative value at row ") as raised:
        measures.lq_table(tidy(bad))
    assert raised.value.code == "measures.table_negative"

    industry, total = m[:, i].astype(float), m.sum(axis=1).astype(float)
    negative_industry, negative_total = industry.copy(), total.copy()
    negative_industry[r] = -1
    negative_total[r] = -1
    for measure in (measures.hoover, measures.locational_gini, eg):
        with pytest.raises(ValueError, match="industry_by_region must be 0 or more"):
            measure(negative_industry, total)
        with pytest.raises(ValueError, match="total_by_region must be 0 or more"):
            measure(industry, negative_total)
    with pytest.raises(ValueError, match="sizes must be 0 or more"):
        measures.herfindahl(bad.ravel())
