"""The gravity model on the book's data (clusterlab.models.gravity) and its chart: estimators checked against
independent numpy computations, the data's joins and what they leave out, and chapter 5's index set against
actual export shares."""

from __future__ import annotations

import html
import json
import re

import numpy as np
import pandas as pd
import pytest

from clusterlab import charts, data, labels
from clusterlab.errors import InputError
from clusterlab.models import gravity, psychic_distance

PAIRS = data.load("geodist_pairs")
GDP = data.load("wdi_gdp_population")


@pytest.fixture(scope="module")
def france() -> pd.DataFrame:
    return gravity.france_flows(2014)


@pytest.fixture(scope="module")
def morocco() -> pd.DataFrame:
    return gravity.baci_flows("MAR")


def hc1_ols(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """OLS by least squares, and White's sandwich with the n / (n − k) factor (HC1), by hand."""
    beta = np.linalg.lstsq(X, y, rcond=None)[0]
    e = y - X @ beta
    n, k = X.shape
    bread = np.linalg.inv(X.T @ X)
    meat = X.T @ (X * (e**2)[:, None])
    return beta, np.sqrt(np.diag(bread @ meat @ bread * n / (n - k)))


def ppml_newton(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Poisson pseudo-maximum likelihood by Newton's method (IRLS), and its HC1 sandwich, by hand."""
    beta = np.zeros(X.shape[1])
    beta[0] = np.log(y.mean())
    for _ in range(100):
        mu = np.exp(X @ beta)
        step = np.linalg.solve(X.T @ (X * mu[:, None]), X.T @ (y - mu))
        beta += step
        if np.max(np.abs(step)) < 1e-12:
            break
    mu = np.exp(X @ beta)
    n, k = X.shape
    bread = np.linalg.inv(X.T @ (X * mu[:, None]))
    meat = X.T @ (X * ((y - mu) ** 2)[:, None])
    return beta, np.sqrt(np.diag(bread @ meat @ bread * n / (n - k)))


def simulated(seed: int = 7, n: int = 3000) -> tuple[pd.DataFrame, dict[str, float]]:
    """Flows from a known gravity equation: mean exp(X b), multiplicative lognormal noise whose spread grows
    with distance (heteroskedastic, mean 1), and a fifth of the flows set to 0 (the others scaled up so that
    the mean stays exp(X b))."""
    rng = np.random.default_rng(seed)
    true = {"const": -8.0, "log_gdp": 0.9, "log_dist": -1.1, "contig": 0.5, "comlang_off": 0.4, "colony": 0.3}
    table = pd.DataFrame(
        {
            "partner": [f"P{i:04d}" for i in range(n)],
            "gdp_usd": np.exp(rng.normal(24, 2, n)),
            "dist_km": np.exp(rng.normal(8, 0.7, n)),
            "contig": rng.binomial(1, 0.1, n),
            "comlang_off": rng.binomial(1, 0.2, n),
            "colony": rng.binomial(1, 0.1, n),
            "exports": 0.0,
        }
    )
    X = gravity.design(table)
    mean = np.exp(X.to_numpy() @ np.array(list(true.values())))
    spread = 0.3 + 0.2 * (X["log_dist"] - 6) / 4
    noise = np.exp(rng.normal(-(spread**2) / 2, spread))
    kept = rng.binomial(1, 0.8, n) / 0.8
    table["exports"] = mean * noise * kept
    return table[list(gravity.COLUMNS)], true


# --------------------------------------------------------------------------- estimators


def test_ols_and_its_hc1_errors_are_least_squares_and_the_sandwich_by_hand(france):
    est = gravity.estimate(france, "ols")
    keep = france["exports"] > 0
    X = gravity.design(france)[keep].to_numpy()
    beta, se = hc1_ols(X, np.log(france["exports"][keep].to_numpy()))
    assert np.allclose(est["coefficient"], beta, rtol=1e-9, atol=1e-9)
    assert np.allclose(est["std_error"], se, rtol=1e-9)
    assert list(est["term"]) == ["const", *gravity.TERMS]
    assert np.allclose(est["ci_high"] - est["coefficient"], gravity.Z95 * est["std_error"])
    assert est.attrs["method"] == "ols" and est.attrs["n_obs"] == keep.sum() and 0 < est.attrs["r2"] < 1


@pytest.mark.parametrize("flows", ["france", "morocco"])
def test_ppml_and_its_hc1_errors_are_newton_s_method_and_the_sandwich_by_hand(flows, request):
    table = request.getfixturevalue(flows)
    est = gravity.estimate(table, "ppml")
    X = gravity.design(table)[list(est["term"])].to_numpy()  # the terms that vary (Morocco: no colonial link)
    beta, se = ppml_newton(X, table["exports"].to_numpy())
    assert np.allclose(est["coefficient"], beta, rtol=1e-7, atol=1e-7)
    assert np.allclose(est["std_error"], se, rtol=1e-6)
    fitted = np.exp(X @ beta)
    assert est.attrs["r2"] == pytest.approx(np.corrcoef(table["exports"], fitted)[0, 1] ** 2, rel=1e-6)


def test_ppml_recovers_the_coefficients_of_a_known_equation_and_ols_counts_the_zeros_it_leaves_out():
    table, true = simulated()
    est = gravity.estimate(table, "ppml").set_index("term")
    for term, value in true.items():
        assert abs(est.loc[term, "coefficient"] - value) < 3 * est.loc[term, "std_error"] + 0.02, term
    ols = gravity.estimate(table, "ols")
    assert ols.attrs["n_zero_left_out"] == (table["exports"] == 0).sum() > 400
    assert ols.attrs["n_obs"] == len(table) - ols.attrs["n_zero_left_out"]


def test_ppml_keeps_the_zeros_that_ols_leaves_out_and_says_how_many(france):
    table = france.copy()
    table.loc[table["partner"].isin(["TUV", "KIR", "NRU"]), "exports"] = 0.0
    ppml, ols = gravity.estimate(table, "ppml"), gravity.estimate(table, "ols")
    assert ppml.attrs["n_obs"] == len(table) and ppml.attrs["n_zero_left_out"] == 0
    assert ols.attrs["n_obs"] == len(table) - 3 and ols.attrs["n_zero_left_out"] == 3


def test_rescaling_exports_moves_only_the_ppml_constant(france):
    est = gravity.estimate(france).set_index("term")
    scaled = gravity.estimate(france.assign(exports=france["exports"] * 1000)).set_index("term")
    assert est.attrs["scale"] != scaled.attrs["scale"]
    assert np.allclose(scaled["coefficient"].drop("const"), est["coefficient"].drop("const"), atol=1e-8)
    assert scaled.loc["const", "coefficient"] == pytest.approx(est.loc["const", "coefficient"] + np.log(1000))
    assert np.allclose(scaled["std_error"], est["std_error"], rtol=1e-6)


def test_a_term_with_no_variation_is_left_out_and_named(morocco):
    est = gravity.estimate(morocco)
    assert morocco["colony"].nunique() == 1 and "colony" not in set(est["term"])
    assert est.attrs["no_variation"] == ["colony"]


# --------------------------------------------------------------------------- the data


def test_france_s_flows_join_tradhist_wdi_and_geodist_and_name_what_they_leave_out(france):
    trade = data.load("tradhist_france")
    partners = set(trade[trade["year"] == 2014]["partner"].replace(gravity.CODES))
    dropped = {d["partner"]: d["reason"] for d in france.attrs["dropped"]}
    assert len(france) + france.attrs["n_dropped"] == len(partners) and len(dropped) == france.attrs["n_dropped"]
    assert set(france["partner"]) | set(dropped) == partners
    assert dropped["VEN"] == "no_gdp" and dropped["CUW"] == "no_gdp,no_geodist"
    assert "ROU" in set(france["partner"])  # TRADHIST's and GeoDist's ROM, the WDI's ROU
    assert list(france.columns) == list(gravity.COLUMNS) and france.notna().all().all()
    row = france.set_index("partner").loc["DEU"]
    assert row["exports"] == trade[(trade["year"] == 2014) & (trade["partner"] == "DEU")]["exports_gbp"].iloc[0]
    assert row["gdp_usd"] == GDP[(GDP["iso3"] == "DEU") & (GDP["year"] == 2014)]["gdp_usd"].iloc[0]
    assert row["contig"] == 1 and row["comlang_off"] == 0
    assert france.set_index("partner").loc["DZA", "colony"] == 1


def test_morocco_s_flows_sum_baci_s_sections_and_average_the_gdp(morocco):
    baci = data.load("baci_maghreb_trade")
    row = morocco.set_index("partner").loc["SEN"]
    assert row["exports"] == pytest.approx(
        baci[(baci["exporter"] == "MAR") & (baci["importer"] == "SEN")]["value_kusd"].sum()
    )
    sen = GDP[(GDP["iso3"] == "SEN") & GDP["year"].between(2012, 2019)]["gdp_usd"]
    assert len(sen) == 8 and row["gdp_usd"] == pytest.approx(sen.mean())
    assert {d["partner"] for d in morocco.attrs["dropped"]} == {"ERI", "SSD", "COD"} - set(morocco["partner"])
    assert "MAR" not in set(morocco["partner"]) and morocco.attrs["short_gdp"] == ["DJI", "SOM"]


def test_the_baci_homes_are_the_countries_whose_every_african_flow_the_table_holds():
    baci = data.load("baci_maghreb_trade")
    assert (baci["exporter"].isin(gravity.BACI_HOMES) | baci["importer"].isin(gravity.BACI_HOMES)).all()
    assert set(baci[baci["exporter"] == "AGO"]["importer"]) <= set(gravity.BACI_HOMES)


# --------------------------------------------------------------------------- shares, ranks, the index


@pytest.mark.parametrize("method", ["ppml", "ols"])
def test_predicted_shares_sum_to_one_and_are_ranked(france, method):
    shares = gravity.predicted_shares(france, gravity.estimate(france, method))
    assert shares["predicted_share"].sum() == pytest.approx(1) and shares["observed_share"].sum() == pytest.approx(1)
    top = shares.sort_values("predicted_share", ascending=False).iloc[0]
    assert top["predicted_rank"] == 1 and shares["observed_rank"].min() == 1


def test_spearman_is_pearson_on_ranks_as_pandas_computes_it():
    rng = np.random.default_rng(3)
    x = rng.normal(size=50)
    y = np.round(x + rng.normal(size=50), 0)  # ties
    assert gravity.rank_correlation(x, y) == pytest.approx(pd.Series(x).corr(pd.Series(y), method="spearman"))


@pytest.mark.parametrize("home", ["FRA", "MAR"])
def test_chapter_5_s_index_is_set_against_actual_shares(home):
    check = gravity.index_check(home)
    assert check.attrs["spearman"] == pytest.approx(check["score"].corr(check["observed_share"], method="spearman"))
    assert -1 <= check.attrs["spearman_index_alone"] <= 1 and check.attrs["n"] == len(check)
    assert sorted(check["index_rank"]) == list(range(1, len(check) + 1))
    assert check["observed_share"].sum() == pytest.approx(1)


@pytest.mark.parametrize("home", ["FRA", "MAR"])
def test_implied_weights_are_nonnegative_and_sum_to_one(home):
    weights = gravity.implied_weights(gravity.flows(home))
    assert (weights["weight"] >= 0).all() and weights["weight"].sum() == pytest.approx(1)
    wrong = list(weights[weights["coefficient"] > 0]["component"])
    assert weights.attrs["wrong_sign"] == wrong
    assert (weights.set_index("component").loc[wrong, "weight"] == 0).all()
    psychic_distance.rank(home, PAIRS, GDP, weights=weights.attrs["weights"])  # usable as the index's weights


def test_recoding_spain_morocco_as_colonial_moves_spain_among_morocco_s_markets():
    recoded = gravity.recode(PAIRS, "MAR", "ESP", "colony", 1)
    assert (recoded.drop(columns="colony") == PAIRS.drop(columns="colony")).all().all()
    assert (recoded["colony"] != PAIRS["colony"]).sum() == 1  # one pair, stored once
    before = psychic_distance.rank("MAR", PAIRS, GDP).set_index("partner").loc["ESP", "rank"]
    after = psychic_distance.rank("MAR", recoded, GDP).set_index("partner").loc["ESP", "rank"]
    assert after < before


@pytest.mark.parametrize(
    "call, code",
    [
        (lambda: gravity.france_flows(1994), "models.gravity.year"),
        (lambda: gravity.france_flows(2015), "models.gravity.year"),
        (lambda: gravity.france_flows(True), "models.gravity.year"),
        (lambda: gravity.baci_flows("AGO"), "models.gravity.exporter"),
        (lambda: gravity.index_check("USA"), "models.gravity.home"),
        (lambda: gravity.estimate(gravity.baci_flows("TUN"), "gmm"), "models.gravity.method"),
        (lambda: gravity.estimate(gravity.baci_flows("TUN"), terms=["tariff"]), "models.gravity.terms"),
        (lambda: gravity.estimate(pd.DataFrame({"exports": [1.0]})), "models.gravity.columns"),
        (lambda: gravity.estimate(gravity.baci_flows("TUN").head(4)), "models.gravity.too_few"),
        (lambda: gravity.recode(PAIRS, "MAR", "ESP", "distcap_km", 1), "models.gravity.recode_column"),
        (lambda: gravity.recode(PAIRS, "MAR", "ESP", "colony", 2), "models.gravity.recode_dummy"),
        (lambda: gravity.recode(PAIRS, "MAR", "ESP", "dist_km", -5), "models.gravity.recode_distance"),
        (lambda: gravity.recode(PAIRS, "MAR", "XYZ", "colony", 1), "models.gravity.no_pair"),
    ],
)
def test_bad_arguments_raise_an_input_error_with_its_code_in_both_languages(call, code):
    messages = {}
    for language in ("en", "fr"):
        labels.set_language(language)
        with pytest.raises(InputError) as err:
            call()
        assert err.value.code == code
        messages[language] = str(err.value)
    assert messages["en"] != messages["fr"]


def test_the_year_error_says_the_valid_range():
    with pytest.raises(InputError, match="from 1995 to 2014"):
        gravity.france_flows(2019)


# --------------------------------------------------------------------------- the chart


def test_the_chart_binds_its_sliders_at_the_estimates_and_stays_small(france):
    est = gravity.estimate(france)
    spec = charts.gravity_chart(france, est).to_dict()
    binds = {p["name"]: p for p in spec["params"] if "bind" in p}
    assert set(binds) == {"b_log_dist", "b_comlang_off", "b_colony", "b_contig"}
    b = est.set_index("term")["coefficient"]
    assert all(binds[f"b_{t}"]["value"] == round(b[t], 2) for t in ("log_dist", "comlang_off", "colony", "contig"))
    assert all(p["bind"]["input"] == "range" for p in binds.values())
    assert len(json.dumps(spec)) < 40_000
    static = charts.gravity_chart(france, est, interactive=False).to_dict()
    assert all("bind" not in p for p in static["params"])


def test_the_chart_s_description_and_words_follow_the_language(morocco):
    est = gravity.estimate(morocco)
    labels.set_language("fr")
    fr = charts.gravity_chart(morocco, est).to_dict()
    labels.set_language("en")
    en = charts.gravity_chart(morocco, est).to_dict()
    assert fr["description"] == labels.label("charts.gravity.description", "fr") != en["description"]
    assert "Maroc" in json.dumps(fr, ensure_ascii=False) and "Morocco" in json.dumps(en)


def _vega_values(spec: dict) -> dict[str, float]:
    """The predicted share of each drawn partner as the chart's Vega computes it: the points drawn as text
    (name|share) and read back from vl-convert's SVG."""
    import vl_convert as vlc

    probe = json.loads(json.dumps(spec))
    points = probe["layer"][1]
    points["transform"].append({"calculate": "datum.name + '|' + toString(datum.predicted)", "as": "probe"})
    points["mark"] = {"type": "text"}
    points["encoding"] = {**points["encoding"], "text": {"field": "probe", "type": "nominal"}}
    svg = vlc.vegalite_to_svg(json.dumps(probe))
    texts = [html.unescape(t) for t in re.findall(r">([^<>]*\|[^<>]*)</text>", svg)]
    return {name: float(value) for name, value in (t.rsplit("|", 1) for t in texts)}


def test_the_browser_computes_the_shares_and_the_rank_correlation_as_the_model_does(france):
    from clusterlab.charts import gravity as gravity_charts

    labels.set_language("en")
    est = gravity.estimate(france)
    chart = charts.gravity_chart(france, est)
    spec = chart.to_dict()
    start = {p["name"][2:]: p["value"] for p in spec["params"]}
    at_start = est.assign(coefficient=[start.get(t, c) for t, c in zip(est["term"], est["coefficient"])])
    expected = gravity.predicted_shares(france, at_start)
    names = data.country_names()
    expected = dict(zip([str(names.get(p, p)) for p in expected["partner"]], expected["predicted_share"]))
    drawn = _vega_values(spec)
    assert len(drawn) == (france["exports"] > 0).sum()
    assert all(drawn[name] == pytest.approx(expected[name], rel=2e-3) for name in drawn)
    rho = gravity_charts.spearman_start(france, est)
    svg = html.unescape(_svg(chart))
    assert labels.label("charts.gravity.spearman").replace("{rho}", f"{rho:.2f}") in svg


def _svg(chart) -> str:
    import vl_convert as vlc

    return vlc.vegalite_to_svg(chart.to_json())
