"""How notebook outputs appear on the website (myst-nb mime renderer plugins).

* ``application/vnd.vegalite.v5+json``, the output Altair's ``mimetype`` renderer stores in a
  notebook (and that JupyterLab draws with its own Vega), is compiled into a Vega specification
  and becomes a ``<div class="cl-chart">`` holding it; ``clusterlab-charts.js`` draws it with the
  site's own copy of Vega. A spec made for another Vega-Lite version than the one the site
  names fails the build. Each chart is named by its description in the page's language (the
  spec's own, or one derived from it), which Vega also writes on the chart's box, and its data
  follow it as tables folded under it (``bookbuild.chart_text``).
* ``application/vnd.jupyter.widget-view+json``, an ipywidgets control, needs a live Python
  kernel: on the website it becomes a short note that says where to run it, never a dead control.
* ``application/vnd.clusterlab.question+json``, a self-check question (``questions.ask``), becomes its
  data and a plain copy, which ``cl-questions.js`` turns into a form answered in the browser.
"""

from __future__ import annotations

import hashlib
import html
import json
from typing import ClassVar

from docutils import nodes
from sphinx.errors import ExtensionError

from bookbuild.chart_text import chart_tables_html
from bookbuild.chart_text import description as chart_description
from bookbuild.vega import VegaVersionError, compile_spec
from clusterlab import labels, questions

VEGALITE_MIMES = tuple(f"application/vnd.vegalite.v{v}+json" for v in (3, 4, 5, 6))
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
QUESTION_MIME = questions.MIME


def _env(renderer):
    document = renderer.renderer.document
    return getattr(document.settings, "env", None)


def _config_value(renderer, name, default):
    env = _env(renderer)
    if env is None:
        return default
    return getattr(env.config, name, default)


class VegaLiteRenderer:
    """Vega-Lite outputs → a chart drawn in the browser by the site's own Vega."""

    mime_priority_overrides: ClassVar = [("html", mime, 1) for mime in VEGALITE_MIMES]

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type not in VEGALITE_MIMES:
            return None
        spec = data.content if isinstance(data.content, dict) else json.loads(data.string)
        carried = _config_value(renderer, "clusterlab_vegalite_version", "5.20")
        try:
            vega_spec = compile_spec(spec, carried)
        except VegaVersionError as err:
            raise ExtensionError(f"{renderer.source}, cell {data.cell_index}: {err}") from err
        language = (_config_value(renderer, "language", "en") or "en")[:2]
        description = chart_description(spec, language)
        # Vega names the chart from it (aria-label and role on the chart's box), as JupyterLab's Vega does
        vega_spec["description"] = description
        tables = chart_tables_html(spec, vega_spec, language)
        text = json.dumps(vega_spec, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        key = hashlib.sha256(f"{renderer.source}:{data.cell_index}:{data.output_index}:{text}".encode()).hexdigest()[
            :12
        ]
        safe_json = text.replace("</", "<\\/")
        markup = (
            f'<div class="cl-chart" id="cl-chart-{key}">'
            f'<div class="cl-chart-target" role="figure" aria-label="{html.escape(description)}"></div>'
            f'<script type="application/json" class="cl-chart-spec">{safe_json}</script>'
            f"{tables}</div>"
        )
        return [nodes.raw(text=markup, format="html", classes=["output", "cl-chart-output"])]


class WidgetNoteRenderer:
    """ipywidgets controls → a note that sends the reader to JupyterLab or Binder."""

    mime_priority_overrides: ClassVar = [("html", WIDGET_VIEW, 2)]

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type != WIDGET_VIEW:
            return None
        language = _config_value(renderer, "language", "en") or "en"
        text = labels.label("book.widget_note", language[:2])
        note = nodes.note("", nodes.paragraph(text=text), classes=["cl-kernel-note"])
        return [note]


class QuestionRenderer:
    """Self-check questions (:mod:`clusterlab.questions`) → the question's data and a plain copy of it, which
    ``cl-questions.js`` turns into a form that answers in the browser (no kernel, nothing sent)."""

    mime_priority_overrides: ClassVar = [("html", QUESTION_MIME, 1)]

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type != QUESTION_MIME:
            return None
        payload = data.content if isinstance(data.content, dict) else json.loads(data.string)
        text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")
        plain = "".join(f"<li>{html.escape(o['text'])}</li>" for o in payload.get("options", []))
        markup = (
            f'<div class="cl-question" data-question="{html.escape(payload["id"])}"'
            f' data-chapter="{html.escape(payload["chapter"])}">'
            f'<script type="application/json" class="cl-question-data">{text}</script>'
            f"<p><strong>{html.escape(payload['words']['heading'])}</strong> {html.escape(payload['text'])}</p>"
            f"{f'<ul>{plain}</ul>' if plain else ''}</div>"
        )
        return [nodes.raw(text=markup, format="html", classes=["output", "cl-question-output"])]
