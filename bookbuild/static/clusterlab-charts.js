// Draws every chart of the page with the site's own Vega (window.vega, loaded just before).
// Each <div class="cl-chart"> holds its Vega specification (compiled from Vega-Lite when the
// book was built, bookbuild/vega.py) in a JSON <script>. Inputs bound to parameters (sliders,
// menus) are drawn by Vega below the chart; tooltips are the browser's own.

// Both this script and Vega load asynchronously (bookbuild/sphinx_ext.py), so charts are drawn as
// soon as Vega and the page's text are there, without waiting for the theme's scripts.
const vegaReady = window.vega
  ? Promise.resolve()
  : new Promise((resolve) => window.addEventListener("clusterlab:vega-ready", resolve, { once: true }));
const pageParsed = document.readyState !== "loading"
  ? Promise.resolve()
  : new Promise((resolve) => document.addEventListener("readystatechange", resolve, { once: true }));

// Vega writes a slider's value as JavaScript prints numbers ("0.12", "5000"); the page writes it
// in its own language ("0,12" and "5 000" on French pages).
const numbers = new Intl.NumberFormat(document.documentElement.lang || "en", { maximumFractionDigits: 6 });

function localiseSliders(target) {
  for (const input of target.querySelectorAll('input[type="range"]')) {
    const output = input.nextElementSibling;
    if (!output || output.tagName !== "SPAN") continue;
    const show = () => { output.textContent = numbers.format(Number(input.value)); };
    show();
    input.addEventListener("input", show);
    input.addEventListener("change", show);
  }
}

// The data tables under a chart (bookbuild/chart_text.py) whose rows an input filters follow the inputs:
// each time the chart's own filtered data change, the table is re-filled from them (view.data), in the
// columns, order and number style the build gave it (numbers in the page's language).
function followInputs(block, view) {
  const language = document.documentElement.lang || "en";
  const plural = new Intl.PluralRules(language);
  for (const table of block.querySelectorAll("table.cl-chart-table[data-follow]")) {
    const columns = JSON.parse(table.dataset.columns);
    const forms = JSON.parse(table.dataset.rows);
    const limit = Number(table.dataset.maxRows);
    const formats = columns.map((c) => new Intl.NumberFormat(language, c.numeric
      ? { minimumFractionDigits: c.decimals, maximumFractionDigits: c.decimals, useGrouping: c.grouping }
      : { maximumFractionDigits: 6 }));
    const show = (value, column, format) => {
      if (value === null || value === undefined || Number.isNaN(value)) return "\u2013";
      if (column.shown && String(value) in column.shown) return column.shown[String(value)];
      if (typeof value !== "number") return String(value);
      return format.formatToParts(value).map((p) => (p.type === "minusSign" ? table.dataset.minus : p.value)).join("");
    };
    const fill = () => {
      const rows = view.data(table.dataset.follow);
      const body = document.createElement("tbody");
      for (const row of rows.slice(0, limit)) {
        const tr = body.insertRow();
        columns.forEach((column, i) => {
          const td = tr.insertCell();
          td.className = column.numeric ? "cl-num" : "cl-text";
          td.textContent = show(row[column.field], column, formats[i]);
        });
      }
      table.tBodies[0].replaceWith(body);
      const count = (forms[plural.select(rows.length)] || forms.other).replace("{n}", new Intl.NumberFormat(language).format(rows.length));
      table.querySelector(".cl-chart-rows").textContent = count + (rows.length > limit ? table.dataset.capped : "");
      table.dataset.shownRows = String(rows.length);
    };
    fill();
    view.addDataListener(table.dataset.follow, fill);
  }
}

async function draw(block) {
  const target = block.querySelector(".cl-chart-target");
  const source = block.querySelector("script.cl-chart-spec");
  try {
    const spec = JSON.parse(source.textContent);
    const view = new window.vega.View(window.vega.parse(spec), { renderer: "svg", container: target, hover: true });
    await view.runAsync();
    localiseSliders(target);
    followInputs(block, view);
    block.dataset.rendered = "true";
    block.clChart = view;
  } catch (err) {
    block.dataset.rendered = "error";
    target.textContent = "The chart could not be drawn / Le graphique n'a pas pu être dessiné\u00a0: " + err;
    console.error("clusterlab chart", block.id, err);
  }
}

// When every chart has been drawn (or has failed), the page says so: the performance mark
// "clusterlab:charts-drawn" (read by the benchmark, bench/pages.py) and <html data-charts="drawn">.
await Promise.all([vegaReady, pageParsed]);
await Promise.all(Array.from(document.querySelectorAll("div.cl-chart"), draw));
performance.mark("clusterlab:charts-drawn");
document.documentElement.dataset.charts = "drawn";
