"""What a chart says in words, for readers who cannot see it: its description and its data as a table.

Every chart of the website (``bookbuild.mime``) is given

* an accessible name: the ``description`` its Vega-Lite spec carries (the book's charts write one in
  the reader's language, ``clusterlab.charts``), or, as a safety net, one derived from the spec
  (:func:`derived_description`: the marks and the axis titles, in the page's language);
* the data behind it (:func:`chart_tables`), as tables folded under the chart
  (:func:`chart_tables_html`): one table per dataset the chart draws, with the columns its
  encodings show, headed by their titles, numbers written as the page's language writes them, at
  most :data:`MAX_ROWS` rows (the caption says when more are left out).

Where a chart's inputs (sliders, menus) filter a dataset or compute its columns, the table is the
whole dataset (columns computed as the inputs start) when the page is built, its caption gives the
inputs' starting values, and ``clusterlab-charts.js`` (``followInputs``) re-fills it from the drawn
chart's own data each time an input moves.
"""

from __future__ import annotations

import html
import json
import math
import numbers
import re
from dataclasses import dataclass, field

from clusterlab import labels

#: The most rows a chart's table shows (the caption says how many there are).
MAX_ROWS = 150

CHANNELS = (
    "x",
    "y",
    "x2",
    "y2",
    "theta",
    "radius",
    "color",
    "fill",
    "stroke",
    "size",
    "shape",
    "opacity",
    "text",
    "row",
    "column",
    "facet",
    "detail",
    "tooltip",
)
_VIEW_KEYS = ("layer", "hconcat", "vconcat", "concat")
_FIELD_IN_EXPR = re.compile(r"""datum(?:\.([A-Za-z_]\w*)|\[["']([^"']+)["']\])""")
_FORMAT_DECIMALS = re.compile(r"\.(\d+)[f%]")
_ARITHMETIC = re.compile(r"[\d.\s+\-*/(),]*")
_FUNCTIONS = {"max": max, "min": min, "abs": abs}
_TERM = r"""(?:"[^"]*"|'[^']*'|[\w.]+)"""
_CASE = re.compile(rf"""\s*datum\.(\w+)\s*===?\s*({_TERM})\s*\?\s*({_TERM})\s*:""")
_CONDITION = re.compile(r"""((?:[^?"']|"[^"]*"|'[^']*')+)\?\s*("[^"]*"|'[^']*')\s*:\s*("[^"]*"|'[^']*')\s*""")


@dataclass
class Column:
    field: str
    header: str
    numeric: bool = False
    decimals: int = 0
    grouping: bool = True
    #: value → what the chart's input shows for it (a menu's labels)
    shown: dict = field(default_factory=dict)


@dataclass
class ChartTable:
    """The data of one dataset of a chart, as the table under the chart shows it."""

    dataset: str
    columns: list[Column]
    rows: list[dict]
    #: the Vega data set (of the compiled spec) the browser re-fills the table from, or None
    follow: str | None = None
    #: the chart's inputs (parameter name → (label, starting value)) that filter this dataset or compute its columns
    inputs: dict = field(default_factory=dict)
    #: whether an input filters the rows (the table holds the rows of every value of the inputs)
    filtered: bool = False


def _units(spec: dict, data: dict | None = None, inherited_transforms: tuple = ()):
    """Every single view of a Vega-Lite ``spec``: (its data, its transforms (parents' first), its encoding, its mark)."""
    data = spec.get("data", data)
    transforms = inherited_transforms + tuple(spec.get("transform", ()))
    encoding = spec.get("encoding", {})
    children = [child for key in _VIEW_KEYS for child in spec.get(key, ())]
    if "spec" in spec:  # facet or repeat
        children.append(spec["spec"])
    if "mark" in spec and not children:
        yield data, transforms, encoding, spec["mark"]
    for child in children:
        merged = dict(child)
        if encoding and "encoding" in merged:  # a layer's encoding inherits its parent's
            merged["encoding"] = {**encoding, **merged["encoding"]}
        elif encoding:
            merged["encoding"] = encoding
        yield from _units(merged, data, transforms)


def _params(spec: dict) -> dict:
    """Every parameter of a spec, at any depth, by name."""
    found = {}
    for param in spec.get("params", ()):
        found[param["name"]] = param
    for key in (*_VIEW_KEYS, "spec"):
        children = spec.get(key, ())
        for child in [children] if isinstance(children, dict) else children:
            found.update(_params(child))
    return found


def _defs(encoding: dict):
    for channel in CHANNELS:
        value = encoding.get(channel)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict) and isinstance(item.get("field"), str):
                yield channel, item


def _title(definition: dict) -> str | None:
    title = definition.get("title", (definition.get("axis") or {}).get("title"))
    if isinstance(title, list):
        title = " ".join(str(t) for t in title)
    return title or None


def _format_of(definition: dict) -> str | None:
    return definition.get("format") or (definition.get("axis") or {}).get("format")


def _bound_param_fields(transforms, params: dict) -> dict[str, str]:
    """Fields that a filter compares with a bound parameter: field → parameter name."""
    pairs = {}
    for transform in transforms:
        expr = transform.get("filter")
        if not isinstance(expr, str):
            continue
        names = [p for p in params if _names(p, expr)]
        fields = [a or b for a, b in _FIELD_IN_EXPR.findall(expr)]
        for name in names:
            # datum.industry == industry; abs(datum.strength - strength) < 1e-9: the same name, or the one field
            matched = name if name in fields else (fields[0] if len(fields) == 1 else None)
            if matched:
                pairs[matched] = name
    return pairs


def _literal(text: str, params: dict):
    """The value of a string or number literal, or of an input at its starting value; raise ValueError otherwise."""
    text = text.strip()
    if match := re.fullmatch(r"""(?:"([^"]*)"|'([^']*)')""", text):
        return match.group(1) if match.group(1) is not None else match.group(2)
    if text in params and "value" in params[text]:
        return params[text]["value"]
    return float(text)


def _evaluate(expr: str, params: dict):
    """A function row → value for the simple calculations of the book's charts (arithmetic on fields and
    inputs, at their starting values; a value chosen by a field's value), or None for any other."""
    cases, rest = [], expr
    while match := _CASE.match(rest):
        cases.append(match.groups())
        rest = rest[match.end() :]
    if cases and len({c[0] for c in cases}) == 1:
        try:
            choices = {_literal(value, params): _literal(shown, params) for _, value, shown in cases}
            otherwise = _literal(rest, params)
        except ValueError:
            return None
        name = cases[0][0]
        return lambda row: choices.get(row[name], otherwise) if name in row else None
    if match := _CONDITION.fullmatch(expr):  # a comparison picks one of two words
        test = _arithmetic(match.group(1), params, comparisons=True)
        if test is None:
            return None
        yes, no = _literal(match.group(2), params), _literal(match.group(3), params)
        return lambda row: None if (chosen := test(row)) is None else (yes if chosen else no)
    return _arithmetic(expr, params)


def _arithmetic(expr: str, params: dict, comparisons: bool = False):
    """A function row → value for arithmetic on fields and inputs (at their starting values), and
    comparisons joined by ``&&`` / ``||`` when ``comparisons``; None for any other expression."""

    def field_ref(match):
        return f"_row[{(match.group(1) or match.group(2))!r}]"

    code = _FIELD_IN_EXPR.sub(field_ref, expr)
    for name, param in params.items():
        if _is_number(param.get("value")):
            code = re.sub(rf"(?<![\w.\[']){re.escape(name)}(?![\w'])", repr(param["value"]), code)
    if comparisons:
        code = code.replace("===", "==").replace("!==", "!=").replace("&&", " and ").replace("||", " or ")
    bare = re.sub(r"_row\['[^']+'\]|\b(?:max|min|abs)\(", "", code)
    if comparisons:
        bare = re.sub(r"\b(?:and|or)\b|[<>]=?|[=!]=|\"[^\"]*\"|'[^']*'", "", bare)
    if not _ARITHMETIC.fullmatch(bare):
        return None

    def run(row):
        try:
            return eval(code, {"__builtins__": {}}, {**_FUNCTIONS, "_row": row})  # noqa: S307 (checked above)
        except (KeyError, TypeError, ZeroDivisionError):
            return None

    return run


def _calculated(rows: list[dict], transforms, params: dict) -> list[dict]:
    """``rows`` with the fields a unit's ``calculate`` transforms add, where :func:`_evaluate` can compute them."""
    steps = []
    for transform in transforms:
        if "filter" in transform:
            continue
        if "calculate" not in transform:
            break  # rows reshaped (fold, aggregate…): what follows is the browser's to compute
        function = _evaluate(transform["calculate"], params)
        if function is not None:
            steps.append((transform["as"], function))
    if not steps:
        return rows
    out = []
    for row in rows:
        row = dict(row)
        for name, function in steps:
            row[name] = function(row)
        out.append(row)
    return out


def _names(name: str, expr: str) -> bool:
    """Whether a Vega expression reads the parameter ``name`` (not a field or a string of that name)."""
    return bool(re.search(rf"(?<![\w.\"']){re.escape(name)}(?![\w\"'])", expr))


def _is_number(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _decimals(values, fmt: str | None) -> int:
    if fmt:
        match = _FORMAT_DECIMALS.search(fmt)
        if match:
            return int(match.group(1)) + (2 if fmt.endswith("%") else 0)
        if fmt.endswith("d"):
            return 0
    for decimals in range(4):
        if all(abs(v - round(v, decimals)) < 1e-9 for v in values if _is_number(v) and math.isfinite(v)):
            return decimals
    return 3


def _vega_follow(vega_spec: dict, dataset: str, signals: set[str], columns: list[str]) -> str | None:
    """The Vega data set derived from ``dataset`` by a filter or a calculation on an input that holds
    the most of ``columns`` (the first such), or None."""
    by_name = {d["name"]: d for d in vega_spec.get("data", ())}
    best, best_count = None, -1
    for entry in vega_spec.get("data", ()):
        root, chain = entry, [entry]
        while root.get("source") in by_name:
            root = by_name[root["source"]]
            chain.append(root)
        if root["name"] != dataset or entry is root:
            continue
        blocked = any(
            t.get("type") in {"aggregate", "fold", "pivot", "flatten"} for d in chain for t in d.get("transform", ())
        )
        exprs = [
            t.get("expr", "") for d in chain for t in d.get("transform", ()) if t.get("type") in {"filter", "formula"}
        ]
        if blocked or not any(_names(s, e) for e in exprs for s in signals):
            continue
        made = {t.get("as") for d in chain for t in d.get("transform", ()) if t.get("type") == "formula"}
        count = sum(c in made or c in (root.get("values") or [{}])[0] for c in columns)
        if count > best_count:
            best, best_count = entry["name"], count
    return best


def chart_tables(spec: dict, vega_spec: dict | None = None, language: str = "en") -> list[ChartTable]:
    """The tables of a Vega-Lite ``spec``'s data (inline ``datasets`` and ``data.values``), one per dataset it draws."""
    datasets = dict(spec.get("datasets", {}))
    params = {name: p for name, p in _params(spec).items() if p.get("bind") and "value" in p}
    views: dict[str, list] = {}
    for index, (data, transforms, encoding, _mark) in enumerate(_units(spec)):
        if not isinstance(data, dict):
            continue
        if "values" in data and isinstance(data["values"], list):
            name = data.get("name") or f"values-{index}"
            datasets.setdefault(name, data["values"])
        else:
            name = data.get("name")
        if name in datasets:
            views.setdefault(name, []).append((transforms, encoding))
    signals = set(params)
    tables = []
    for name, units in views.items():
        rows = [r for r in datasets[name] if isinstance(r, dict)]
        for transforms, _encoding in units:
            rows = _calculated(rows, transforms, params)
        present = {key for r in rows for key in r if r[key] is not None and not isinstance(r[key], (list, dict))}
        titles: dict[str, str | None] = {}
        formats: dict[str, str | None] = {}
        quantitative: set[str] = set()
        filtered: dict[str, str] = {}
        read: list[str] = []  # the inputs the unit's filters and calculations read
        for transforms, encoding in units:
            filtered.update(_bound_param_fields(transforms, params))
            for transform in transforms:
                expr = transform.get("filter", transform.get("calculate"))
                read += [p for p in params if isinstance(expr, str) and _names(p, expr) and p not in read]
            for channel, definition in _defs(encoding):
                column = definition["field"]
                if column not in present:
                    continue  # computed in the browser: the table keeps to the data
                title = _title(definition)
                if not title and channel == "text":
                    title = labels.label("book.chart.text_column", language)
                elif not title and channel in {"x2", "y2"} and _title(encoding.get(channel[0], {})):
                    title = labels.message("book.chart.end_of", language, title=_title(encoding[channel[0]]))
                if channel != "tooltip" or not titles.get(column):
                    titles[column] = titles.get(column) or title
                formats[column] = formats.get(column) or _format_of(definition)
                if definition.get("type") == "quantitative":
                    quantitative.add(column)
        columns = []
        for column, param in filtered.items():
            if column in {key for r in rows for key in r}:
                bind = params[param]["bind"]
                shown = dict(zip(bind.get("options", ()), bind.get("labels", bind.get("options", ())), strict=False))
                header = (bind.get("name") or param).strip()
                columns.append(Column(column, header, shown={str(k): str(v) for k, v in shown.items()}))
        inputs_only = len(columns)
        for column, title in titles.items():
            if not title or any(c.field == column or c.header == title for c in columns):
                continue  # a column the chart names nowhere (a rule's position…) is left out
            values = [r.get(column) for r in rows]
            numeric = all(v is None or _is_number(v) for v in values) and any(_is_number(v) for v in values)
            fmt = formats.get(column)
            columns.append(
                Column(
                    column,
                    title,
                    numeric=numeric,
                    decimals=_decimals(values, fmt) if numeric else 0,
                    grouping=not (fmt and "," not in fmt) and (column in quantitative or not fmt),
                )
            )
        if len(columns) == inputs_only:
            continue
        inputs = {p: ((params[p]["bind"].get("name") or p).strip(), params[p]["value"]) for p in read}
        fields = [c.field for c in columns]
        follow = _vega_follow(vega_spec, name, signals, fields) if (vega_spec and read) else None
        tables.append(ChartTable(name, columns, rows, follow, inputs, bool(filtered)))
    return tables


def _number(language: str) -> dict:
    return labels.vega_locale(language)["number"]


def cell(value, column: Column, language: str) -> str:
    """A value as the table shows it (numbers as ``language`` writes them)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, bool):
        return labels.label("yes" if value else "no", language)
    if column.shown and str(value) in column.shown:
        return column.shown[str(value)]
    if _is_number(value) and column.numeric:
        text = labels.fmt_number(value, column.decimals, language)
        return text if column.grouping else text.replace(_number(language)["thousands"], "")
    if _is_number(value):
        return labels.fmt_value(value, language)
    return str(value)


def derived_description(spec: dict, language: str) -> str:
    """A description from the spec alone, for a chart that has none: its marks and its axes' titles."""
    marks, axes = [], []
    for _data, _transforms, encoding, mark in _units(spec):
        mark = mark.get("type") if isinstance(mark, dict) else mark
        key = f"book.chart.mark.{mark}"
        name = labels.label(key if labels.has(key) else "book.chart.mark.other", language)
        if name not in marks:
            marks.append(name)
        for channel in ("x", "y"):
            definition = encoding.get(channel)
            if isinstance(definition, dict) and definition.get("title", "") is not None:  # None: no title shown
                title = _title(definition) or definition.get("field")
                if title and title not in axes:
                    axes.append(str(title))
    separator = labels.label("book.chart.list_separator", language)
    if not axes:
        return labels.message("book.chart.derived_marks", language, marks=separator.join(marks))
    return labels.message("book.chart.derived", language, marks=separator.join(marks), axes=separator.join(axes))


def description(spec: dict, language: str) -> str:
    """The chart's accessible name: its own description, or one derived from the spec."""
    own = spec.get("description")
    if isinstance(own, str) and own.strip():
        return own.strip()
    return derived_description(spec, language)


def _rows_text(count: int, language: str) -> str:
    return labels.plural("book.chart.rows", count, language, n=labels.fmt_number(count, 0, language))


def _shown_value(value, language: str) -> str:
    if isinstance(value, bool):
        return labels.label("yes" if value else "no", language)
    return labels.fmt_value(value, language) if _is_number(value) else str(value)


def chart_tables_html(spec: dict, vega_spec: dict | None, language: str) -> str:
    """The folded tables of a chart's data (``<details>`` with a caption each), or "" when it has none."""
    tables = chart_tables(spec, vega_spec, language)
    if not tables:
        return ""
    minus = _number(language)["minus"]
    blocks = []
    for index, table in enumerate(tables):
        head = "".join(
            f'<th scope="col" class="{"cl-num" if c.numeric else "cl-text"}">{html.escape(c.header)}</th>'
            for c in table.columns
        )
        body = "".join(
            "<tr>"
            + "".join(
                f'<td class="{"cl-num" if c.numeric else "cl-text"}">{html.escape(cell(r.get(c.field), c, language))}</td>'
                for c in table.columns
            )
            + "</tr>"
            for r in table.rows[:MAX_ROWS]
        )
        caption = labels.message("book.chart.caption", language, n=index + 1, total=len(tables))
        if len(tables) == 1:
            caption = labels.label("book.chart.caption_one", language)
        rows = _rows_text(len(table.rows), language)
        capped = (
            labels.message("book.chart.capped", language, shown=labels.fmt_number(MAX_ROWS, 0, language))
            if len(table.rows) > MAX_ROWS
            else ""
        )
        inputs = ""
        if table.inputs:
            values = labels.label("book.chart.list_separator", language).join(
                labels.message(
                    "book.chart.input_value",
                    language,
                    name=name,
                    value=next(
                        (c.shown.get(str(v), str(v)) for c in table.columns if c.shown and str(v) in c.shown),
                        _shown_value(v, language),
                    ),
                )
                for name, v in table.inputs.values()
            )
            key = (
                "book.chart.follows"
                if table.follow
                else "book.chart.all_inputs"
                if table.filtered
                else "book.chart.at_start"
            )
            inputs = labels.message(key, language, values=values)
        else:
            inputs = labels.label("book.chart.period", language)
        columns = [
            {"field": c.field, "numeric": c.numeric, "decimals": c.decimals, "grouping": c.grouping, "shown": c.shown}
            for c in table.columns
        ]
        forms = labels.plural_forms("book.chart.rows", language)
        attrs = {
            "class": "cl-chart-table",
            "data-dataset": table.dataset,
            "data-columns": json.dumps(columns, ensure_ascii=False, separators=(",", ":")),
            "data-minus": minus,
            "data-max-rows": str(MAX_ROWS),
        }
        if table.follow:
            attrs["data-follow"] = table.follow
            attrs["data-rows"] = json.dumps(forms, ensure_ascii=False, separators=(",", ":"))
            attrs["data-capped"] = labels.message(
                "book.chart.capped", language, shown=labels.fmt_number(MAX_ROWS, 0, language)
            )
        attributes = " ".join(f'{k}="{html.escape(v)}"' for k, v in attrs.items())
        blocks.append(
            f"<table {attributes}><caption>{html.escape(caption)} "
            f'<span class="cl-chart-rows">{html.escape(rows)}{html.escape(capped)}</span>'
            f"{html.escape(inputs)}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )
    summary = html.escape(labels.label("book.chart.summary", language))
    return (
        f'<details class="cl-chart-data"><summary>{summary}</summary>'
        f'<div class="cl-chart-table-box">{"".join(blocks)}</div>'
        "</details>"
    )
