// The book's self-check questions in JupyterLab and Notebook 7: a renderer for the outputs of
// clusterlab.questions.ask (application/vnd.clusterlab.question+json) that draws the same form as the
// website, from the same script (form.js, beside this file), and answers with no kernel and no network.
//
// JupyterLab loads a prebuilt extension as a module-federation container: a script that sets
// window._JUPYTERLAB[name] = {init(shareScope), get(module)}, get("./mimeExtension") resolving to a
// factory of the module whose default export is the renderer's extension. This container is written by
// hand, with no build step: it borrows Lumino's Widget from the shared scope JupyterLab gives to init.
(() => {
  "use strict";
  const NAME = "clusterlab-questions";
  const MIME = "application/vnd.clusterlab.question+json";
  const here = document.currentScript ? document.currentScript.src : "";
  let scope = null;

  function shared(name) {
    const versions = (scope && scope[name]) || {};
    const version = Object.keys(versions)[0];
    if (!version) return Promise.reject(new Error(`${NAME}: JupyterLab shares no ${name}`));
    return Promise.resolve(versions[version].get()).then((factory) => factory());
  }

  function load(file, tag) {
    return new Promise((resolve, reject) => {
      const node = document.createElement(tag);
      if (tag === "script") node.src = new URL(file, here).href;
      else Object.assign(node, { rel: "stylesheet", href: new URL(file, here).href });
      node.onload = resolve;
      node.onerror = () => reject(new Error(`${NAME}: cannot load ${file}`));
      document.head.appendChild(node);
    });
  }

  async function mimeExtension() {
    const [widgets] = await Promise.all([shared("@lumino/widgets"), load("form.js", "script"), load("form.css", "link")]);
    const form = window.clusterlabQuestions;

    class QuestionRenderer extends widgets.Widget {
      constructor(options) {
        super();
        this.mimeType = options.mimeType;
        this.addClass("cl-question");
      }

      renderModel(model) {
        const data = model.data[this.mimeType];
        this.node.dataset.question = data.id;
        this.node.dataset.chapter = data.chapter;
        form.render(data, this.node);
        return Promise.resolve();
      }
    }

    const extension = {
      id: `${NAME}:renderer`,
      rendererFactory: { safe: true, mimeTypes: [MIME], createRenderer: (options) => new QuestionRenderer(options) },
      rank: 0,
      dataType: "json",
    };
    return { __esModule: true, default: extension };
  }

  window._JUPYTERLAB = window._JUPYTERLAB || {};
  window._JUPYTERLAB[NAME] = {
    init(shareScope) {
      scope = shareScope;
    },
    get(module) {
      if (module !== "./mimeExtension") return Promise.reject(new Error(`${NAME} has no module ${module}`));
      return mimeExtension().then((exported) => () => exported);
    },
  };
})();
