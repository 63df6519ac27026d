"""The models' errors in the reader's language: a French message after ``labels.set_language("fr")``, an
English one after ``"en"``, and the same language-free code (clusterlab.errors) in both."""

import pickle
import re

import pandas as pd
import pytest

from clusterlab import data, labels
from clusterlab.errors import InputError, InputTypeError
from clusterlab.models import (
    consortium,
    core_periphery,
    diamond,
    diffusion,
    footloose,
    gravity,
    gvc,
    labour_pooling,
    lockin,
    melitz,
    policy,
    psychic_distance,
)

ALL = {k: 1 for k in diamond.DETERMINANTS}

# model: (a call with a bad argument, its code, a piece of the French message, a piece of the English one)
CASES = {
    "nest": (
        lambda: core_periphery.break_point(0.4, 1.0),
        "models.nest.sigma",
        "strictement supérieur à 1",
        "greater than 1",
    ),
    "core_periphery": (
        lambda: core_periphery.break_point(0.6, 2.0),
        "models.core_periphery.black_hole",
        "sigma * (1 - mu) = 0,8 ≤ 1\u00a0: c'est le cas du «\u00a0trou noir\u00a0»",
        "sigma * (1 - mu) = 0.8 ≤ 1: the 'black hole' case",
    ),
    "footloose": (
        lambda: footloose.break_point(0.9, 1.8),
        "models.footloose.black_hole",
        "mu = 0,9 ≥ sigma - 1 = 0,8\u00a0:",
        "mu = 0.9 ≥ sigma - 1 = 0.8:",
    ),
    "consortium": (
        lambda: consortium.min_partners(10, 0),
        "models.consortium.no_profit",
        "ne gagne rien à l'étranger",
        "earns nothing abroad",
    ),
    "diamond": (
        lambda: diamond.compare({"factors": 1, "luck": 2}),
        "models.diamond.determinants",
        "scores\u00a0: déterminants manquants ['demand', 'related', 'rivalry', 'chance', 'government']"
        "\u202f; déterminant inconnu ['luck'].",
        "scores: missing determinants ['demand', 'related', 'rivalry', 'chance', 'government']; unknown determinant ['luck'].",
    ),
    "diffusion": (
        lambda: diffusion.cluster_graph(n_cliques=3, pipelines=1),
        "models.diffusion.no_pipeline",
        "avec 3\u00a0groupes",
        "with 3 cliques",
    ),
    "gvc": (
        lambda: gvc.governance("high", "medium", "low"),
        "models.gvc.level",
        "codifiability doit valoir 'high' ou 'low' (ou True / False)\u202f; reçu\u00a0: 'medium'.",
        "codifiability must be 'high' or 'low' (or True / False); got 'medium'.",
    ),
    "labour_pooling": (
        lambda: labour_pooling.simulate(n_firms=10, n_towns=3),
        "models.labour_pooling.n_towns",
        "n_towns doit diviser n_firms = 10",
        "n_towns must divide n_firms = 10",
    ),
    "lockin": (
        lambda: lockin.arthur_path(a_R=0.8, b_R=1.0),
        "models.lockin.r_prefers_a",
        "les agents R doivent préférer A",
        "R-agents must prefer A",
    ),
    "melitz": (
        lambda: melitz.share_exporting(1.0, 0.5, 1.0, 4.0, 4.25),
        "models.melitz.no_selection",
        "tau^(sigma - 1) * f_x = 0,5 < f_d = 1\u00a0: exporter coûterait moins cher",
        "tau^(sigma - 1) * f_x = 0.5 < f_d = 1: exporting would cost less",
    ),
    "policy": (
        lambda: policy.diff_in_diff(policy.panel(firms=100, sectors=2), by="region"),
        "models.policy.by",
        "by doit valoir 'sector' ou None",
        "by must be 'sector' or None",
    ),
    "gravity": (
        lambda: gravity.france_flows(2019),
        "models.gravity.year",
        "year doit être une année entière de 1995 à 2014",
        "year must be a whole year from 1995 to 2014",
    ),
    "psychic_distance": (
        lambda: psychic_distance.normalised_weights({"religion": 1}),
        "models.psychic_distance.unknown_components",
        "composante inconnue ['religion']\u202f; les composantes sont",
        "unknown component ['religion']; the components are",
    ),
}


def caught(call, language: str) -> InputError:
    labels.set_language(language)
    try:
        with pytest.raises(InputError) as err:
            call()
    finally:
        labels.set_language("en")
    return err.value


@pytest.mark.parametrize("model", sorted(CASES))
def test_a_bad_argument_is_refused_in_the_readers_language_with_one_code(model):
    call, code, fr, en = CASES[model]
    errors = {language: caught(call, language) for language in ("fr", "en")}
    assert errors["fr"].code == errors["en"].code == code
    assert fr in str(errors["fr"]) and en in str(errors["en"])
    assert str(errors["fr"]) != str(errors["en"])
    for err in errors.values():
        assert isinstance(err, ValueError) and not re.search(r"\{\w*\}", str(err))  # every placeholder filled in
    assert pickle.loads(pickle.dumps(errors["en"])).code == code


def test_counts_take_their_plural_form_in_both_languages():
    one = lambda: psychic_distance.normalised_weights({"religion": 1})  # noqa: E731
    two = lambda: psychic_distance.normalised_weights({"religion": 1, "climate": 1})  # noqa: E731
    assert "composante inconnue [" in str(caught(one, "fr")) and "composantes inconnues [" in str(caught(two, "fr"))
    assert "unknown component [" in str(caught(one, "en")) and "unknown components [" in str(caught(two, "en"))
    frame = policy.panel(firms=100, sectors=2)
    one = lambda: policy.naive(frame.drop(columns="outcome"))  # noqa: E731
    two = lambda: policy.naive(frame.drop(columns=["outcome", "year"]))  # noqa: E731
    assert "une colonne ['outcome']" in str(caught(one, "fr")) and "les colonnes [" in str(caught(two, "fr"))


def test_a_value_of_the_wrong_kind_is_a_type_error_too():
    err = caught(lambda: diamond.compare([1, 2, 3]), "fr")
    assert isinstance(err, InputTypeError) and isinstance(err, TypeError)
    assert err.code == "models.diamond.not_a_mapping" and "reçu un objet list" in str(err)


@pytest.mark.parametrize(
    "call, code",
    [
        (lambda: footloose.wage_gap(0.5, 0.5, 0.4, 5, H=0), "checks.positive"),
        (lambda: core_periphery.break_point(True, 5), "checks.number_not_bool"),
        (lambda: core_periphery.wage_gap("half", 0.5, 0.4, 5), "checks.array"),
        (lambda: consortium.per_firm_cost(10, True), "checks.array_not_bool"),
        (lambda: labour_pooling.simulate(draws=True), "checks.whole_low"),
        (lambda: labour_pooling.simulate(wage_floor="low"), "checks.number"),
        (lambda: policy.panel(firms=3), "checks.whole_low"),
        (lambda: policy.panel(sectors=2.0), "checks.whole_low"),
        (lambda: psychic_distance.normalised_weights({"distance": -1}), "checks.low"),
        (lambda: psychic_distance.normalised_weights({"border": "a lot"}), "checks.number"),
        (lambda: psychic_distance.rank("FRA", pd.DataFrame(), pd.DataFrame(), market_weight=-1), "checks.low"),
    ],
)
def test_models_check_their_arguments_with_the_shared_checks(call, code):
    """The models' own little validators gave way to clusterlab.checks: one rule everywhere (a bool is not a
    number), one code, and a message in the reader's language."""
    errors = {language: caught(call, language) for language in ("fr", "en")}
    assert errors["fr"].code == errors["en"].code == code
    assert "reçu\u00a0:" in str(errors["fr"]) and "got " in str(errors["en"])


def test_years_are_not_grouped_like_numbers():
    pairs, gdp = data.load("geodist_pairs"), data.load("wdi_gdp_population")
    err = caught(lambda: psychic_distance.rank("FRA", pairs, gdp, year=1900), "fr")
    assert err.code == "models.psychic_distance.no_gdp"
    assert str(err) == "pas de PIB pour l'année 1900\u202f; la table couvre les années 1995 à 2019."


def test_a_score_out_of_the_scale_names_the_determinant_and_the_scale():
    err = caught(lambda: diamond.compare({**ALL, "demand": 4}), "fr")
    assert err.code == "models.diamond.score"
    assert str(err) == "la note de 'demand' doit être un nombre entier de 0 à 3\u202f; reçu\u00a0: 4."
    assert caught(lambda: diamond.compare({**ALL, "chance": True}), "en").code == "models.diamond.score"
