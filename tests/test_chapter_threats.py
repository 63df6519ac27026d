"""Chapter 8 (lock-in, value chains, upgrading): what the text says is what the models give."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
from conftest import ROOT, chapter_prose, cited_unalike, settable

from clusterlab import charts, data, labels, questions
from clusterlab.models import gvc, lockin

STEM = "08-threats"


def prose(language: str) -> str:
    return chapter_prose(STEM, language)


def test_the_urn_figures_quoted_are_the_simulation_s():
    finals = lockin.polya_shares(runs=2000, draws=500, seed=1)
    quarters = np.histogram(100 * finals, bins=[0, 25, 50, 75, 100])[0]
    assert round(100 * finals.mean(), 1) == 50.3
    assert quarters.tolist() == [503, 469, 525, 503]
    en, fr = prose("en"), prose("fr")
    assert "50.3% red balls" in en and "503, 469, 525 and 503 of the 2,000 runs" in en
    assert "50,3\u202f% de boules rouges" in fr and "503, 469, 525 et 503 des 2\u202f000 séries" in fr


def test_the_arthur_figures_quoted_are_the_model_s():
    assert lockin.barriers(r=0.01) == (-20.0, 20.0) and lockin.win_probability(r=0.01) == 0.5
    rows = {}
    for r in (0.005, 0.01, 0.02):
        hits = [lockin.lock_in(lockin.arthur_path(1000, r=r, seed=seed)) for seed in range(1, 201)]
        at = [hit[1] for hit in hits if hit]
        rows[r] = (100 * len(at) / len(hits), float(np.median(at)))
    assert rows[0.02] == (100.0, 94.0) and rows[0.01] == (90.5, 283.0) and rows[0.005][0] == 36.5
    en, fr = prose("en"), prose("fr")
    for text in ("the 94th adopter", "90.5% of the runs", "the 283rd adopter", "only 36.5% do", "$\\pm 20$"):
        assert text in en
    for text in ("au 94ᵉ adoptant", "90,5\u202f% des séries", "au 283ᵉ adoptant", "seules 36,5\u202f% le font"):
        assert text in fr


def test_the_exercise_answers_hold():
    kwargs = dict(a_R=1, b_R=0.7, a_S=0.9, b_S=1, r=0.01)
    assert lockin.barriers(**kwargs) == (-30.0, 10.0)
    assert round(lockin.win_probability(**kwargs), 10) == 0.75
    assert gvc.governance("high", "high", "low") == "captive"  # the garment makers
    assert gvc.governance("high", "low", "low") == "hierarchy"  # quiz, question 3


def test_the_ruhr_and_case_figures_are_quoted_with_their_sources():
    en, fr = prose("en"), prose("fr")
    assert "607,000" in en and "5,700 miners" in en and "21 December 2018" in en
    assert "607\u202f000" in fr and "5\u202f700 mineurs" in fr and "21 décembre 2018" in fr
    assert (
        cited_unalike(
            en,
            fr,
            (
                "zdf2018steinkohle",
                "dw2018prosper",
                "nadvi1999collective",
                "deiottati2009industrial",
                "grabher1993weakness",
                "gereffi2005governance",
            ),
        )
        == []
    )
    assert "25% of Italy's exports of woollen products" in en and "25\u202f% des exportations italiennes" in fr


# --- the self-check questions (clusterlab/questions/08-threats.yml) ---------------------------------------


def chart_controls(cell_id: str) -> dict[str, dict]:
    """The bound parameters of the chart a cell draws, by name (the committed output, English edition)."""
    nb = json.loads((ROOT / "chapters" / "en" / f"{STEM}.ipynb").read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if c["id"] == cell_id)
    spec = next(o["data"]["application/vnd.vegalite.v5+json"] for o in cell["outputs"] if "data" in o)
    return {p["name"]: p["bind"] for p in spec["params"] if "bind" in p}


def test_the_chart_questions_set_controls_the_charts_have():
    for q in questions.chapter_questions(STEM):
        if q.chart:
            binds = chart_controls(q.chart["cell"])
            for name, value in q.chart["controls"].items():
                assert settable(binds[name], value), f"{q.id}: {name} cannot be set to {value!r}"


def test_the_urn_questions_answers_are_the_simulation_s():
    finals = lockin.polya_shares(runs=2000, draws=500, seed=1)
    quarters = np.histogram(100 * finals, bins=[0, 25, 50, 75, 100])[0]
    assert quarters[1] + quarters[2] == 994  # "only 994 of the 2,000 runs end between 25% and 75%"
    assert questions.all_questions()["urn-limit-uniform"].right == [0]
    q = questions.all_questions()["urn-read-run-4"]
    shares = lockin.urn_data()
    run = shares[shares["run"] == q.chart["controls"]["urn_run"]]
    final = float(run.loc[run["draw"] == shares["draw"].max(), "share"].iloc[0])
    shown = round(final, 1)  # the caption writes format(share, '.1f')
    assert q.answer.value == pytest.approx(shown, abs=q.answer.tolerance)
    blue, fraction, even = (w.value for w in q.answer.wrong)
    assert blue == pytest.approx(100 - shown) and fraction == pytest.approx(shown / 100) and even == 50
    assert run.loc[run["draw"] <= 30, "share"].max() < 35  # "its first draws went to blue"
    others = shares.loc[shares["draw"] == shares["draw"].max(), "share"]
    assert sorted(others)[-3:] == pytest.approx([87.65, 89.44, 92.63])  # "other runs end near 90% red"


def test_the_arthur_questions_answers_are_the_model_s():
    q = questions.all_questions()["arthur-win-probability"]
    kwargs = dict(a_R=1, b_R=0.8, a_S=0.7, b_S=1, r=0.01)
    assert lockin.barriers(**kwargs) == (-20.0, 30.0)
    p = lockin.win_probability(**kwargs)
    assert q.answer.value == pytest.approx(p, abs=q.answer.tolerance)
    swapped, even, percent = (w.value for w in q.answer.wrong)
    assert swapped == pytest.approx(lockin.win_probability(a_R=1, b_R=0.7, a_S=0.8, b_S=1, r=0.01))
    assert even == lockin.win_probability(r=0.01) and percent == pytest.approx(100 * p)

    _, table = lockin.arthur_data()
    q = questions.all_questions()["arthur-read-lock-in-adopter"]
    c = q.chart["controls"]
    row = table[(table["r"] == c["returns"]) & (table["run"] == c["run"])].iloc[0]
    assert (row["tech"], q.answer.value) == ("B", row["at"])
    assert sorted(w.value for w in q.answer.wrong) == [row["lower"], row["upper"]] == [-10, 10]

    q = questions.all_questions()["arthur-read-run-not-locked"]
    c = q.chart["controls"]
    same_r = table[table["r"] == c["returns"]]
    assert list(same_r.loc[same_r["tech"] == "", "run"]) == [c["run"]]  # the only run of twelve not locked in
    assert (same_r["lower"].iloc[0], same_r["upper"].iloc[0]) == (-20, 20)
    assert questions.all_questions()["arthur-read-run-not-locked"].right == [0]
    assert round(100 - 90.5, 1) == 9.5  # the table's 90.5% (tested above) locked in within 1,000 adopters
    assert questions.all_questions()["lock-in-lessons"].right == [0, 1]


def test_the_value_chain_questions_answers_are_the_table_s():
    for qid, governance in (("gvc-read-relational", "relational"), ("gvc-read-none", "none")):
        q = questions.all_questions()[qid]
        c = q.chart["controls"]
        assert gvc.governance(c["complexity"], c["codifiability"], c["capability"]) == governance
        assert questions.all_questions()[qid].right == [0]
    relational = questions.all_questions()["gvc-read-relational"].options[0]
    for language in labels.LANGUAGES:
        assert relational.text[language] == labels.label("gvc.relational", language) + "."
    assert questions.all_questions()["upgrading-in-captive-chain"].right == [0, 1]
    assert questions.all_questions()["ruhr-kind-of-lock-in"].right == [0] and questions.all_questions()[
        "collective-efficiency-joint-action"
    ].right == [0]


def test_the_shocks_and_the_life_cycle_in_both_editions():
    en, fr = prose("en"), prose("fr")
    assert (
        cited_unalike(
            en,
            fr,
            (
                "bugamelli2010pro",
                "lanazione2015irpet",
                "sassuolo2022energy",
                "sassuolo2022costs",
                "sassuolo2023figures",
                "menzel2007cluster",
                "martin2011conceptualizing",
            ),
        )
        == []
    )
    # the figures as the sources give them, the same in both editions
    assert "705 million euros, 11% of the total, and 33% of its exports" in en
    assert "705 millions d'euros, soit 11\u202f% du total, et à 33\u202f% de ses exportations" in fr
    assert "22% lower" in en and "inférieur de 22\u202f%" in fr
    assert "about 30 production units" in en and "une trentaine d'unités de production" in fr
    assert "more than 4,000 workers" in en and "plus de 4\u202f000 salariés" in fr
    assert "431.2 million m², 0.9% less" in en and "431,2 millions de m², 0,9\u202f% de moins" in fr
    assert "356.2 million m², 2.2% less" in en and "356,2 millions, 2,2\u202f% de moins" in fr
    assert "rose 16.5%, to about 7.2 billion euros" in en and "16,5\u202f%, à environ 7,2 milliards d'euros" in fr
    # the volumes' changes agree with the survey's levels as reported (2021: 435.3 million m² produced)
    assert round(100 * (431.2 / 435.3 - 1), 1) == -0.9


# --- COVID-19 and nearshoring; Morocco's ecosystems; the exercises on the book's trade table ------------------


def cell(language: str, cell_id: str) -> str:
    nb = json.loads((ROOT / "chapters" / language / f"{STEM}.ipynb").read_text(encoding="utf-8"))
    return "".join(next(c["source"] for c in nb["cells"] if c["id"] == cell_id))


NEW_KEYS = (
    "seekingalpha2020wto",
    "devdiscourse2021wto",
    "unctad2020world",
    "attinasi2023global",
    "asiabusinessoutlook2023ecb",
    "hahn2017effectiveness",
    "allafrica2022renault",
    "bizcommunity2025stellantis",
    "lepetitjournal2024automobile",
    "aujourdhui2023renault",
    "econostrum2013midparc",
    "telquel2019cheikh",
    "telquel2019gimas",
    "peopledaily2012aeronautique",
)


def test_the_covid_and_morocco_sections_cite_the_same_sources_the_same_number_of_times():
    for cell_id in ("th-covid", "th-morocco"):
        en, fr = cell("en", cell_id), cell("fr", cell_id)
        assert sorted(re.findall(r"\{cite:[pt]\}`([^`]+)`", en)) == sorted(re.findall(r"\{cite:[pt]\}`([^`]+)`", fr))
    both = {language: cell(language, "th-covid") + cell(language, "th-morocco") for language in ("en", "fr")}
    assert cited_unalike(both["en"], both["fr"], NEW_KEYS) == []


NNBSP, NBSP = "\u202f", "\u00a0"
FIGURES = {  # cell: (English, French) pairs, each as the section prints it
    "th-covid": [
        ("8 April 2020", "8 avril 2020"),
        ("by 13% to 32% in 2020", f"de 13{NNBSP}% à 32{NNBSP}% en 2020"),
        ("31 March 2021", "31 mars 2021"),
        (
            "increase by 8 per cent in 2021 after having fallen 5.3 per cent in 2020",
            f"baissé de 5,3{NNBSP}% en 2020, devait croître de 8{NNBSP}% en 2021",
        ),
        ("decrease by up to 40 per cent in 2020", f"jusqu'à 40{NNBSP}% en 2020"),
        ("1.54 trillion dollars in 2019", f"1{NNBSP}540 milliards de dollars en 2019"),
        ("65 firms answered; 49%", f"65 entreprises ont répondu{NNBSP}; 49{NNBSP}%"),
        ("42% to", f"42{NNBSP}% transférer"),
        ("two-thirds of all respondents", "deux tiers des répondants"),
    ],
    "th-morocco": [
        (
            "1.2 billion euro expansion to 535,000 vehicles",
            f"1,2 milliard d'euros qui la porte à 535{NNBSP}000 véhicules",
        ),
        ("to 75% by 2030, against about 69%", f"à 75{NNBSP}% d'ici 2030, contre environ 69{NNBSP}%"),
        (
            "MAD 141.76 billion (dirhams) in 2023, 27.4% more",
            f"141,76 milliards de dirhams (MAD) en 2023, 27,4{NNBSP}% de plus",
        ),
        (
            "(MAD 12.48 billion more), wiring (11.32 billion) and powertrain (2.29 billion)",
            "(12,48 milliards de plus), du câblage (11,32 milliards)",
        ),
        (
            "(2.29 billion), as the press reported on 4 February 2024",
            "2,29 milliards), comme l'a rapporté la presse le 4 février 2024",
        ),
        (
            "of 65.2%, above its commitment of 65% for 2023",
            f"de 65,2{NNBSP}%, au-dessus de son engagement de 65{NNBSP}% pour 2023",
        ),
        (
            "1.86 billion euros of local sourcing, 40% more than in 2021",
            f"1,86 milliard d'euros d'achats locaux (*sourcing*), 40{NNBSP}% de plus qu'en 2021",
        ),
        ("target for 2030 is 80%", f"objectif pour 2030 est de 80{NNBSP}%"),
        ("30 September 2013", "30 septembre 2013"),
        (
            "140 firms, 16,700 employees and MAD 13.9 billion of exports in 2018, 5.6%",
            f"140 entreprises, 16{NNBSP}700 salariés et 13,9 milliards de dirhams d'exportations en 2018, soit 5,6{NNBSP}%",
        ),
        ("rise of 13.8%", f"hausse de 13,8{NNBSP}%"),
        ("more than 97% of the industry's turnover", f"plus de 97{NNBSP}% du chiffre d'affaires du secteur"),
        ("local integration rate at 38%", f"taux d'intégration locale du secteur à 38{NNBSP}%"),
        (
            "French firms (72%) and of Moroccan SMEs (21%)",
            f"entreprises françaises (72{NNBSP}%) et de PME marocaines (21{NNBSP}%)",
        ),
        ("September 2011", "septembre 2011"),
        ("18-month support programme", "accompagnement de 18 mois"),
        ("ten small and medium-sized firms", "dix petites et moyennes entreprises"),
    ],
}


def test_the_covid_and_morocco_figures_are_in_both_editions_in_each_typography():
    for cell_id, pairs in FIGURES.items():
        en, fr = cell("en", cell_id), cell("fr", cell_id)
        for figure_en, figure_fr in pairs:
            assert figure_en in en, figure_en
            assert figure_fr in fr, figure_fr
        # no figure in French typography with an ordinary space before % or as a thousands separator
        assert not re.search(r"\d %|\d \d{3}\b", fr), cell_id
        assert NBSP + ":" in fr and " :" not in fr


def test_how_far_off_the_wto_s_fear_was():
    # "less than half of the optimistic scenario and about a sixth of the pessimistic one"
    assert 5.3 / 13 < 0.5 and round(32 / 5.3) == 6
    en, fr = cell("en", "th-covid"), cell("fr", "th-covid")
    assert "less than half of the optimistic scenario and about a sixth of the pessimistic one" in en
    assert "inférieure à la moitié du scénario optimiste et égale à environ un sixième du scénario pessimiste" in fr
    # and the quiz's answer says the same
    assert "By 5.3%, against a projected fall of 13% to 32%: less than half" in cell("en", "cell-25")
    assert f"De 5,3{NNBSP}%, contre une baisse prévue de 13{NNBSP}% à 32{NNBSP}%{NBSP}: moins de la moitié" in cell(
        "fr", "cell-25"
    )


def exercises(language: str) -> str:
    return cell(language, "cell-24")


def test_the_morocco_exercises_answers_are_the_trade_table_s():
    trade = data.load("baci_maghreb_trade")
    en, fr = exercises("en"), exercises("fr")

    # ex-th-morocco-sections: Morocco's exports to Africa by HS section
    morocco = trade[trade["exporter"] == "MAR"].groupby("section")["value_kusd"].sum()
    assert round(morocco.sum() / 1e6, 1) == 3.0
    shares = (100 * morocco / morocco.sum()).round(1).sort_values(ascending=False)
    assert list(shares.index[:5]) == [6, 4, 16, 5, 17]
    assert shares.head(5).tolist() == [32.4, 14.4, 8.9, 8.8, 7.9]
    assert "about 3.0 billion dollars a year" in en and "environ 3,0 milliards de dollars par an" in fr
    for section, share in shares.head(5).items():
        assert re.search(rf"\(section {section}\) [a-z ]*with {re.escape(str(share))}%", en), section
        fr_share = re.escape(f"{share}".replace(".", ",") + NNBSP + "%")
        assert re.search(rf"\(section {section}\) [a-zêè ]*avec {fr_share}", fr), section

    # ex-th-unit-values: value per kilogram of section 17, the six largest African exporters
    transport = trade[trade["section"] == 17].groupby("exporter")[["value_kusd", "quantity_t"]].sum()
    transport["usd_per_kg"] = transport["value_kusd"] / transport["quantity_t"]
    top = transport.sort_values("value_kusd", ascending=False).head(6)
    assert list(top.index) == ["NGA", "MAR", "GAB", "EGY", "CIV", "ZAF"]
    nga, mar = top.loc["NGA"], top.loc["MAR"]
    assert (round(nga["value_kusd"] / 1e3, 1), round(nga["quantity_t"]), round(nga["usd_per_kg"])) == (402.8, 384, 1049)
    assert (round(mar["value_kusd"] / 1e3, 1), round(mar["quantity_t"]), round(mar["usd_per_kg"], 1)) == (
        237.4,
        28567,
        8.3,
    )
    others = top["usd_per_kg"].iloc[2:]
    assert (round(others.min(), 1), round(others.max(), 1)) == (4.9, 22.2)
    assert "402.8 million dollars a year, but for 384 tonnes: 1,049 dollars per kilogram" in en
    assert f"402,8 millions de dollars par an, mais pour 384 tonnes{NBSP}: 1{NNBSP}049 dollars par kilogramme" in fr
    assert "237.4 million dollars for 28,567 tonnes: 8.3 dollars per kilogram" in en
    assert f"237,4 millions de dollars pour 28{NNBSP}567 tonnes{NBSP}: 8,3 dollars par kilogramme" in fr
    assert "between 4.9 and 22.2 dollars per kilogram" in en and "entre 4,9 et 22,2 dollars par kilogramme" in fr
    # outside the Maghreb and Egypt, an exporter's rows are only its exports to those six; Nigeria's go to Algeria
    six = set(charts.MAGHREB) | {"EGY"}
    for exporter in ("NGA", "GAB", "CIV", "ZAF"):
        assert set(trade.loc[trade["exporter"] == exporter, "importer"]) <= six, exporter
    nga_rows = trade[(trade["exporter"] == "NGA") & (trade["section"] == 17)]
    assert nga_rows.loc[nga_rows["importer"] == "DZA", "value_kusd"].sum() / nga_rows["value_kusd"].sum() > 0.99
    assert "Nigeria's flow goes almost entirely to Algeria" in en
    assert "le flux du Nigeria va presque entièrement à l'Algérie" in fr

    # ex-th-destinations: where Morocco's section-17 exports go in Africa
    flows = trade[(trade["exporter"] == "MAR") & (trade["section"] == 17)].set_index("importer")["value_kusd"]
    dest = (100 * flows / flows.sum()).sort_values(ascending=False)
    assert list(dest.index[:3]) == ["EGY", "TUN", "MRT"]
    assert dest.head(3).round(1).tolist() == [40.2, 17.1, 13.1] and round(dest.head(3).sum(), 1) == 70.3
    assert "Egypt takes 40.2%, Tunisia 17.1% and Mauritania 13.1%" in en and "take 70.3%" in en
    assert f"L'Égypte en reçoit 40,2{NNBSP}%, la Tunisie 17,1{NNBSP}% et la Mauritanie 13,1{NNBSP}%" in fr
    assert f"reçoivent 70,3{NNBSP}%" in fr


def test_the_integration_rate_exercise_adds_up():
    purchases, in_morocco, foreign_plants, moroccan_owned, imported = 8000, 5200, 4000, 1200, 1500
    assert foreign_plants + moroccan_owned == in_morocco
    assert 100 * in_morocco / purchases == 65 and 100 * moroccan_owned / purchases == 15
    assert 100 * (in_morocco - imported) / purchases == 46.25
    en, fr = exercises("en"), exercises("fr")
    assert "(a) 5,200 / 8,000 = 65%" in en and "(b) 1,200 / 8,000 = 15%" in en
    assert "(c) (5,200 − 1,500) / 8,000 = 46.25%" in en
    assert f"(a) 5{NNBSP}200 / 8{NNBSP}000 = 65{NNBSP}%" in fr and f"(b) 1{NNBSP}200 / 8{NNBSP}000 = 15{NNBSP}%" in fr
    assert f"(c) (5{NNBSP}200 − 1{NNBSP}500) / 8{NNBSP}000 = 46,25{NNBSP}%" in fr


def test_the_chapter_has_enough_exercises_and_their_solutions():
    for language in ("en", "fr"):
        text = exercises(language)
        labels_ = re.findall(r":label: (ex-th-[\w-]+)", text)
        assert len(labels_) == 8 and len(set(labels_)) == 8
        for label_ in labels_:
            assert f":::{{solution}} {label_}\n:class: dropdown" in text
        assert text.count('data.load("baci_maghreb_trade")') == 3
