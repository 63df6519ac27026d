// The buttons that fold a solution or a dropdown box are added by sphinx-togglebutton's script, which
// names each one "Toggle hidden content" in English on every page. They get the name of the page's
// language, from the book's catalogues (written by bookbuild/sphinx_ext.py as this script's data).
(() => {
  const name = document.currentScript ? document.currentScript.dataset.name : "";
  const rename = () => {
    if (!name) return;
    for (const button of document.querySelectorAll("button.toggle-button")) button.setAttribute("aria-label", name);
  };
  // The buttons are made when the page is parsed; this runs after the script that makes them.
  // On a busy machine the toggles may be made later than that: name them again once the page has loaded.
  const later = () => setTimeout(rename, 0);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", later);
  else later();
  if (document.readyState !== "complete") window.addEventListener("load", later);
})();
