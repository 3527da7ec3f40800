// Share bar of an exemplar page: copy the link, the phone's own share sheet, print. No third-party script:
// Facebook and Zalo are plain links. Buttons that need JavaScript stay hidden without it.
(() => {
  const bar = document.querySelector("[data-gs-share]");
  if (!bar) return;
  const url = bar.dataset.url || location.href.split("#")[0];
  const title = bar.dataset.title || document.title;
  const status = bar.querySelector("[data-gs-status]");
  const say = (text) => {
    status.textContent = text;
    clearTimeout(say.timer);
    say.timer = setTimeout(() => { status.textContent = ""; }, 4000);
  };
  const show = (selector, onClick) => {
    const button = bar.querySelector(selector);
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", onClick);
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
  show("[data-gs-copy]", async () => {
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
    show("[data-gs-native]", () => navigator.share({ title, url }).catch(() => {}));
  }
  if (window.print) show("[data-gs-print]", () => window.print());
})();
