// Recount a contest's "còn N ngày" from the reader's own date: the page is right as built, and stays right
// when it is read days later. Dates are whole days in the reader's time zone.
const DAY = 86400000;

function dayNumber(date) {
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY);
}

for (const box of document.querySelectorAll("[data-gs-countdown]")) {
  const [y, m, d] = box.dataset.target.split("-").map(Number);
  const left = Math.round(Date.UTC(y, m - 1, d) / DAY) - dayNumber(new Date());
  const days = box.querySelector("[data-gs-days]");
  if (left < 0) {
    box.textContent = box.dataset.past;
  } else if (left === 0) {
    days.textContent = "hôm nay";
  } else {
    days.replaceChildren("còn ", Object.assign(document.createElement("strong"), { textContent: String(left) }), " ngày");
  }
}
