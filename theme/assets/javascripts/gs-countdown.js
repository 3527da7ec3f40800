// Recount "còn N ngày" (contests' milestones, plans' deadlines) and a contest's state from the reader's own date:
// the page is right as built, and stays right when it is read days later. Dates are whole days in the reader's
// time zone; without scripts the page says what was true on the build date.
const DAY = 86400000;
const STATES = { upcoming: "Sắp diễn ra", open: "Đang nhận bài", judging: "Đang chấm", results: "Đã có kết quả" };

function dayNumber(date) {
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY);
}

function isoDay(text) {
  const [y, m, d] = text.split("-").map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / DAY);
}

const today = dayNumber(new Date());
for (const box of document.querySelectorAll("[data-gs-state]")) {
  const { launch, deadline, results } = box.dataset;
  const state = today < isoDay(launch) ? "upcoming" : today <= isoDay(deadline) ? "open"
    : today < isoDay(results) ? "judging" : "results";
  if (box.classList.contains("gs-state")) box.className = `gs-state gs-state--${state}`;
  box.textContent = STATES[state];
}

for (const box of document.querySelectorAll("[data-gs-countdown]")) {
  const left = isoDay(box.dataset.target) - today;
  const days = box.querySelector("[data-gs-days]");
  if (left < 0) {
    box.textContent = box.dataset.past;
  } else if (left === 0) {
    days.textContent = "hôm nay";
  } else {
    days.replaceChildren("còn ", Object.assign(document.createElement("strong"), { textContent: String(left) }), " ngày");
  }
}
