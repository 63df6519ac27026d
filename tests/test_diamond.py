"""Porter's diamond as a scorecard (clusterlab.models.diamond)."""

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from clusterlab import labels
from clusterlab.errors import InputError
from clusterlab.models import diamond

scores = st.fixed_dictionaries({key: st.integers(diamond.LOW, diamond.HIGH) for key in diamond.DETERMINANTS})


def test_six_determinants_in_porter_s_order():
    assert diamond.DETERMINANTS == ("factors", "demand", "related", "rivalry", "chance", "government")


@given(scores)
def test_compare_gives_each_assessed_determinant_its_gap_and_keeps_every_row(mine):
    case = diamond.CASES["sassuolo"]
    table = diamond.compare(mine, "sassuolo")
    assert list(table["determinant"]) == list(diamond.DETERMINANTS)  # nothing dropped: six rows
    for row in table.itertuples():
        assert row.yours == mine[row.determinant]
        reference = case["scores"][row.determinant]
        if reference is None:  # the account is silent: not assessed, not a zero
            assert not row.assessed and pd.isna(row.reference) and pd.isna(row.gap)
        else:
            assert row.assessed and row.reference == reference and row.gap == row.yours - reference
    assert diamond.distance(mine, "sassuolo") == sum(abs(g) for g in table["gap"].dropna())


@given(scores, st.integers(diamond.LOW, diamond.HIGH), st.integers(diamond.LOW, diamond.HIGH))
def test_crediting_a_corner_the_account_is_silent_on_is_never_marked_wrong(mine, chance, government):
    assert diamond.silent("sassuolo") == ("chance", "government")
    moved = {**mine, "chance": chance, "government": government}
    assert diamond.distance(moved, "sassuolo") == diamond.distance(mine, "sassuolo")
    assert diamond.distance(moved, "sassuolo") <= diamond.most("sassuolo") == 3 * len(diamond.assessed("sassuolo"))


def test_the_reference_agrees_with_itself_whatever_is_said_where_the_account_is_silent():
    reference = diamond.CASES["sassuolo"]["scores"]
    assert reference["chance"] is None and reference["government"] is None  # silent, not 0
    assert (
        diamond.assessed("sassuolo") == ("factors", "demand", "related", "rivalry") and diamond.most("sassuolo") == 12
    )
    for filler in (diamond.LOW, diamond.HIGH):
        agreed = {k: filler if v is None else v for k, v in reference.items()}
        assert diamond.distance(agreed, "sassuolo") == 0
        assert (diamond.compare(agreed, "sassuolo")["gap"].dropna() == 0).all()
    all_threes = {k: 3 for k in diamond.DETERMINANTS}
    assert diamond.distance(all_threes, "sassuolo") == 1  # only factor conditions (2) differ


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_account_table_says_not_assessed_where_the_account_is_silent(language):
    labels.set_language(language)
    try:
        shown = diamond.account_table("sassuolo", {k: 2 for k in diamond.DETERMINANTS})
        assert list(shown["name"]) == [labels.label(f"diamond.{k}") for k in diamond.DETERMINANTS]
        rows = shown.set_index("determinant")
        for key in ("chance", "government"):
            assert rows.loc[key, "reference"] == labels.label("diamond.not_assessed")
            assert rows.loc[key, "gap"] == labels.label("diamond.not_counted")
            assert rows.loc[key, "yours"] == 2  # the reader's score is shown, not dropped
        assert rows.loc["factors", "reference"] == "2" and rows.loc["demand", "gap"] == "−1"
        assert "yours" not in diamond.account_table("sassuolo").columns  # the account alone
        note = diamond.silent_note("sassuolo")
        assert labels.label("diamond.chance") in note and labels.label("diamond.government") in note
    finally:
        labels.set_language("en")
    assert "not counted as wrong" in diamond.silent_note("sassuolo", "en")
    assert "comptées comme fausses" in diamond.silent_note("sassuolo", "fr")


@pytest.mark.parametrize(
    "reference, code",
    [
        (
            {"factors": 2, "demand": 3, "related": 3, "rivalry": 3, "chance": 0, "government": 5},
            "models.diamond.reference",
        ),
        (
            {"factors": 2, "demand": 3, "related": 3, "rivalry": 3, "chance": 0, "government": "?"},
            "models.diamond.reference",
        ),
        ({"factors": 2, "demand": 3, "related": 3, "rivalry": 3, "chance": None}, "models.diamond.reference"),
        ({k: None for k in diamond.DETERMINANTS}, "models.diamond.nothing_assessed"),
    ],
)
def test_a_case_s_reference_must_score_or_mark_silent_every_determinant(monkeypatch, reference, code):
    monkeypatch.setitem(diamond.CASES, "bad", {"source": "x", "scores": reference})
    with pytest.raises(InputError) as err:
        diamond.compare({k: 1 for k in diamond.DETERMINANTS}, "bad")
    assert err.value.code == code
    for language in labels.LANGUAGES:
        assert labels.label(f"error.{code}", language).strip()


def test_every_case_has_a_score_and_evidence_in_both_languages_for_every_determinant():
    for name, case in diamond.CASES.items():
        assert set(case["scores"]) == set(diamond.DETERMINANTS)
        assert all(v is None or diamond.LOW <= v <= diamond.HIGH for v in case["scores"].values())
        for key in diamond.DETERMINANTS:
            for language in labels.LANGUAGES:
                assert labels.label(f"diamond.{name}.{key}", language).strip()
                assert labels.label(f"diamond.{key}", language).strip()


@pytest.mark.parametrize(
    "given_scores, code, message",
    [
        ({"factors": 1}, "models.diamond.determinants", "missing determinants.*demand"),
        (
            {**{k: 1 for k in diamond.DETERMINANTS}, "luck": 2},
            "models.diamond.determinants",
            "unknown determinant .*luck",
        ),
        (
            {**{k: 1 for k in diamond.DETERMINANTS}, "demand": 4},
            "models.diamond.score",
            "'demand'.*whole number from 0 to 3.*4",
        ),
        ({**{k: 1 for k in diamond.DETERMINANTS}, "rivalry": 1.5}, "models.diamond.score", "rivalry.*whole number"),
        ({**{k: 1 for k in diamond.DETERMINANTS}, "chance": True}, "models.diamond.score", "chance.*whole number"),
        ([1, 2, 3], "models.diamond.not_a_mapping", "scores must map each determinant"),
    ],
)
def test_bad_scores_are_refused_with_what_to_fix(given_scores, code, message):
    with pytest.raises(InputError, match=message) as err:
        diamond.compare(given_scores, "sassuolo")
    assert err.value.code == code


def test_unknown_case_names_the_known_ones():
    with pytest.raises(InputError, match="sassuolo") as err:
        diamond.compare({k: 1 for k in diamond.DETERMINANTS}, "silicon-valley")
    assert err.value.code == "models.diamond.unknown_case"
