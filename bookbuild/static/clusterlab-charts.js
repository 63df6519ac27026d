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

async function draw(block) {
  const target = block.querySelector(".cl-chart-target");
  const source = block.querySelector("script.cl-chart-spec");
  try {
    const spec = JSON.parse(source.textContent);
    const view = new window.vega.View(window.vega.parse(spec), { renderer: "svg", container: target, hover: true });
    await view.runAsync();
    localiseSliders(target);
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
