// guongsang embed: paste once on a portal page, next to
//   <div data-guongsang-column="COLUMN" data-items="5"></div>           a column (chuyên mục)
//   <div data-guongsang-place="PROVINCE/WARD" data-items="5"></div>     a place (tỉnh, phường/xã, quận/huyện cũ)
// Each such box gets an iframe of the list that grows to its content's height. The list is light whatever
// the visitor's colour scheme; data-theme="dark" (or "toi") asks for dark. Only height messages from this
// script's own site, sent by one of the frames it made, are obeyed.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.guongsangEmbed) return;
  var base = new URL(".", script.src); // …/nhung/
  var frames = [];
  window.guongsangEmbed = { frames: frames };

  var SEGMENT = "[a-z0-9]+(-[a-z0-9]+)*";
  var COLUMN = new RegExp("^" + SEGMENT + "$");
  var PLACE = new RegExp("^" + SEGMENT + "(/" + SEGMENT + "){0,2}$");
  var THEMES = { dark: "toi", toi: "toi", light: "sang", sang: "sang" };

  // The embed page a box names, relative to …/nhung/ ("" when the name is not one).
  function target(box) {
    var column = box.getAttribute("data-guongsang-column");
    if (column !== null) return COLUMN.test(column) ? column + "/" : "";
    var place = box.getAttribute("data-guongsang-place") || "";
    return PLACE.test(place) ? "dia-phuong/" + place + "/" : "";
  }

  function mount(box) {
    if (box.getAttribute("data-guongsang-mounted")) return;
    var path = target(box);
    if (!path) return;
    box.setAttribute("data-guongsang-mounted", "true");
    var url = new URL(path, base);
    var items = box.getAttribute("data-items");
    var asked = box.getAttribute("data-theme") || "";
    var theme = Object.prototype.hasOwnProperty.call(THEMES, asked) ? THEMES[asked] : "";
    if (items) url.searchParams.set("so-muc", items);
    if (theme) url.searchParams.set("giao-dien", theme);
    var frame = document.createElement("iframe");
    frame.src = url.href;
    frame.title = box.getAttribute("data-title") || "Gương điển hình, người tốt việc tốt";
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
    var boxes = document.querySelectorAll("[data-guongsang-column], [data-guongsang-place]");
    for (var i = 0; i < boxes.length; i++) mount(boxes[i]);
  }
  mountAll();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
})();
