"""Chapter 7 (the cluster as a springboard abroad): what the text says is what the model and the data give."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT, chapter_prose

from clusterlab import charts, data
from clusterlab.models import consortium, diffusion

STEM = "07-cluster-springboard"


def prose(language: str) -> str:
    return chapter_prose(STEM, language)


def test_the_diffusion_figures_quoted_are_the_model_s():
    def at(pipelines, local_ties):
        curve = diffusion.summary(pipelines=pipelines, local_ties=local_ties, runs=40, periods=30)
        return diffusion.time_to(curve, 0.5), diffusion.time_to(curve, 0.9), round(100 * curve["share"].iloc[-1], 1)

    assert at(0, 1)[0] == 12 and at(2, 1)[0] == 10 and at(8, 1)[0] == 7 and at(0, 2)[0] == 8
    assert at(2, 0) == (None, None, 19.7) and at(8, 0)[2] == 67.3
    g = diffusion.cluster_graph(local_ties=1, pipelines=0)
    assert sum(1 for *_, d in g.edges(data=True) if d["kind"] == "local") == 8  # "1 local tie means 8 links"
    en, fr = prose("en"), prose("fr")
    for text in (
        "half the firms know by period 12",
        "to period 10, eight pipelines to period 7",
        "bring it to period 8",
        "19.7% of the firms",
        "with eight, 67.3%",
    ):
        assert text in en
    for text in (
        "informées à la période 12",
        "à la période 10, huit pipelines à la période 7",
        "l'avancent à la période 8",
        "19,7\u202f% des entreprises",
        "avec huit, 67,3\u202f%",
    ):
        assert text in fr


def test_the_consortium_answers_hold():
    assert (consortium.min_partners(120, 30), consortium.min_partners(240, 30)) == (4, 8)
    assert consortium.min_partners(90, 20) == 5 and consortium.min_partners(150, 40) == 4


def test_the_maghreb_figures_quoted_are_baci_s():
    baci = data.load("baci_maghreb_trade")
    flows = charts.maghreb_trade(baci, data.load("geodist_countries"))
    shares = flows.drop_duplicates("exporter").set_index("exporter")["maghreb_share"].to_dict()
    assert shares == {"DZA": 73.0, "LBY": 59.8, "MAR": 22.7, "MRT": 9.8, "TUN": 65.6}
    top = flows.sort_values("value_musd", ascending=False).head(3)[["exporter", "importer"]].values.tolist()
    assert top == [["DZA", "TUN"], ["DZA", "MAR"], ["TUN", "LBY"]]
    assert round(flows.set_index(["exporter", "importer"]).loc[("DZA", "TUN"), "value_musd"]) == 1467
    by_section = baci[baci["exporter"] == "DZA"].groupby("section")["value_kusd"].sum()
    assert round(100 * by_section[5] / by_section.sum(), 1) == 83.2  # mineral products
    morocco = baci[baci["exporter"] == "MAR"].groupby("section")["value_kusd"].sum()
    assert morocco.idxmax() == 6 and round(100 * morocco.max() / morocco.sum(), 1) == 32.4  # chemicals
    en, fr = prose("en"), prose("fr")
    assert "Algeria sends 73.0%" in en and "Morocco 22.7% and Mauritania 9.8%" in en and "1,467 million" in en
    assert "83.2%" in en and "32.4%" in en and "83,2\u202f%" in fr and "1\u202f467 millions" in fr
    # most of these flows are mineral products (the HS section with fuels)
    within = baci[baci["exporter"].isin(charts.MAGHREB) & baci["importer"].isin(charts.MAGHREB)]

    def minerals(part):
        return round(100 * part.loc[part["section"] == 5, "value_kusd"].sum() / part["value_kusd"].sum(), 1)

    pair = within.groupby(["exporter", "importer"])
    assert minerals(pair.get_group(("DZA", "TUN"))) == 95.0 and minerals(pair.get_group(("DZA", "MAR"))) == 90.2
    assert minerals(within) == 53.4 and "95.0%" in en and "90.2%" in en and "53.4%" in en and "53,4\u202f%" in fr
    assert len(set(baci["exporter"]) | set(baci["importer"])) == 47 and "47 countries in all" in en


def test_the_escp_figures_are_quoted_with_their_source():
    en, fr = prose("en"), prose("fr")
    for text in ("2,700", "3,010", "39 memoranda", "370 cluster-to-cluster", "45 collaboration projects", "12,000"):
        assert text in en
    for text in ("2\u202f700", "3\u202f010", "39 protocoles", "370 rencontres", "45 projets", "12\u202f000"):
        assert text in fr
    assert en.count("eccp2018clusters") == fr.count("eccp2018clusters") >= 2


# --- the chapter's self-check questions (clusterlab/questions/07-cluster-springboard.yml) --------------------


def _question(qid):
    from clusterlab import questions

    return questions.all_questions()[qid]


@pytest.fixture(scope="module")
def curves():
    return diffusion.diffusion_data()  # what the chart embeds


def _curve(curves, controls):
    chosen = curves[(curves["pipelines"] == controls["pipelines"]) & (curves["local_ties"] == controls["local_ties"])]
    return chosen.sort_values("period")


def _half_at(curve):
    """The chart's caption: the first period whose share is at least one half, or None."""
    hit = curve.loc[curve["share"] >= 0.5, "period"]
    return int(hit.min()) if len(hit) else None


def test_question_consortium_size():
    q = _question("consortium-size")
    assert q.answer.value == consortium.min_partners(fixed_cost=100, profit=30)
    down, fraction, inverse = (w.value for w in q.answer.wrong)
    assert down == 100 // 30 and not consortium.exports(fixed_cost=100, profit=30, n_firms=3)
    assert fraction == pytest.approx(100 / 30, abs=0.01) and inverse == pytest.approx(30 / 100)


def test_question_diffusion_four_pipelines(curves):
    q = _question("diffusion-read-four-pipelines")
    controls = q.chart["controls"]
    assert _half_at(_curve(curves, controls)) == q.answer.value
    two, none = (w.value for w in q.answer.wrong)
    assert _half_at(_curve(curves, controls | {"pipelines": 2})) == two
    assert _half_at(_curve(curves, controls | {"pipelines": 0})) == none


def test_question_diffusion_no_local_ties(curves):
    q = _question("diffusion-read-no-local-ties")
    curve = _curve(curves, q.chart["controls"])
    assert curve["period"].iloc[-1] == 30 and _half_at(curve) is None
    assert 100 * curve["share"].iloc[-1] == pytest.approx(q.answer.value, abs=q.answer.tolerance)
    one_tie, share = (w.value for w in q.answer.wrong)
    assert round(100 * _curve(curves, q.chart["controls"] | {"local_ties": 1})["share"].iloc[-1]) == one_tie
    assert share == pytest.approx(q.answer.value / 100)


def test_question_maghreb_map_morocco():
    q = _question("maghreb-map-read-morocco")
    flows = charts.maghreb_trade(data.load("baci_maghreb_trade"), data.load("geodist_countries"))
    names = {"MRT": "Mauritania", "DZA": "Algeria", "TUN": "Tunisia", "LBY": "Libya"}
    shown = flows[flows["exporter"] == q.chart["controls"]["exporter"]].set_index("importer")["value_musd"]
    assert [o.text["en"] for o in q.options if o.correct] == [names[shown.idxmax()]]
    assert shown.to_dict() == {"DZA": 215.8, "LBY": 85.0, "MRT": 236.7, "TUN": 144.7}  # the figures the feedback quotes
    tunisia = flows[flows["exporter"] == "TUN"].set_index("importer")["value_musd"]
    assert tunisia.idxmax() == "LBY"  # "Tunisia's largest customer in the Maghreb"


def test_the_other_questions_have_their_right_options():
    assert _question("buzz-and-pipelines").right == [0, 1]
    for qid in ("district-firms-export-more", "consortium-complementary", "diffusion-model-lesson", "escp-counts"):
        assert _question(qid).right == [0]
    assert _question("maghreb-shares-reading").right == [0]


# --- Silicon Valley, Route 128 and diaspora pipelines; clusters in sub-Saharan Africa; the new exercises ------


def section(language: str, label: str) -> str:
    """The markdown cell that opens with the label ``(label)=``."""
    nb = json.loads((ROOT / "chapters" / language / f"{STEM}.ipynb").read_text(encoding="utf-8"))
    cells = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]
    return next(c for c in cells if c.startswith(f"({label})="))


NEW_KEYS = (
    "saxenian1994regional",
    "saxenian2006new",
    "saxenian1999silicon",
    "saxenian2002local",
    "malouche2016mobilizing",
    "worldbank2017arab",
    "gubert2008return",
    "ehrhart2014migration",
    "schmitz1999clustering",
    "mccormick1999african",
    "schmitz1999global",
    "gna2007suame",
    "galveznogales2010agro",
)


@pytest.mark.parametrize("label", ["cs-argonauts", "cs-africa"])
def test_the_new_sections_cite_the_same_works_in_both_editions(label):
    en, fr = section("en", label), section("fr", label)
    cited = sorted(set(re.findall(r"\{cite:[tp]\}`([^`]+)`", en)))
    assert cited and set(cited) <= set(NEW_KEYS)
    for key in NEW_KEYS:
        assert en.count(key) == fr.count(key), key
    bib = (ROOT / "references.bib").read_text(encoding="utf-8")
    for key in cited:
        assert re.search(r"^@\w+\{" + key + ",", bib, re.M), key


def test_the_figures_of_the_new_sections_are_in_both_editions():
    en = section("en", "cs-argonauts") + section("en", "cs-africa")
    fr = section("fr", "cs-argonauts") + section("fr", "cs-africa")
    nnbsp = "\u202f"
    pairs = [
        ("between 1975 and 1990", "entre 1975 et 1990"),
        (
            "25 billion dollars from 1986 to 1990, against 1 billion",
            "25 milliards de dollars de 1986 à 1990, contre 1 milliard",
        ),
        ("three times as many new jobs", "trois fois plus d'emplois nouveaux"),
        ("December 2016", "décembre 2016"),
        (
            "no less than 5% of the region's population, or 20 million",
            f"au moins 5{nnbsp}% de la population de la région, soit 20 millions",
        ),
        ("Boeing in 2001", "Boeing, en 2001"),
        ("likely followed", "a probablement suivi"),
        ("from 1980 to 2010", "de 1980 à 2010"),
        (
            "over 12,000 enterprises and more than 100,000 artisans",
            f"plus de 12{nnbsp}000 entreprises et plus de 100{nnbsp}000 artisans",
        ),
        ("in the 1930s", "dans les années 1930"),
        ("February 2007", "février 2007"),
        ("about 100,000 tonnes in 1979", f"environ 100{nnbsp}000 tonnes en 1979"),
        ("about 500,000 tonnes in 1989", f"environ 500{nnbsp}000 tonnes en 1989"),
        ("840,000 tonnes in 2006", f"840{nnbsp}000 tonnes, selon les estimations, en 2006"),
        ("about 35 factories", "environ 35 usines"),
        ("banned in 1997", "interdites en 1997"),
        ("six African clusters", "six clusters africains"),
    ]
    for english, french in pairs:
        assert english in en, english
        assert french in fr, french
    # the summary's figures are attributed as such, and the Maghreb link is stated as a hypothesis
    assert "not checked against the book's pages" in en and "n'ont pas été vérifiés dans les pages du livre" in fr
    assert "a hypothesis to test" in en and "une hypothèse à tester" in fr
    # no thousands written the English way in the French edition, nor a bare space before a percent sign
    assert not re.search(r"\d,\d{3}\b", fr) and not re.search(r"\d %", fr)


def test_the_sub_saharan_exercise_is_what_the_table_gives():
    baci = data.load("baci_maghreb_trade")
    north = set(charts.MAGHREB) | {"EGY"}

    def south_share(country):
        exports = baci[baci["exporter"] == country]
        south = exports.loc[~exports["importer"].isin(north), "value_kusd"].sum()
        return round(100 * south / exports["value_kusd"].sum(), 1)

    assert (south_share("MAR"), south_share("TUN"), south_share("DZA")) == (71.4, 29.8, 13.5)
    morocco = baci[baci["exporter"] == "MAR"]
    assert round(morocco["value_kusd"].sum() / 1000, 1) == 3002.0
    top = (morocco.groupby("importer")["value_kusd"].sum().sort_values(ascending=False).head(4) / 1000).round(1)
    assert top.to_dict() == {"MRT": 236.7, "SEN": 225.1, "CIV": 218.2, "DZA": 215.8}
    to_south = morocco[~morocco["importer"].isin(north)].groupby("section")["value_kusd"].sum()
    assert to_south.idxmax() == 6 and round(100 * to_south.max() / to_south.sum(), 1) == 42.1  # chemicals
    en, fr = prose("en"), prose("fr")
    for language in ("en", "fr"):  # the solution's code keeps the countries outside the Maghreb and Egypt
        assert 'exports.loc[~exports["importer"].isin(north), "value_kusd"]' in prose(language), language
    assert "3,002.0 million dollars a year over 2012–2022" in en
    assert "3\u202f002,0 millions de dollars par an en moyenne sur 2012–2022" in fr
    for text in ("71.4% of Morocco's", "29.8% of Tunisia's", "13.5% of Algeria's", "3,002.0 million", "42.1%"):
        assert text in en, text
    for text in ("Mauritania (236.7", "Senegal (225.1)", "Côte d'Ivoire (218.2)", "Algeria (215.8)"):
        assert text in en, text
    for text in (
        "71,4\u202f% des exportations du Maroc",
        "29,8\u202f%",
        "13,5\u202f%",
        "3\u202f002,0 millions",
        "42,1\u202f%",
    ):
        assert text in fr, text
    for text in ("Mauritanie (236,7", "Sénégal (225,1)", "Côte d'Ivoire (218,2)", "Algérie (215,8)"):
        assert text in fr, text


def test_the_returnee_exercise_is_what_the_model_gives():
    def half(pipelines, local_ties):
        curve = diffusion.summary(pipelines=pipelines, local_ties=local_ties, runs=40, periods=30)
        return diffusion.time_to(curve, 0.5)

    assert [half(p, 1) for p in (0, 1, 4)] == [12, 11, 9]
    assert half(0, 3) == half(1, 3) == 7
    en, fr = prose("en"), prose("fr")
    assert "at period 12 without a pipeline, 11 with one and 9 with four" in en
    assert "half know at period 7 with or without the pipeline" in en
    assert "à la période 12 sans pipeline, 11 avec un et 9 avec quatre" in fr
    assert "à la période 7, avec ou sans le pipeline" in fr


def test_the_chapter_has_at_least_five_exercises_two_of_which_run_the_notebook():
    for language in ("en", "fr"):
        text = section(language, "cs-exercises")
        labels = re.findall(r"^:label: (ex-cs-[\w-]+)$", text, re.M)
        assert len(labels) >= 5 and len(set(labels)) == len(labels)
        assert set(re.findall(r"^:::\{solution\} (ex-cs-[\w-]+)$", text, re.M)) == set(labels)
        # the solutions that run the package on the book's data or models
        assert {"ex-cs-consortium", "ex-cs-south", "ex-cs-returnee"} <= set(labels)
