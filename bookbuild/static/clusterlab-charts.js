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

// Charts fit their column. A chart is first drawn at the size its notebook gave it; when the column
// (the content box of the .cl-chart block) is narrower, the chart is drawn again narrower: its width
// signals ("width", "childWidth" shared by parts side by side, "concat_N_width" of stacked parts)
// are lowered, and parts drawn side by side are stacked one above the other first. A chart that
// still does not fit at the smallest readable width is scaled down as a picture (class
// cl-chart-scaled, book.css). When the column changes (a phone turned, a window resized), the
// chart is fitted again.
const SMALLEST = 120; // the narrowest plot (in px) a chart is redrawn at before it is scaled down

function widthSignals(spec) {
  const names = (spec.signals || []).map((s) => s.name).filter((n) => n === "childWidth" || /^concat_\d+_width$/.test(n));
  if (typeof spec.width === "number") names.unshift("width");
  return names;
}

// Parts drawn side by side: a top-level layout without one column, and more than one group.
function sideBySide(spec) {
  const parts = (spec.marks || []).filter((m) => m.type === "group" && /^concat_\d+_group$/.test(m.name)).length;
  return spec.layout && spec.layout.columns === undefined && parts > 1 ? parts : 0;
}

// The narrow form of a chart, for a column narrower than the chart drawn at its natural size: parts
// side by side are stacked; legends list their entries one under the other, and several legends
// below the chart sit one under the other; long notes wrap at the column's width (signal
// cl_text_width); long axis labels on the left are cut short at cl_label_limit (the full names stay in
// the tooltips and the text of the page).
function clWrap(value, width, size) {
  if (value === null || value === undefined) return value;
  const perLine = Math.max(8, Math.floor(width / ((size || 12) * 0.55)));
  const lines = [];
  for (const paragraph of String(value).split("\n")) {
    let line = "";
    for (const word of paragraph.split(" ")) {
      if (line && (line + " " + word).length > perLine) {
        lines.push(line);
        line = word;
      } else {
        line = line ? line + " " + word : word;
      }
    }
    lines.push(line);
  }
  return lines.length > 1 ? lines : lines[0];
}

function wrapped(text, size, width) {
  const value = Array.isArray(text) ? text.join("\n") : text;
  return { signal: `clWrap(${JSON.stringify(value)}, ${width}, ${size})` };
}

function narrowTitle(title, size) {
  if (!title || typeof title !== "object") return title;
  if (typeof title.text === "string" || Array.isArray(title.text)) title.text = wrapped(title.text, title.fontSize || size, "cl_title_width");
  if (typeof title.subtitle === "string" || Array.isArray(title.subtitle)) {
    title.subtitle = wrapped(title.subtitle, title.subtitleFontSize || 12, "cl_title_width");
  }
  return title;
}

// Rows of text on a point or band scale (a list): they wrap too, and their group grows as many times as
// its longest row has lines (rows, filled by narrow: mark name → the group's height signal).
function narrowMarks(marks, scales, rows, height) {
  for (const mark of marks || []) {
    for (const scale of mark.scales || []) scales[scale.name] = scale.type;
    for (const legend of mark.legends || []) {
      legend.columns = 1;
      if (typeof legend.title === "string") legend.title = wrapped(legend.title, 13, "cl_text_width");
      const labels = ((legend.encode = legend.encode || {}).labels = legend.encode.labels || {});
      labels.update = { ...labels.update, text: { signal: "clWrap(datum.label, 0.85 * cl_text_width, 12)" } };
      // Vega sizes a legend's entries by their labels on one line, up to the label limit
      legend.labelLimit = { signal: "cl_text_width" };
    }
    for (const axis of mark.axes || []) {
      if (axis.orient === "left" && axis.labels !== false) axis.labelLimit = { signal: "cl_label_limit" };
      if (typeof axis.title === "string" || Array.isArray(axis.title)) axis.title = wrapped(axis.title, 13, "cl_text_width");
    }
    if (typeof mark.title === "string") mark.title = { text: mark.title };
    narrowTitle(mark.title, 15);
    const update = mark.encode && mark.encode.update;
    // a note set apart wraps; text placed on a scale (rows of a list, labels beside data) stays on its line,
    // where wrapping would run into the next row
    const placed = update && ((update.y && update.y.scale) || (update.y2 && update.y2.scale));
    // only text grows a row: a bar drawn on a band scale keeps its height
    const listed =
      mark.type === "text" && placed && update.y && ["point", "band"].includes(scales[update.y.scale]) && height && mark.name;
    if (listed) rows[mark.name] = height;
    if (mark.type === "text" && update && update.text && update.text.signal && (!placed || listed)) {
      const size = (update.fontSize && update.fontSize.value) || 12;
      update.text = { signal: `clWrap(${update.text.signal}, cl_text_width, ${size})` };
      update.lineBreak = { value: "\n" };
    }
    const own = mark.encode && mark.encode.update && mark.encode.update.height;
    narrowMarks(mark.marks, Object.create(scales), rows, (own && own.signal) || height);
  }
}

function narrow(spec, parts) {
  const copy = JSON.parse(JSON.stringify(spec));
  if (parts) copy.layout = { ...copy.layout, columns: 1 };
  const rows = {};
  narrowMarks([copy], {}, rows, null);
  const legend = (copy.config && copy.config.legend) || {};
  copy.config = { ...copy.config, legend: { ...legend, layout: { ...legend.layout, bottom: { direction: "vertical" } } } };
  copy.signals = [...(copy.signals || []), { name: "cl_text_width", value: 300 }, { name: "cl_label_limit", value: 160 }, { name: "cl_title_width", value: 300 }];
  return { spec: copy, rows };
}

function columnWidth(block) {
  const target = block.querySelector(".cl-chart-target");
  const style = getComputedStyle(target);
  const frame = ["paddingLeft", "paddingRight", "borderLeftWidth", "borderRightWidth"]
    .reduce((sum, side) => sum + parseFloat(style[side] || 0), 0);
  return Math.floor(block.clientWidth - frame);
}

function drawnWidth(view) {
  const svg = view.container() && view.container().querySelector("svg");
  return svg ? Number(svg.getAttribute("width")) : 0;
}

// The width of each named mark of a drawing (its widest item), as drawn at its natural size.
function markWidths(view) {
  const found = {};
  const visit = (mark) => {
    if (mark.name) found[mark.name] = Math.max(found[mark.name] || 0, ...mark.items.map((i) => i.bounds.x2 - i.bounds.x1));
    for (const item of mark.items || []) for (const child of item.items || []) visit(child);
  };
  visit(view.scenegraph().root);
  return found;
}

// The right edge, in the drawing, of each stacked part ("concat_N_width" → px): its group's widest item.
function partRights(view) {
  const out = {};
  const top = view.scenegraph().root.items[0];
  const [left] = view.origin();
  for (const mark of (top && top.items) || []) {
    const found = /^concat_(\d+)_group$/.exec(mark.name || "");
    if (found && mark.items.length) out[`concat_${found[1]}_width`] = left + Math.max(...mark.items.map((i) => i.bounds.x2));
  }
  return out;
}

// The (width, height) signals of each part drawn with a projection (a map): "[concat_1_width, concat_1_height]".
function mapSizes(spec) {
  const pairs = [];
  for (const projection of spec.projections || []) {
    const found = /^\[(\w+), (\w+)\]$/.exec((projection.size && projection.size.signal) || "");
    if (found) pairs.push([found[1], found[2]]);
  }
  return pairs;
}

async function newView(block, spec, values) {
  const target = block.querySelector(".cl-chart-target");
  if (block.clChart) block.clChart.finalize();
  const view = new window.vega.View(window.vega.parse(spec), { renderer: "svg", container: target, hover: true });
  for (const [name, value] of Object.entries(values || {})) view.signal(name, value);
  await view.runAsync();
  localiseSliders(target);
  followInputs(block, view); // each drawing of the chart (a narrower one too) refills the data tables
  block.clChart = view;
  return view;
}

async function fit(block) {
  const state = block.clFit;
  const column = columnWidth(block);
  if (column <= 0) return; // not shown (a closed box): fitted when it opens
  if (state.column === column) return;
  state.column = column;
  block.dataset.fitting = "true";
  try {
    await fitTo(block, state, column);
  } finally {
    delete block.dataset.fitting;
  }
}

async function fitTo(block, state, column) {
  let view = block.clChart;
  const widths = { ...state.natural };
  let titleWidth = Math.max(120, column - 40);
  const shared = () => (state.parts > 0 && !state.narrow ? state.parts : 1);
  // In the narrow form, notes, axis titles and legends wrap at the width of the plot, titles at the
  // column's (narrower if need be), and long labels on the left take at most 40 % of the column.
  // A map keeps its shape: the height of a part drawn with a projection follows its width.
  const mapHeights = (heights) => {
    for (const [width, height] of state.maps) {
      if (width in widths && height in heights) {
        heights[height] = Math.round((state.heights[height] * widths[width]) / state.natural[width]);
      }
    }
    return heights;
  };
  const sizes = () => {
    if (!state.narrow) return mapHeights({ ...state.heights });
    const text = Math.max(100, Math.min(column - 40, ...Object.values(widths)));
    const heights = mapHeights({ ...state.heights });
    for (const [name, height] of Object.entries(state.narrowSpec.rows)) {
      const lines = Math.ceil((1.15 * (state.rowWidths[name] || 0)) / text);
      if (height in heights) heights[height] = Math.max(heights[height], state.heights[height] * Math.max(1, lines));
    }
    return {
      ...heights,
      cl_title_width: titleWidth,
      cl_label_limit: Math.max(80, Math.round(column * 0.4)),
      cl_text_width: text,
    };
  };
  // A new view keeps the reader's settings of the bound controls.
  const redraw = async () => {
    const values = Object.fromEntries(state.bound.map((name) => [name, view.signal(name)]));
    if (state.narrow && !state.narrowSpec) state.narrowSpec = narrow(state.spec, state.parts);
    view = await newView(block, state.narrow ? state.narrowSpec.spec : state.spec, { ...values, ...widths, ...sizes() });
  };
  const set = async () => {
    for (const [name, value] of Object.entries({ ...widths, ...sizes() })) view.signal(name, value);
    // Vega sizes the drawing again by itself only when the "width" signal changes; the widths of
    // parts ("concat_N_width", "childWidth") need a request.
    view.resize();
    await view.runAsync();
  };
  const narrowDown = async () => {
    for (let round = 0; round < 8 && drawnWidth(view) > column; round++) {
      const excess = Math.max(4, drawnWidth(view) - column);
      const rights = partRights(view);
      let moved = false;
      for (const name of Object.keys(widths)) {
        // a stacked part narrows by its own excess only (a map under bars keeps the column's width)
        const own = name in rights ? rights[name] - column : excess;
        if (own <= 0) continue;
        const narrower = Math.max(SMALLEST, Math.floor(widths[name] - Math.max(4, own) / shared()));
        if (narrower < widths[name]) {
          widths[name] = narrower;
          moved = true;
        }
      }
      // titles and notes narrow too, but keep three quarters of the column: what is still too wide is
      // then something else, and a note squeezed into a thin column is hard to read
      const titleFloor = Math.max(100, Math.round(column * 0.75));
      if (state.narrow && titleWidth > titleFloor) {
        titleWidth = Math.max(titleFloor, titleWidth - excess);
        moved = true;
      }
      if (!moved) break;
      await set();
    }
  };
  // A chart wider than the column takes its narrow form, and its natural form again when the column is
  // wide enough.
  const wantNarrow = state.naturalWidth > column;
  if (wantNarrow !== state.narrow) {
    state.narrow = wantNarrow;
    await redraw();
  }
  await set();
  await narrowDown();
  // Vega measures the entries of a legend when it first draws them: a chart still too wide is drawn
  // anew at the sizes found, then narrowed again.
  if (state.narrow && drawnWidth(view) > column) {
    await redraw();
    await narrowDown();
  }
  const drawn = drawnWidth(view);
  const scaled = drawn > column;
  block.classList.toggle("cl-chart-scaled", scaled);
  const narrowed = Object.keys(widths).some((name) => widths[name] < state.natural[name]);
  block.dataset.fit = scaled ? "scaled" : narrowed || state.narrow ? "narrowed" : "natural";
  block.dataset.fitScale = scaled ? (column / drawn).toFixed(2) : "1";
}

// Resizes come in bursts; each chart is fitted once the column has kept its width for a moment.
// Fittings of one chart never overlap.
function watch(block) {
  let timer = null;
  let running = Promise.resolve();
  new ResizeObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(() => fit(block)).catch((err) => console.error("clusterlab chart", block.id, err));
    }, 150);
  }).observe(block);
}

async function draw(block) {
  const target = block.querySelector(".cl-chart-target");
  const source = block.querySelector("script.cl-chart-spec");
  try {
    const spec = JSON.parse(source.textContent);
    const view = await newView(block, spec);
    const natural = Object.fromEntries(widthSignals(spec).map((name) => [name, view.signal(name)]));
    const heights = Object.fromEntries(
      (spec.signals || []).filter((s) => /^concat_\d+_height$/.test(s.name)).map((s) => [s.name, view.signal(s.name)]),
    );
    block.clFit = {
      spec,
      natural,
      parts: sideBySide(spec),
      naturalWidth: drawnWidth(view),
      heights,
      rowWidths: markWidths(view),
      narrow: false,
      column: null,
      bound: (spec.signals || []).filter((s) => s.bind).map((s) => s.name),
      maps: mapSizes(spec),
    };
    await fit(block);
    watch(block);
    block.dataset.rendered = "true";
  } catch (err) {
    block.dataset.rendered = "error";
    target.textContent = "The chart could not be drawn / Le graphique n'a pas pu être dessiné\u00a0: " + err;
    console.error("clusterlab chart", block.id, err);
  }
}

// When every chart has been drawn (or has failed), the page says so: the performance mark
// "clusterlab:charts-drawn" (read by the benchmark, bench/pages.py) and <html data-charts="drawn">.
await Promise.all([vegaReady, pageParsed]);
window.vega.expressionFunction("clWrap", clWrap);
await Promise.all(Array.from(document.querySelectorAll("div.cl-chart"), draw));
performance.mark("clusterlab:charts-drawn");
document.documentElement.dataset.charts = "drawn";
