// Share bar of an exemplar page: copy the link, the phone's own share sheet, print. No third-party script:
// Facebook and Zalo are plain links. Buttons that need JavaScript are made here (none without it), each with its
// icon from the site's sprite.
(() => {
  const bar = document.querySelector("[data-gs-share]");
  if (!bar) return;
  // The page's address: its canonical link (absolute), not repeated on the bar.
  const url = document.querySelector('link[rel="canonical"]')?.href || location.href.split("#")[0];
  const title = document.querySelector('meta[property="og:title"]')?.content || document.title;
  const status = bar.querySelector("[data-gs-status]");
  const say = (text) => {
    status.textContent = text;
    clearTimeout(say.timer);
    say.timer = setTimeout(() => { status.textContent = ""; }, 4000);
  };
  const icon = (id) => {
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    const use = document.createElementNS(ns, "use");
    svg.setAttribute("viewBox", "0 0 24 24");
    use.setAttribute("href", `${bar.dataset.sprite}#${id}`);
    svg.append(use);
    const span = document.createElement("span");
    span.className = "gs-icon";
    span.setAttribute("aria-hidden", "true");
    span.append(svg);
    return span;
  };
  const show = (marker, label, id, onClick) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "gs-share__button";
    button.setAttribute(marker, "");
    button.append(icon(id), label);
    button.addEventListener("click", onClick);
    bar.insertBefore(button, status);
  };

  const copyFallback = () => {
    const field = document.createElement("textarea");
    field.value = url;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.append(field);
    field.select();
    const done = document.execCommand("copy");
    field.remove();
    return done;
  };
  show("data-gs-copy", "Sao chép liên kết", "material-link-variant", async () => {
    let done = false;
    try {
      await navigator.clipboard.writeText(url);
      done = true;
    } catch {
      done = copyFallback();
    }
    say(done ? "Đã sao chép liên kết." : "Không sao chép được; hãy chép địa chỉ trên thanh trình duyệt.");
  });
  if (navigator.share) {
    show("data-gs-native", "Chia sẻ khác", "material-share-variant-outline",
      () => navigator.share({ title, url }).catch(() => {}));
  }
  if (window.print) show("data-gs-print", "In trang", "material-printer-outline", () => window.print());
})();
