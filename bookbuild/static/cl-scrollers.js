// Regions of a page that scroll (a wide table, a long line of code, a formula or a chart wider than
// a phone) can be reached with the Tab key and scrolled with the arrow keys: each one that actually
// overflows gets tabindex="0", role="region" and a name in the page's language. The names come
// from the book's catalogues, written by bookbuild/sphinx_ext.py as this script's data attributes.
// A region that stops overflowing (a wider window) leaves the tab order again.
(() => {
  const names = document.currentScript ? { ...document.currentScript.dataset } : {};

  // What may scroll, and the kind of name it gets (the first selector that matches wins).
  const KINDS = [
    ["table", ".cl-chart-table-box, .pst-scrollable-table-container, .cell_output .output.text_html, table"],
    ["chart", ".cl-chart, .cl-chart-target, .cell_output .output.cl-chart-output"],
    ["math", "div.math, math"],
    ["code", "div.highlight pre, pre, .cell_output .output"],
  ];
  const SELECTOR = KINDS.map(([, selector]) => selector).join(", ");
  const MARK = "clScroller";

  function kindOf(element) {
    for (const [kind, selector] of KINDS) if (element.matches(selector)) return kind;
    return "other";
  }

  function scrolls(element) {
    const style = getComputedStyle(element);
    const x = /(auto|scroll)/.test(style.overflowX) && element.scrollWidth > element.clientWidth;
    const y = /(auto|scroll)/.test(style.overflowY) && element.scrollHeight > element.clientHeight;
    return x || y;
  }

  // A region's name tells its kind and, as regions must be told apart, its rank among the page's
  // regions of that kind ("Scrollable table 2").
  function update() {
    const main = document.getElementById("main-content") || document.body;
    const counts = {};
    for (const element of main.querySelectorAll(SELECTOR)) {
      if (scrolls(element)) {
        if (!element.dataset[MARK]) {
          if (element.hasAttribute("role") || element.hasAttribute("aria-label")) continue;
          element.dataset[MARK] = "true";
          element.tabIndex = 0;
          element.setAttribute("role", "region");
        }
        const kind = kindOf(element);
        counts[kind] = (counts[kind] || 0) + 1;
        element.setAttribute("aria-label", `${names[kind] || names.other || ""} ${counts[kind]}`);
      } else if (element.dataset[MARK]) {
        delete element.dataset[MARK];
        element.tabIndex = -1;
        element.removeAttribute("role");
        element.removeAttribute("aria-label");
      } else if (element.getAttribute("tabindex") === "0" && !element.hasAttribute("role")) {
        // a tab stop another script gave to a region that does not scroll (it may have overflowed
        // before the page's fonts and styles settled): nothing to scroll, nothing to name
        element.removeAttribute("tabindex");
      }
    }
  }

  // Charts are drawn after the page is parsed, and the theme sets the tab stops of some of the same
  // regions on its own schedule: the regions are looked at again, at the next frame, whenever the
  // content or the window changes size.
  let pending = false;
  const later = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      update();
    });
  };
  function start() {
    update();
    window.addEventListener("resize", later);
    const main = document.getElementById("main-content") || document.body;
    // tab stops set by the theme's own script are looked at too (attribute "tabindex")
    new MutationObserver(later).observe(main, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["tabindex"],
    });
    if ("ResizeObserver" in window) {
      const observer = new ResizeObserver(later);
      for (const element of main.querySelectorAll(SELECTOR)) observer.observe(element);
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
