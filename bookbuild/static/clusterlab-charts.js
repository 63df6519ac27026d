// Draws every chart of the page with the site's own Vega (window.vegaEmbed, loaded just before).
// Each <div class="cl-chart"> holds its Vega-Lite specification in a JSON <script>.
const options = { actions: false, renderer: "svg", mode: "vega-lite" };

async function draw(block) {
  const target = block.querySelector(".cl-chart-target");
  const source = block.querySelector("script.cl-chart-spec");
  try {
    const spec = JSON.parse(source.textContent);
    const result = await window.vegaEmbed(target, spec, options);
    block.dataset.rendered = "true";
    block.clChart = result.view;
  } catch (err) {
    block.dataset.rendered = "error";
    target.textContent = "The chart could not be drawn / Le graphique n'a pas pu être dessiné\u00a0: " + err;
    console.error("clusterlab chart", block.id, err);
  }
}

for (const block of document.querySelectorAll("div.cl-chart")) {
  draw(block);
}
