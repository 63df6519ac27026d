"""Mathematics as MathML, written when the book is built: the pages need no script to show it.

LaTeX written in the book (``$…$``, ``$$…$$``, ``{math}``) is converted by ``latex2mathml`` into
MathML, which every current browser draws natively (and screen readers read). This replaces
MathJax, whose 1.2 MB script every page loaded, formulas or not (bench/README.md).

A formula the converter cannot read fails the build, naming the page and the formula.

Numbers are written as the editions write them: a French decimal ``0{,}5`` (the braces make the comma
a decimal mark in LaTeX) and thousands grouped with a thin space ``30\\,110`` are each one number
(``<mn>0,5</mn>``, ``<mn>30 110</mn>`` with a narrow no-break space), not two numbers around a separator
that the browser spaces and a screen reader reads as two.
"""

from __future__ import annotations

import re

from docutils import nodes
from latex2mathml.converter import convert
from sphinx.errors import ExtensionError
from sphinx.locale import _
from sphinx.util.math import get_node_equation_number

#: ``{,}`` between two numbers: latex2mathml writes the comma as an operator in its own group.
DECIMAL_COMMA = re.compile(r"<mn>([0-9\u202f]+)</mn><mrow><mo>&#x0002C;</mo></mrow><mn>([0-9]+)</mn>")
#: ``\,`` before a group of three digits: a thousands separator.
THOUSANDS = re.compile(r'<mn>([0-9\u202f]+)</mn><mspace width="0\.167em" /><mn>([0-9]{3}(?![0-9]))')


def _one_number(mathml: str) -> str:
    while THOUSANDS.search(mathml):  # 2\,264\,785: a group at a time
        mathml = THOUSANDS.sub("<mn>\\1\u202f\\2", mathml)
    return DECIMAL_COMMA.sub("<mn>\\1,\\2</mn>", mathml)


def to_mathml(latex: str, display: bool, where: str = "") -> str:
    try:
        mathml = convert(latex.strip(), display="block" if display else "inline")
    except Exception as err:  # latex2mathml raises several kinds; the author needs one message
        raise ExtensionError(f"{where}: cannot turn this formula into MathML ({err}): {latex!r}") from err
    return _one_number(mathml)


def _where(self, node) -> str:
    return f"{self.builder.current_docname}, line {node.line or '?'}"


def visit_math(self, node: nodes.math) -> None:
    self.body.append(self.starttag(node, "span", "", CLASS="math notranslate nohighlight"))
    self.body.append(to_mathml(node.astext(), display=False, where=_where(self, node)) + "</span>")
    raise nodes.SkipNode


def visit_displaymath(self, node: nodes.math_block) -> None:
    self.body.append(self.starttag(node, "div", CLASS="math notranslate nohighlight"))
    if node.get("number"):
        number = get_node_equation_number(self, node)
        self.body.append(f'<span class="eqno">({number})')
        self.add_permalink_ref(node, _("Link to this equation"))
        self.body.append("</span>")
    # Several equations separated by a blank line are shown one below the other.
    for part in (p for p in node.astext().split("\n\n") if p.strip()):
        self.body.append(to_mathml(part, display=True, where=_where(self, node)))
    self.body.append("</div>\n")
    raise nodes.SkipNode


def setup(app) -> None:
    app.add_html_math_renderer("mathml", (visit_math, None), (visit_displaymath, None))
