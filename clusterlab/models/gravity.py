"""A gravity model of a country's exports, estimated on the book's own data.

The gravity equation says that trade between two countries grows with their economic size and falls
with what separates them, as Newton's attraction grows with masses and falls with distance. For the
exports of one country (the *home*) to each partner *j* it reads

    exports_j = exp(b0 + b1 log GDP_j + b2 log distance_j + b3 contig_j + b4 comlang_off_j + b5 colony_j) × e_j

where ``contig`` (a shared border), ``comlang_off`` (a shared official language) and ``colony`` (a
colonial link, ever) are CEPII GeoDist's 0/1 variables. b1 is the elasticity of exports to the
partner's GDP (near 1 in most studies); b2 the elasticity to distance (near −1); exp(b3) − 1 the
proportional gain in exports from a shared border, other things equal, and so on. The home's own size
is the same for every partner, so it is in the constant.

Two estimators (:func:`estimate`):

* **OLS in logs**: the textbook route. It cannot use partners to which the home exported nothing
  (the log of 0 does not exist), so it leaves them out, and says how many;
* **PPML**: Poisson pseudo-maximum likelihood on exports in levels, zeros kept (Santos Silva and
  Tenreyro 2006, "The log of gravity", *Review of Economics and Statistics* 88(4)). When the error's
  variance changes with the partner (it does in trade data), OLS in logs gives biased elasticities;
  PPML does not, as long as the mean is right. It is the usual estimator today.

Both use heteroskedasticity-robust standard errors (HC1). The data are the book's tables: France's
exports by partner from CEPII TRADHIST (:func:`france_flows`, one year 1995–2014) and a Maghreb
country's exports to its African partners from CEPII BACI (:func:`baci_flows`, yearly average
2012–2022), with the partners' GDP from the World Bank's WDI and the distances of GeoDist.

The module also sets the data against chapter 5's psychic-distance index
(:mod:`clusterlab.models.psychic_distance`): how well its ranking of markets matches where the home
really sells (:func:`index_check`), which weights of its components the estimates suggest
(:func:`implied_weights`), and how a ranking moves when one GeoDist value is recoded (:func:`recode`).

GeoDist and TRADHIST write a few countries with codes that ISO 3166 has since replaced (Romania ROM,
not ROU; DR Congo ZAR, not COD; Timor-Leste TMP; Palestine PAL); the WDI uses today's codes. This
module writes every country with today's code (:data:`CODES`) before joining the tables, so that
Romania is not left out for want of a GDP.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from clusterlab import data, labels
from clusterlab.errors import InputError
from clusterlab.models import psychic_distance

#: The regressors :func:`estimate` knows, besides the constant (``const``).
TERMS = ("log_gdp", "log_dist", "contig", "comlang_off", "colony")
#: Years with both France's exports (TRADHIST, to 2014) and the partners' GDP (WDI, from 1995).
YEARS = (1995, 2014)
#: The exporters whose flows to every African partner ``baci_maghreb_trade`` holds (the table keeps the rows
#: whose exporter or importer is one of them; any other exporter appears only with its sales to these six).
BACI_HOMES = ("DZA", "EGY", "LBY", "MAR", "MRT", "TUN")
#: The WDI years whose mean GDP stands for a partner's size against BACI's 2012–2022 average (the WDI table
#: ends in 2019).
BACI_GDP_YEARS = (2012, 2019)
#: Old codes of GeoDist and TRADHIST, written as ISO 3166 (and the WDI) write them today.
CODES = {"ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "PAL": "PSE"}
#: GeoDist's variables :func:`recode` may change: the three 0/1 links and the distance (km).
RECODABLE = ("contig", "comlang_off", "colony", "dist_km")
COLUMNS = ("partner", "exports", "gdp_usd", "dist_km", "contig", "comlang_off", "colony")


def harmonised(pairs: pd.DataFrame) -> pd.DataFrame:
    """GeoDist's pairs (``geodist_pairs``) with today's ISO codes (:data:`CODES`)."""
    return pairs.assign(iso3_a=pairs["iso3_a"].replace(CODES), iso3_b=pairs["iso3_b"].replace(CODES))


def _pairs(pairs: pd.DataFrame | None) -> pd.DataFrame:
    return harmonised(data.load("geodist_pairs") if pairs is None else pairs)


def _links(home: str, pairs: pd.DataFrame) -> pd.DataFrame:
    """GeoDist's distance and 0/1 links between ``home`` and each partner (one row per partner)."""
    comp = psychic_distance.components(home, pairs)
    return pd.DataFrame(
        {
            "partner": comp["partner"],
            "dist_km": comp["dist_km"],
            "contig": 1 - comp["border"],
            "comlang_off": 1 - comp["language"],
            "colony": 1 - comp["colony"],
        }
    )


def _assemble(home: str, exports: pd.Series, gdp: pd.Series, pairs: pd.DataFrame, **attrs: object) -> pd.DataFrame:
    """The flows table: exports and GDP (Series by partner) joined to GeoDist; incomplete rows listed."""
    links = _links(home, pairs).set_index("partner")
    exports = exports.drop(home, errors="ignore")
    rows, dropped = [], []
    for partner, value in exports.items():
        reasons = [
            reason
            for reason, missing in (
                ("no_exports", pd.isna(value)),
                ("no_gdp", pd.isna(gdp.get(partner))),
                ("no_geodist", partner not in links.index),
            )
            if missing
        ]
        if reasons:
            dropped.append({"partner": partner, "reason": ",".join(reasons)})
        else:
            rows.append({"partner": partner, "exports": float(value), "gdp_usd": float(gdp[partner])})
    table = pd.DataFrame(rows, columns=["partner", "exports", "gdp_usd"]).merge(
        links, left_on="partner", right_index=True
    )
    table = table.sort_values("partner").reset_index(drop=True)[list(COLUMNS)]
    table.attrs.update(home=home, dropped=dropped, n_dropped=len(dropped), **attrs)
    return table


def france_flows(year: int = 2014, pairs: pd.DataFrame | None = None) -> pd.DataFrame:
    """France's exports to each partner in ``year`` (TRADHIST ``exports_gbp``, current pounds sterling), with
    the partner's GDP that year (WDI ``gdp_usd``, current US dollars) and GeoDist's variables.

    ``year`` is from 1995 (the WDI table's first year) to 2014 (TRADHIST's last), else
    :class:`~clusterlab.errors.InputError` ``models.gravity.year``. ``pairs`` is the ``geodist_pairs`` table
    (default: the book's; give a :func:`recode`\\ d copy to test a coding). Zero exports are kept. A partner
    with no export figure, no GDP or no GeoDist pair is left out and named in ``attrs["dropped"]`` (a list of
    ``{"partner", "reason"}``, the reason ``"no_exports"``, ``"no_gdp"`` or ``"no_geodist"``, comma-joined).
    """
    if isinstance(year, bool) or not isinstance(year, int | np.integer) or not YEARS[0] <= year <= YEARS[1]:
        raise InputError("models.gravity.year", value=year, first=str(YEARS[0]), last=str(YEARS[1]))
    trade = data.load("tradhist_france")
    trade = trade[trade["year"] == year].assign(partner=lambda t: t["partner"].replace(CODES))
    exports = trade.set_index("partner")["exports_gbp"].astype("Float64")
    gdp = data.load("wdi_gdp_population")
    gdp = gdp[(gdp["year"] == year) & gdp["gdp_usd"].notna()].set_index("iso3")["gdp_usd"].astype(float)
    return _assemble("FRA", exports, gdp, _pairs(pairs), source="tradhist", year=year, unit="gbp")


def baci_flows(exporter: str = "MAR", pairs: pd.DataFrame | None = None) -> pd.DataFrame:
    """A Maghreb country's (or Egypt's) exports to each African partner, yearly average 2012–2022 (BACI
    ``value_kusd`` summed over the HS sections, thousand current US dollars), with GeoDist's variables and
    the partner's GDP taken as the **mean of WDI ``gdp_usd`` over 2012–2019** (the WDI table ends in 2019;
    the mean is over the years it has, and partners with fewer than eight years are in
    ``attrs["short_gdp"]``).

    The partners are every African country of the table; one with no row from ``exporter`` has exports 0
    (BACI writes no row for no trade). ``exporter`` is one of :data:`BACI_HOMES`, else
    :class:`~clusterlab.errors.InputError` ``models.gravity.exporter``. Incomplete rows are reported as in
    :func:`france_flows`.
    """
    if exporter not in BACI_HOMES:
        raise InputError("models.gravity.exporter", value=exporter, exporters=list(BACI_HOMES))
    trade = data.load("baci_maghreb_trade")
    africa = sorted(set(trade["exporter"]) | set(trade["importer"]))
    sold = trade[trade["exporter"] == exporter].groupby("importer")["value_kusd"].sum()
    exports = sold.reindex(africa, fill_value=0.0).astype(float)
    exports.index = exports.index.map(lambda code: CODES.get(code, code))
    gdp = data.load("wdi_gdp_population")
    first, last = BACI_GDP_YEARS
    gdp = gdp[gdp["year"].between(first, last) & gdp["gdp_usd"].notna()]
    years = gdp.groupby("iso3").size()
    mean = gdp.groupby("iso3")["gdp_usd"].mean().astype(float)
    short = sorted(p for p in exports.index if 0 < years.get(p, 0) < last - first + 1)
    return _assemble(
        exporter, exports, mean, _pairs(pairs), source="baci", year="2012-2022", unit="kusd", short_gdp=short
    )


def design(table: pd.DataFrame, terms: Sequence[str] = TERMS) -> pd.DataFrame:
    """The regressors of ``terms`` for each row of a flows table, after a constant ``const``: ``log_gdp`` is
    log GDP, ``log_dist`` log distance (km), the others GeoDist's 0/1 variables as they are."""
    terms = list(terms)
    unknown = [t for t in terms if t not in TERMS]
    if unknown or not terms:
        raise InputError("models.gravity.terms", value=terms, terms=list(TERMS))
    missing = [c for c in COLUMNS if c not in table.columns]
    if missing:
        raise InputError("models.gravity.columns", missing=missing)
    made = {
        "log_gdp": lambda: np.log(table["gdp_usd"].astype(float)),
        "log_dist": lambda: np.log(table["dist_km"].astype(float)),
    }
    X = pd.DataFrame({"const": 1.0}, index=table.index)
    for term in terms:
        X[term] = made[term]() if term in made else table[term].astype(float)
    return X


#: The 97.5 % quantile of the normal distribution, so that 95 % intervals are coefficient ± Z95 × standard error.
Z95 = 1.959963984540054


def _tidy(X: pd.DataFrame, params: np.ndarray, cov: np.ndarray, shift: float = 0.0) -> pd.DataFrame:
    """Coefficients and their covariance as term, coefficient, std_error and the 95 % normal interval;
    ``shift`` is added to the constant, to undo a rescaling of the dependent variable."""
    coefficient = np.asarray(params, dtype=float) + np.where(X.columns == "const", shift, 0.0)
    se = np.sqrt(np.diag(cov))
    return pd.DataFrame(
        {
            "term": list(X.columns),
            "coefficient": coefficient,
            "std_error": se,
            "ci_low": coefficient - Z95 * se,
            "ci_high": coefficient + Z95 * se,
        }
    )


def _varying(X: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """``X`` without the regressors that take one value only (their coefficient cannot be estimated: Morocco
    has no colonial link with any African partner), and their names."""
    flat = [c for c in X.columns if c != "const" and X[c].nunique() < 2]
    if len(X) <= X.shape[1] - len(flat):
        raise InputError("models.gravity.too_few", n=len(X), k=X.shape[1] - len(flat))
    return X.drop(columns=flat), flat


def _fit_ppml(y: pd.Series, X: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """PPML of ``y`` (levels, zeros kept) on ``X``: the tidy table (HC1 errors) and the fitted means.

    ``y`` is divided by a power of ten near its mean first (``attrs["scale"]``), and the constant moved back:
    the other coefficients do not change. statsmodels' GLM gives the same sandwich for every ``cov_type``
    "HC0" to "HC3" (no small-sample factor); HC1 is HC0 × n / (n − k), applied here."""
    import statsmodels.api as sm

    X, flat = _varying(X)
    positive = y[y > 0]
    scale = 10.0 ** np.floor(np.log10(positive.mean())) if len(positive) else 1.0
    result = sm.GLM(y / scale, X, family=sm.families.Poisson()).fit(cov_type="HC0", maxiter=200, tol=1e-12)
    if not result.converged:
        raise InputError("models.gravity.no_convergence", n=len(X))
    n, k = X.shape
    tidy = _tidy(X, result.params, np.asarray(result.cov_params()) * n / (n - k), shift=float(np.log(scale)))
    tidy.attrs.update(scale=float(scale), no_variation=flat)
    return tidy, np.asarray(result.fittedvalues) * scale


def estimate(table: pd.DataFrame, method: str = "ppml", terms: Sequence[str] = TERMS) -> pd.DataFrame:
    """The gravity equation estimated on a flows table (:func:`france_flows`, :func:`baci_flows`).

    ``method="ols"``: OLS of log exports on the constant and ``terms`` (statsmodels ``OLS``), partners with
    zero exports left out (``attrs["n_zero_left_out"]``), ``attrs["r2"]`` its R². ``method="ppml"``:
    Poisson pseudo-maximum likelihood (statsmodels ``GLM``, Poisson family) on exports in levels, zeros
    kept; exports are divided by a power of ten (``attrs["scale"]``) for the numbers' sake and the constant
    moved back, so every coefficient is that of exports in the table's unit; ``attrs["r2"]`` is the squared
    correlation of observed and fitted exports. Both with HC1 robust standard errors and 95 % normal
    intervals. A term that takes one value only among the partners is left out and named in
    ``attrs["no_variation"]``.

    Returns one row per term (``const`` first): ``term``, ``coefficient``, ``std_error``, ``ci_low``,
    ``ci_high``, with ``attrs`` ``method``, ``n_obs``, ``n_zero_left_out``, ``r2`` and the table's
    ``home``, ``year``, ``source`` and ``unit``. An unknown ``method`` or term, a table without the columns
    of :func:`france_flows` or with fewer rows than coefficients raise
    :class:`~clusterlab.errors.InputError` (``models.gravity.*``).
    """
    if method not in ("ppml", "ols"):
        raise InputError("models.gravity.method", value=method)
    X = design(table, terms)
    y = table["exports"].astype(float)
    zeros = int((y <= 0).sum())
    if method == "ols":
        import statsmodels.api as sm

        keep = (y > 0).to_numpy()
        X, flat = _varying(X[keep])
        result = sm.OLS(np.log(y[keep]), X).fit(cov_type="HC1")
        tidy = _tidy(X, result.params, result.cov_params())
        tidy.attrs.update(n_obs=int(result.nobs), n_zero_left_out=zeros, r2=float(result.rsquared), no_variation=flat)
    else:
        tidy, fitted = _fit_ppml(y, X)
        r = np.corrcoef(y, fitted)[0, 1]
        tidy.attrs.update(n_obs=len(y), n_zero_left_out=0, r2=float(r * r))
    tidy.attrs["method"] = method
    tidy.attrs.update({k: table.attrs[k] for k in ("home", "year", "source", "unit") if k in table.attrs})
    return tidy


def predicted_shares(table: pd.DataFrame, coefficients: pd.DataFrame) -> pd.DataFrame:
    """Each partner's share of the home's exports as observed, and as the estimates predict it:
    exp(X b) / Σ exp(X b) over the table's partners (the constant cancels), with both ranks (1 = the
    largest share; ties share the lowest rank)."""
    b = coefficients.set_index("term")["coefficient"]
    X = design(table, [t for t in b.index if t != "const"])
    weight = np.exp(X.drop(columns="const").to_numpy() @ b.drop("const", errors="ignore").to_numpy())
    exports = table["exports"].astype(float)
    shares = pd.DataFrame(
        {
            "partner": table["partner"].to_numpy(),
            "observed_share": (exports / exports.sum()).to_numpy(),
            "predicted_share": weight / weight.sum(),
        }
    )
    for kind in ("observed", "predicted"):
        shares[f"{kind}_rank"] = shares[f"{kind}_share"].rank(ascending=False, method="min").astype(int)
    return shares


def rank_correlation(x: Sequence[float] | pd.Series, y: Sequence[float] | pd.Series) -> float:
    """Spearman's rank correlation: the Pearson correlation of the two variables' ranks (ties take their
    mean rank)."""
    rx = pd.Series(np.asarray(x, dtype=float)).rank()
    ry = pd.Series(np.asarray(y, dtype=float)).rank()
    return float(np.corrcoef(rx, ry)[0, 1])


def flows(home: str, year: int | None = None, pairs: pd.DataFrame | None = None) -> pd.DataFrame:
    """The flows table of ``home``: France's from TRADHIST (``year``, default 2014), a country of
    :data:`BACI_HOMES`'s from BACI (``year`` is not used); any other home raises
    :class:`~clusterlab.errors.InputError` ``models.gravity.home``."""
    if home == "FRA":
        return france_flows(YEARS[1] if year is None else year, pairs)
    if home in BACI_HOMES:
        return baci_flows(home, pairs)
    raise InputError("models.gravity.home", value=home, homes=["FRA", *BACI_HOMES])


def index_check(
    home: str = "FRA",
    year: int | None = None,
    weights: Mapping[str, float] | None = None,
    market_weight: float = 1.0,
    pairs: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Chapter 5's ranking of first markets (:func:`clusterlab.models.psychic_distance.rank`: score = market
    size − psychic-distance index) set against where ``home`` really sells.

    France's actual shares are TRADHIST's in ``year`` (default 2014), and the ranking's GDP is that year's; a
    Maghreb home's are BACI's to its African partners (2012–2022), and the ranking's GDP is ``year``'s
    (default 2019, chapter 5's). The comparison is over the partners both have (zero exports included).

    Returns partner, exports, observed_share, observed_rank, index_rank, score and index, by index rank;
    ``attrs["spearman"]`` is the rank correlation of score and observed share (:func:`rank_correlation`),
    ``attrs["spearman_index_alone"]`` that of minus the index alone (market size left out), with ``n``,
    ``home``, ``year`` and the ``weights`` used.
    """
    table = flows(home, year, pairs)
    gdp_year = table.attrs["year"] if home == "FRA" else (2019 if year is None else year)
    ranked = psychic_distance.rank(
        home, _pairs(pairs), data.load("wdi_gdp_population"), weights, market_weight, gdp_year
    )
    both = ranked.merge(table[["partner", "exports"]], on="partner")
    both["observed_share"] = both["exports"] / both["exports"].sum()
    both["observed_rank"] = both["observed_share"].rank(ascending=False, method="min").astype(int)
    both["index_rank"] = np.arange(1, len(both) + 1)  # rank() sorted them by score
    out = both[["partner", "exports", "observed_share", "observed_rank", "index_rank", "score", "index"]]
    out.attrs.update(
        home=home,
        year=table.attrs["year"],
        gdp_year=gdp_year,
        n=len(out),
        spearman=rank_correlation(out["score"], out["observed_share"]),
        spearman_index_alone=rank_correlation(-out["index"], out["observed_share"]),
        weights=psychic_distance.normalised_weights(weights),
    )
    return out


def implied_weights(table: pd.DataFrame, pairs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Weights of the psychic-distance index's four components suggested by the home's exports.

    PPML (as :func:`estimate`) of exports on log GDP and the index's own components for the table's home
    (:func:`clusterlab.models.psychic_distance.components`: distance as log km rescaled 0–1, and the three
    0/1 "far" indicators border, language, colony). Each coefficient is how much a component lowers trade,
    in log points, when it goes from 0 to 1: a component that lowers trade more deserves more weight in an
    index meant to say where trading is hard. So weight_k = max(0, −coefficient_k) / Σ max(0, −coefficient_j).
    A component with a positive ("wrong") sign, one whose "far" value goes with *more* trade here, gets 0,
    and is named in ``attrs["wrong_sign"]`` rather than hidden; a component that takes one value only among
    the partners (no colonial link between Morocco and any African partner) cannot be estimated: its
    coefficient is missing, its weight 0, and it is named in ``attrs["no_variation"]``. If all four have a positive sign, no
    weighting follows from the data (:class:`~clusterlab.errors.InputError` ``models.gravity.no_weight``).

    Returns component, coefficient, std_error, weight; ``attrs["weights"]`` is the dict to give
    :func:`~clusterlab.models.psychic_distance.index` or ``rank``, with ``n_obs``, ``home`` and ``year``.
    """
    home = table.attrs.get("home")
    comp = psychic_distance.components(home, _pairs(pairs))
    both = table[["partner", "exports", "gdp_usd"]].merge(comp, on="partner")
    X = pd.DataFrame({"const": 1.0, "log_gdp": np.log(both["gdp_usd"].astype(float))})
    for k in psychic_distance.COMPONENTS:
        X[k] = both[k].astype(float)
    tidy, _ = _fit_ppml(both["exports"].astype(float), X)
    rows = tidy.set_index("term").reindex(list(psychic_distance.COMPONENTS))
    lowering = np.nan_to_num(np.maximum(0.0, -rows["coefficient"].to_numpy()))
    if lowering.sum() == 0:
        raise InputError("models.gravity.no_weight", home=home)
    out = pd.DataFrame(
        {
            "component": list(psychic_distance.COMPONENTS),
            "coefficient": rows["coefficient"].to_numpy(),
            "std_error": rows["std_error"].to_numpy(),
            "weight": lowering / lowering.sum(),
        }
    )
    out.attrs.update(
        home=home,
        year=table.attrs.get("year"),
        n_obs=len(both),
        no_variation=tidy.attrs["no_variation"],
        wrong_sign=[k for k, c in zip(out["component"], out["coefficient"]) if c > 0],
        weights=dict(zip(out["component"], out["weight"].astype(float))),
    )
    return out


def recode(pairs: pd.DataFrame, a: str, b: str, column: str, value: float) -> pd.DataFrame:
    """A copy of GeoDist's pairs with one pair's ``column`` (one of :data:`RECODABLE`) set to ``value``: 0 or
    1 for the links, a positive number of km for ``dist_km``. The pair is found whichever way it is stored
    (``a``, ``b`` or ``b``, ``a``), with the table's own codes. For sensitivity checks: GeoDist codes
    ``colony`` = 0 for Spain–Morocco despite Spain's protectorate over northern Morocco (1912–1956);
    ``recode(pairs, "ESP", "MAR", "colony", 1)`` shows what that choice does to a ranking."""
    if column not in RECODABLE:
        raise InputError("models.gravity.recode_column", value=column, columns=list(RECODABLE))
    dummy = column != "dist_km"
    ok = value in (0, 1) if dummy else isinstance(value, int | float) and np.isfinite(value) and value > 0
    if isinstance(value, bool) or not ok:
        raise InputError(f"models.gravity.recode_{'dummy' if dummy else 'distance'}", column=column, value=value)
    found = ((pairs["iso3_a"] == a) & (pairs["iso3_b"] == b)) | ((pairs["iso3_a"] == b) & (pairs["iso3_b"] == a))
    if not found.any():
        raise InputError("models.gravity.no_pair", a=a, b=b)
    out = pairs.copy()
    out.loc[found, column] = value
    return out


def _digits(value: float) -> float:
    """``value`` to 10 significant digits: the last bits of an estimate change with the processor the linear
    algebra library runs on, and a chart's data (named by a hash of its values) should not."""
    return float(f"{float(value):.10g}")


def forest_rows(estimates: pd.DataFrame) -> pd.DataFrame:
    """The distance elasticity of an :func:`estimate` as one row for :func:`clusterlab.charts.forest_chart`:
    question ``distance``, the home, year and method as the study, the 95 % interval, the data as the source."""
    if "log_dist" not in set(estimates["term"]):
        raise InputError("models.gravity.terms", terms=list(TERMS), value=list(estimates["term"]))
    row = estimates.set_index("term").loc["log_dist"]
    home, method = estimates.attrs.get("home"), estimates.attrs.get("method")
    years = estimates.attrs.get("year")
    source = "tradhist" if estimates.attrs.get("source") == "tradhist" else "baci"
    return pd.DataFrame(
        {
            "question": ["distance"],
            "study": [
                labels.message(
                    "charts.forest.ours",
                    home=data.country_names().get(home, home),
                    years=_years(years),
                    method=labels.label(f"gravity.method.{method}"),
                )
            ],
            "estimate": [_digits(row["coefficient"])],
            "low": [_digits(row["ci_low"])],
            "high": [_digits(row["ci_high"])],
            "unit": [labels.label("charts.forest.unit.elasticity")],
            "source": [labels.label(f"charts.forest.ours_{source}")],
            "year": [int(str(years)[-4:])],
        }
    )


def side_by_side(*estimates: pd.DataFrame) -> pd.DataFrame:
    """Estimates of the same equation by several methods, one row per term (``term``, and ``variable``: its
    name in the reader's language), each method's coefficient and standard error side by side."""
    columns = {}
    for est in estimates:
        method = est.attrs["method"]
        tidy = est.set_index("term")
        columns[f"{method}_coefficient"] = tidy["coefficient"]
        columns[f"{method}_std_error"] = tidy["std_error"]
    out = pd.DataFrame(columns)
    out.index.name = "term"
    out = out.reset_index()
    out.insert(1, "variable", [labels.label(f"gravity.term.{term}") for term in out["term"]])
    return out


def _years(years: object) -> str:
    """A year or a span of years as the text shows it (an en dash between two years, no thousands separator)."""
    return str(years).replace("-", "\u2013")


def summary(table: pd.DataFrame) -> str:
    """One sentence on a flows table, in the reader's language: how many partners it holds, and which
    partners were left out for want of data (never silently)."""
    home, years = table.attrs.get("home"), _years(table.attrs.get("year"))
    names, old = data.country_names(), {new: code for code, new in CODES.items()}
    dropped = [
        names.get(d["partner"], names.get(old.get(d["partner"]), d["partner"])) for d in table.attrs.get("dropped", [])
    ]
    text = labels.message("gravity.summary", n=len(table), home=names.get(home, home), years=years)
    if dropped:
        text += " " + labels.message(
            "gravity.left_out", n=len(dropped), names=labels.label("book.chart.list_separator").join(sorted(dropped))
        )
    return text
