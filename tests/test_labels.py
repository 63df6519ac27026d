"""Every reader-visible text exists in both languages and follows its typography."""

import math
import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from clusterlab import labels


def forms(text: str | dict[str, str]) -> list[str]:
    """A text, or each plural form of a text that depends on a count."""
    return list(text.values()) if isinstance(text, dict) else [text]


def test_every_label_exists_in_both_languages():
    for key, texts in labels.MESSAGES.items():
        assert set(texts) == set(labels.LANGUAGES), key
        assert all(t.strip() for text in texts.values() for t in forms(text)), key


@pytest.mark.parametrize("key", sorted(labels.MESSAGES))
def test_french_labels_follow_french_typography(key):
    for form in forms(labels.MESSAGES[key]["fr"]):
        # placeholders are code ({value!r}, {share:.1%}), filled in with text that follows the rules itself
        fr = re.sub(r"\{[^{}]*\}", "X", form)
        fr = re.sub(r"https?://[^\s)]+", "URL", fr)  # an address keeps its colon
        assert not re.search(r" [:;!?»]", fr), f"{key}: ordinary space before punctuation in {fr!r}"
        for mark in ";!?":
            for m in re.finditer(re.escape(mark), fr):
                assert m.start() > 0 and fr[m.start() - 1] == labels.NNBSP, f"{key}: {mark} needs U+202F before it"
        for m in re.finditer(":", fr):
            assert fr[m.start() - 1] == labels.NBSP, f"{key}: ':' needs U+00A0 before it"


def test_label_follows_the_language_line():
    labels.set_language("fr")
    assert labels.label("yes") == "oui"
    labels.set_language("en")
    assert labels.label("yes") == "yes"


def test_unknown_language_and_key_say_what_exists():
    with pytest.raises(ValueError, match="'fr', 'en'"):
        labels.set_language("de")
    with pytest.raises(KeyError, match="consortium.profit"):
        labels.label("consortium.proft")


@pytest.mark.parametrize(
    "value, decimals, fr, en",
    [
        (1234.5, 1, "1\u202f234,5", "1,234.5"),
        (1234567, 0, "1\u202f234\u202f567", "1,234,567"),
        (-0.25, 2, "\u22120,25", "\u22120.25"),
        (12, 0, "12", "12"),
        (float("nan"), 1, "–", "–"),
    ],
)
def test_numbers_are_written_the_french_and_the_english_way(value, decimals, fr, en):
    assert labels.fmt_number(value, decimals, language="fr") == fr
    assert labels.fmt_number(value, decimals, language="en") == en


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), st.integers(0, 4))
def test_a_formatted_number_reads_back_to_the_rounded_value(value, decimals):
    for lang in labels.LANGUAGES:
        text = labels.fmt_number(value, decimals, language=lang).replace("\u2212", "-")
        if lang == "fr":
            plain = text.replace("\u202f", "").replace(",", ".")
        else:
            plain = text.replace(",", "")
        assert math.isclose(float(plain), round(value, decimals), abs_tol=10**-decimals)


def test_fmt_number_rejects_what_is_not_a_number():
    with pytest.raises(TypeError, match="needs a number"):
        labels.fmt_number("12")
    with pytest.raises(ValueError, match="decimals"):
        labels.fmt_number(1.0, -1)


def test_vega_locale_matches_fmt_number():
    fr = labels.vega_locale("fr")["number"]
    assert (fr["decimal"], fr["thousands"]) == (",", "\u202f")
    en = labels.vega_locale("en")["number"]
    assert (en["decimal"], en["thousands"]) == (".", ",")
    assert len(labels.vega_locale("fr")["time"]["months"]) == 12


def test_tables_rename_columns_and_format_numbers():
    labels.set_language("fr")
    frame = pd.DataFrame({"n": [1, 2], "share": [1234.5, 617.25]})
    html = labels.table(
        frame, {"n": "consortium.n_firms", "share": "consortium.share"}, decimals={"share": 1}
    ).to_html()
    assert labels.label("consortium.share") in html
    assert "1\u202f234,5" in html and "617,2" in html
    with pytest.raises(KeyError, match="not in the table"):
        labels.table(frame, {"missing": "yes"})


def test_two_tables_on_one_page_have_distinct_ids():
    a = labels.table(pd.DataFrame({"n": [1]}), {"n": "consortium.n_firms"}).to_html()
    b = labels.table(pd.DataFrame({"n": [2]}), {"n": "consortium.n_firms"}).to_html()
    ida = re.search(r'<table id="([^"]+)"', a).group(1)
    idb = re.search(r'<table id="([^"]+)"', b).group(1)
    assert ida != idb


# --------------------------------------------------------------------------- the catalogues


def placeholders(text: str) -> set[str]:
    import string

    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_catalogue_has_every_key_with_the_same_placeholders():
    import tomllib

    folder = labels.LOCALES
    index = tomllib.loads((folder / "languages.toml").read_text(encoding="utf-8"))
    catalogues = {
        code: tomllib.loads((folder / f"{code}.toml").read_text(encoding="utf-8")) for code in index["languages"]
    }
    keys = {code: set(c["messages"]) for code, c in catalogues.items()}
    assert all(k == keys["en"] for k in keys.values())
    for key in keys["en"]:
        shapes = {code: set().union(*map(placeholders, forms(c["messages"][key]))) for code, c in catalogues.items()}
        assert len(set(map(frozenset, shapes.values()))) == 1, (key, shapes)


def test_a_catalogue_that_lacks_a_key_is_refused_with_what_is_missing(tmp_path):
    import shutil

    for path in labels.LOCALES.glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    en = (tmp_path / "en.toml").read_text(encoding="utf-8")
    (tmp_path / "en.toml").write_text(en.replace('"yes" = "yes"\n', ""), encoding="utf-8")
    try:
        with pytest.raises(ValueError, match="missing \\['yes'\\]"):
            labels.use_catalogues(tmp_path)
    finally:
        labels.use_catalogues()


def test_a_third_language_is_a_catalogue_and_a_line_not_code(tmp_path):
    """A pseudo-language: every text of the English catalogue between ⟦ ⟧, numbers with an apostrophe
    between thousands and a decimal comma. Labels, numbers, tables and charts follow, with no code changed."""
    import re
    import shutil

    import pandas as pd

    from clusterlab import charts

    for path in labels.LOCALES.glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    english = (tmp_path / "en.toml").read_text(encoding="utf-8")
    head, messages = english.split("[messages]\n")
    head = head.replace('thousands = ","', 'thousands = "\'"').replace('decimal = "."', 'decimal = ","')
    pseudo = re.sub(r'^("[^"]+") = "(.*)"$', r'\1 = "⟦\2⟧"', messages, flags=re.M)
    (tmp_path / "xx.toml").write_text(head + "[messages]\n" + pseudo, encoding="utf-8")
    (tmp_path / "languages.toml").write_text('languages = ["fr", "en", "xx"]\ndefault = "en"\n', encoding="utf-8")
    try:
        labels.use_catalogues(tmp_path)
        labels.set_language("xx")
        assert labels.label("yes") == "⟦yes⟧"
        assert labels.fmt_number(1234567.5, 1) == "1'234'567,5"
        styler = labels.table(pd.DataFrame({"year": [2020]}), {"year": "tiles.year"})
        assert "⟦" in styler.to_html()
        spec = charts.consortium_chart().to_dict()
        assert "⟦" in str(spec) and spec["config"]["locale"]["number"]["thousands"] == "'"
    finally:
        labels.use_catalogues()
    assert labels.LANGUAGES == ("fr", "en")


@pytest.mark.parametrize(
    ("n", "fr", "en"),
    [
        (0, "0 région", "0 regions"),
        (1, "1 région", "1 region"),
        (2, "2 régions", "2 regions"),
        (1234, "1\u202f234 régions", "1,234 regions"),
    ],
)
def test_counts_take_the_plural_of_their_language(n, fr, en):
    """French: 0 and 1 are singular; English: only 1. No "région(s)"."""
    assert labels.plural("count.regions", n, "fr") == fr
    assert labels.plural("count.regions", n, "en") == en


def test_a_count_text_and_a_plain_text_are_not_confused():
    with pytest.raises(KeyError, match="depends on a count"):
        labels.label("count.regions")
    with pytest.raises(KeyError, match="no plural forms"):
        labels.plural("yes", 2)


@pytest.mark.parametrize(
    ("value", "fr", "en"), [(0.5, "0,5", "0.5"), (-3, "\u22123", "\u22123"), (2500.0, "2\u202f500", "2,500")]
)
def test_a_number_in_a_message_is_written_the_readers_way_and_what_was_typed_as_python(value, fr, en):
    for language, shown in (("fr", fr), ("en", en)):
        text = labels.message("error.checks.low", language, name="x", low=value, value=value)
        assert shown in text and repr(value) in text


def test_a_message_may_name_its_values_key_and_language():
    """The catalogue key and the language are positional: a value may be called ``key`` or ``language``."""
    text = labels.message("error.checks.whole_low", "fr", name="key", low=1, value=0, key="k", language="de")
    assert text.startswith("key doit être")


def test_names_sort_as_a_dictionary_orders_them_accents_and_case_aside():
    names = ["Zambie", "États-Unis d'Amérique", "Espagne", "Égypte", "Croatie", "Équateur", "estonie"]
    assert sorted(names, key=labels.sort_key) == [
        "Croatie",
        "Égypte",
        "Équateur",
        "Espagne",
        "estonie",
        "États-Unis d'Amérique",
        "Zambie",
    ]
    # the name itself breaks a tie: the order never depends on the input's
    assert sorted(["Ete", "Été", "été"], key=labels.sort_key) == sorted(["été", "Été", "Ete"], key=labels.sort_key)
