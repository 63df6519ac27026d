// Self-check questions (clusterlab.questions): each question's data, in the page's language, sits in
// <div class="cl-question" data-question="ID"><script type="application/json">…</script>…</div>, with a
// plain copy of the question for a reader without scripts. This script replaces the copy with a form of
// native controls (radio buttons, check boxes or a text box for a number), checks the answer in the
// browser and says why it is right or wrong in a live region. Nothing is sent anywhere: a chapter's
// results are kept in this browser's local storage only, with a button to clear them.
(() => {
  "use strict";
  const STORE = "clusterlab.questions.";
  let counter = 0;

  // A number as the reader typed it, or null: French pages take 0,5 and 0.5 (and spaces between
  // thousands), English pages 0.5 and 1,234.5. The rules of clusterlab.questions.parse_number.
  function parseNumber(text, language) {
    let s = String(text).trim().replace(/\u2212/g, "-").replace(/[\u202f\u00a0 ]/g, "");
    if (language === "fr") {
      if (s.includes(",") && s.includes(".")) return null;
      s = s.replace(",", ".");
    } else if (s.includes(",")) {
      if (!/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return null;
      s = s.replace(/,/g, "");
    }
    if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
    return parseFloat(s);
  }

  function check(data, form) {
    if (data.kind === "choice") {
      const ticked = [...form.querySelectorAll("input[data-option]")].filter((i) => i.checked).map((i) => +i.value);
      if (!ticked.length) return null;
      const right = data.options.map((o, i) => (o.correct ? i : -1)).filter((i) => i >= 0);
      const ok = ticked.length === right.length && ticked.every((i) => right.includes(i));
      return { ok, feedback: ticked.map((i) => data.options[i].feedback).join(" "), ticked };
    }
    const input = form.querySelector("input[data-number]");
    if (!input.value.trim()) return null;
    const n = parseNumber(input.value, data.language);
    if (n === null) return { ok: false, feedback: data.words.not_a_number, invalid: true };
    const a = data.answer;
    if (Math.abs(n - a.value) <= a.tolerance + 1e-12) return { ok: true, feedback: a.feedback };
    const known = a.wrong.find((w) => Math.abs(n - w.value) <= w.tolerance + 1e-12);
    return { ok: false, feedback: known ? known.feedback : a.otherwise };
  }

  function results(chapter) {
    try {
      return JSON.parse(localStorage.getItem(STORE + chapter) || "{}");
    } catch (e) {
      return {};
    }
  }

  function remember(chapter, id, ok) {
    const all = results(chapter);
    all[id] = ok;
    try {
      localStorage.setItem(STORE + chapter, JSON.stringify(all));
    } catch (e) {
      /* storage refused (private browsing): the page still answers */
    }
    updateScores(chapter);
  }

  function updateScores(chapter) {
    const asked = document.querySelectorAll(`.cl-question[data-chapter="${chapter}"]`).length;
    const right = Object.values(results(chapter)).filter(Boolean).length;
    for (const score of document.querySelectorAll(`.cl-question-score[data-chapter="${chapter}"] .cl-score-value`)) {
      score.textContent = `${right} / ${asked}`;
    }
  }

  function element(tag, attributes = {}, text = "") {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
    if (text) node.textContent = text;
    return node;
  }

  // The form of one question, built from its data (the same function draws it in JupyterLab).
  function render(data, host) {
    const n = ++counter;
    const form = element("form", { class: "cl-question-form", novalidate: "" });
    const fieldset = element("fieldset");
    const legend = element("legend");
    legend.append(element("span", { class: "cl-question-heading" }, data.words.heading), " ", data.text);
    fieldset.append(legend);
    if (data.kind === "choice") {
      if (data.multiple) fieldset.append(element("p", { class: "cl-question-hint" }, data.words.several));
      const list = element("div", { class: "cl-question-options" });
      data.options.forEach((option, i) => {
        const id = `cl-q${n}-o${i}`;
        const row = element("div", { class: "cl-question-option" });
        const input = element("input", {
          type: data.multiple ? "checkbox" : "radio",
          name: `cl-q${n}`,
          id,
          value: String(i),
          "data-option": String(i),
        });
        row.append(input, element("label", { for: id }, option.text));
        list.append(row);
      });
      fieldset.append(list);
    } else {
      const id = `cl-q${n}-answer`;
      const row = element("div", { class: "cl-question-number" });
      row.append(element("label", { for: id }, data.words.answer_label));
      row.append(
        element("input", { type: "text", id, inputmode: "decimal", autocomplete: "off", "data-number": "" })
      );
      if (data.answer.unit) row.append(element("span", { class: "cl-question-unit" }, data.answer.unit));
      fieldset.append(row);
    }
    const button = element("button", { type: "submit", class: "cl-question-check" }, data.words.check);
    const status = element("p", { class: "cl-question-feedback", role: "status", "aria-live": "polite" });
    fieldset.append(button, status);
    form.append(fieldset);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const verdict = check(data, form);
      form.querySelectorAll(".cl-question-option").forEach((row) => row.removeAttribute("data-verdict"));
      if (verdict === null) {
        host.dataset.verdict = "";
        status.textContent = data.words.choose;
        return;
      }
      host.dataset.verdict = verdict.ok ? "right" : "wrong";
      status.textContent = "";
      status.append(
        element("strong", {}, verdict.ok ? data.words.right : data.words.wrong),
        " ",
        verdict.feedback
      );
      if (verdict.ticked) {
        for (const i of verdict.ticked) {
          const row = form.querySelectorAll(".cl-question-option")[i];
          row.dataset.verdict = data.options[i].correct ? "right" : "wrong";
        }
      }
      if (!verdict.invalid) remember(data.chapter, data.id, verdict.ok);
    });
    host.replaceChildren(form);
    return form;
  }

  function scorePanel(data) {
    const panel = element("div", { class: "cl-question-score", "data-chapter": data.chapter });
    panel.append(element("span", {}, data.words.score), " ", element("span", { class: "cl-score-value" }));
    const clear = element("button", { type: "button", class: "cl-question-clear" }, data.words.clear);
    clear.addEventListener("click", () => {
      try {
        localStorage.removeItem(STORE + data.chapter);
      } catch (e) {
        /* nothing kept */
      }
      for (const host of document.querySelectorAll(`.cl-question[data-chapter="${data.chapter}"]`)) {
        host.dataset.verdict = "";
        host.querySelector("form").reset();
        host.querySelectorAll("[data-verdict]").forEach((row) => row.removeAttribute("data-verdict"));
        host.querySelector(".cl-question-feedback").textContent = "";
      }
      updateScores(data.chapter);
    });
    panel.append(clear);
    return panel;
  }

  function start() {
    const hosts = [...document.querySelectorAll(".cl-question[data-question]")];
    let last = null;
    for (const host of hosts) {
      const data = JSON.parse(host.querySelector("script.cl-question-data").textContent);
      host.dataset.chapter = data.chapter;
      render(data, host);
      last = { host, data };
    }
    // one score for the chapter, under its last question
    if (last) last.host.after(scorePanel(last.data));
    const chapters = new Set(hosts.map((h) => h.dataset.chapter));
    chapters.forEach(updateScores);
  }

  window.clusterlabQuestions = { render, parseNumber, check };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
