"""Formulas as MathML (bookbuild/mathml.py): a French decimal written ``0{,}5`` and a number grouped by
thousands with ``\\,`` are each one number (<mn>), as a reader and a screen reader should meet them, not
digits, a separator and digits."""

from __future__ import annotations

import html
import re

import pytest
from sphinx.errors import ExtensionError

from bookbuild.mathml import to_mathml

NNBSP = "\u202f"


def numbers(mathml: str) -> list[str]:
    return [html.unescape(n) for n in re.findall(r"<mn>([^<]*)</mn>", mathml)]


def operators(mathml: str) -> list[str]:
    return [html.unescape(o) for o in re.findall(r"<mo[^>]*>([^<]*)</mo>", mathml)]


def test_a_french_decimal_is_one_number():
    out = to_mathml(r"50{,}93 - 50{,}00 = 0{,}93", display=False)
    assert numbers(out) == ["50,93", "50,00", "0,93"]
    assert "&#x0002C;" not in out and "," not in operators(out)


def test_a_number_grouped_by_thousands_is_one_number_with_a_narrow_no_break_space():
    out = to_mathml(r"\text{QL} = (30\,110 / 431\,940) / 0{,}0411", display=True)
    assert numbers(out) == [f"30{NNBSP}110", f"431{NNBSP}940", "0,0411"]
    assert "mspace" not in out
    assert numbers(to_mathml(r"2\,264\,785 + 1\,234{,}5", display=False)) == [
        f"2{NNBSP}264{NNBSP}785",
        f"1{NNBSP}234,5",
    ]


def test_a_thin_space_that_does_not_group_thousands_stays_a_space():
    # between a number and a sign, or before a group that is not of three digits
    out = to_mathml(r"20\,\% \text{ et } x = (0{,}5\,;\,0{,}3) \text{ et } 12\,34", display=False)
    assert numbers(out) == ["20", "0,5", "0,3", "12", "34"]
    assert out.count("<mspace") == 4


def test_a_comma_between_terms_stays_a_separator():
    # without braces a comma separates (a list, coordinates): only {,} is a decimal comma
    out = to_mathml(r"f(1, 2) + x_{i,j}", display=False)
    assert numbers(out)[:2] == ["1", "2"] and operators(out).count(",") == 2


def test_a_formula_the_converter_cannot_read_names_the_page():
    with pytest.raises(ExtensionError, match="chapter 3"):
        to_mathml(r"\frac{1}{", display=False, where="chapter 3")
