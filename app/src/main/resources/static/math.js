// Typesets the TeX spans the server marked (class "tex") with the bundled KaTeX; the plain TeX
// stays visible if KaTeX cannot load or parse it.
document.addEventListener("DOMContentLoaded", function () {
  if (typeof katex === "undefined") return;
  document.querySelectorAll("span.tex").forEach(function (el) {
    try {
      katex.render(el.textContent, el, {
        displayMode: el.dataset.display === "true",
        throwOnError: false
      });
    } catch (e) {
      el.classList.add("tex-failed");
    }
  });
});
