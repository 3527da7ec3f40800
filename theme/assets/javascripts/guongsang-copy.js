// "Sao chép mã nhúng": copies a read-only textarea's text, with a fallback where the Clipboard API is missing.
for (const button of document.querySelectorAll("[data-gs-copy]")) {
  const source = document.getElementById(button.dataset.gsCopy);
  const status = button.parentElement.querySelector("[data-gs-copy-status]");
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(source.value);
    } catch {
      source.select();
      document.execCommand("copy");
    }
    status.textContent = "Đã sao chép. Dán vào khối HTML của cổng thông tin.";
  });
}
