// Typesets the formulas the server marked (span.tex, TeX without delimiters) with the bundled
// KaTeX. The layout loads this and KaTeX only on pages that have one. Without JavaScript, or
// where KaTeX cannot parse a formula, its TeX source stays readable in place.
(function () {
  // \mbox is common in abstracts (MathJax knows it, KaTeX does not)
  var macros = { "\\mbox": "\\text{#1}" };

  // Also for content added after the page loaded.
  window.typesetMath = function (root) {
    if (typeof katex === "undefined") return;
    root.querySelectorAll("span.tex:not(.typeset)").forEach(function (el) {
      try {
        katex.render(el.textContent, el, {
          displayMode: el.dataset.display === "true",
          throwOnError: false,
          strict: "ignore",
          macros: macros
        });
        el.classList.add("typeset");
      } catch (e) {
        el.classList.add("tex-failed");
      }
    });
  };

  document.addEventListener("DOMContentLoaded", function () {
    window.typesetMath(document);
  });
})();
