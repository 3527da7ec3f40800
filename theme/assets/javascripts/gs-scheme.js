/* Light or dark: the reader's choice (kept in this browser), else their system's. Loaded, not deferred, at the
   top of the body so the page is painted in its scheme; the header's button toggles it. No script: light. */
(function () {
  var doc = document, body = doc.body, key = "gs-scheme", dark = matchMedia("(prefers-color-scheme: dark)");
  function stored() { try { return localStorage.getItem(key); } catch (e) { return null; } }
  function apply(scheme) {
    body.setAttribute("data-md-color-scheme", scheme);
    var button = doc.querySelector("[data-gs-scheme]");
    if (button) button.setAttribute("aria-pressed", scheme === "slate" ? "true" : "false");
  }
  apply(stored() || (dark.matches ? "slate" : "default"));
  doc.addEventListener("DOMContentLoaded", function () {
    var button = doc.querySelector("[data-gs-scheme]");
    if (!button) return;
    button.hidden = false;
    apply(body.getAttribute("data-md-color-scheme"));
    button.addEventListener("click", function () {
      var scheme = body.getAttribute("data-md-color-scheme") === "slate" ? "default" : "slate";
      try { localStorage.setItem(key, scheme); } catch (e) { /* private mode: this page only */ }
      apply(scheme);
    });
  });
  if (dark.addEventListener) dark.addEventListener("change", function (e) {
    if (!stored()) apply(e.matches ? "slate" : "default");
  });
})();
