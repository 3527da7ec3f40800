// guongsang embed: paste once on a portal page, next to
//   <div data-guongsang-column="COLUMN" data-items="5" data-theme="sang|toi"></div>
// Each such box gets an iframe of the column that grows to its content's height. Only height messages
// from this script's own site, sent by one of the frames it made, are obeyed.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.guongsangEmbed) return;
  var base = new URL(".", script.src); // …/nhung/
  var frames = [];
  window.guongsangEmbed = { frames: frames };

  function mount(box) {
    if (box.getAttribute("data-guongsang-mounted")) return;
    var column = box.getAttribute("data-guongsang-column") || "";
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(column)) return;
    box.setAttribute("data-guongsang-mounted", "true");
    var url = new URL(column + "/", base);
    var items = box.getAttribute("data-items");
    var theme = box.getAttribute("data-theme");
    if (items) url.searchParams.set("so-muc", items);
    if (theme) url.searchParams.set("giao-dien", theme);
    var frame = document.createElement("iframe");
    frame.src = url.href;
    frame.title = box.getAttribute("data-title") || "Chuyên mục gương điển hình";
    frame.setAttribute("scrolling", "no");
    frame.style.cssText = "display:block;width:100%;height:360px;border:0;overflow:hidden";
    box.appendChild(frame);
    frames.push(frame);
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== base.origin) return;
    var data = event.data;
    if (!data || data.type !== "guongsang:height" || typeof data.height !== "number") return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.max(0, Math.min(Math.ceil(data.height), 20000)) + "px";
      }
    }
  });

  function mountAll() {
    var boxes = document.querySelectorAll("[data-guongsang-column]");
    for (var i = 0; i < boxes.length; i++) mount(boxes[i]);
  }
  mountAll();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
})();
