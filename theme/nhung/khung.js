// Inside the embedded column (nhung/<column>/): applies ?so-muc= (items shown, 1–10) and ?giao-dien=sang|toi,
// and tells the embedding page its height, whenever it changes, so the iframe never needs a scrollbar.
(function () {
  "use strict";
  var main = document.querySelector(".gsn");
  var params = new URLSearchParams(location.search);
  var most = Number(main.getAttribute("data-max")) || 0;
  var shown = parseInt(params.get("so-muc"), 10);
  if (shown >= 1) {
    var items = main.querySelectorAll(".gsn-item");
    for (var i = 0; i < items.length; i++) items[i].hidden = i >= Math.min(shown, most);
  }
  var theme = params.get("giao-dien");
  if (theme === "sang" || theme === "toi") document.documentElement.setAttribute("data-theme", theme);
  if (window.parent === window) return;
  var last = -1;
  function report() {
    var height = Math.ceil(main.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    // Only a height is sent: nothing private, so any embedding origin may read it.
    window.parent.postMessage({ type: "guongsang:height", column: main.getAttribute("data-column"), height: height }, "*");
  }
  if (window.ResizeObserver) new ResizeObserver(report).observe(main);
  window.addEventListener("load", report);
  report();
})();
