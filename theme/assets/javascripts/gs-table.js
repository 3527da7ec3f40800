// The table of all records (du-lieu/bang/): the first rows come with the page; the chunks of rows are loaded
// only when the reader sorts, filters or turns a page. No third-party code, no inline script (CSP).
const PAGE = 50;
const table = document.querySelector("[data-gs-table]");
const form = document.querySelector("[data-gs-table-form]");
const status = document.querySelector("[data-gs-table-status]");
const pager = document.querySelector("[data-gs-table-pager]");
const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });
const state = { q: "", kind: "", province: "", movement: "", year: "", sort: "", dir: 1, page: 1 };
let data = null; // { rows: [...], labels: {...} }
let loading = null;

const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "d").toLowerCase();
const viNumber = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");

async function load() {
  const index = await (await fetch(table.dataset.index)).json();
  const base = new URL(".", new URL(table.dataset.index, location.href));
  const parts = await Promise.all(index.chunks.map(async (name) => (await fetch(new URL(name, base))).json()));
  const rows = parts.flat().map(([url, name, kind, movements, province, ward, year, awards]) =>
    ({ url, name, kind, movements, province, ward, year, awards, folded: fold(name) }));
  return { rows, labels: index.labels };
}

function ensure() {
  loading = loading || load().then((loaded) => { data = loaded; });
  return loading;
}

const label = (group, code) => (data.labels[group] && data.labels[group][code]) || code;

function value(row, key) {
  if (key === "kind") return label("kind", row.kind);
  if (key === "province") return label("province", row.province);
  return row[key];
}

function selected() {
  const words = fold(state.q.trim());
  let rows = data.rows.filter((r) => (!words || r.folded.includes(words))
    && (!state.kind || r.kind === state.kind) && (!state.province || r.province === state.province)
    && (!state.movement || r.movements.includes(state.movement)) && (!state.year || String(r.year) === state.year));
  if (state.sort) {
    const key = state.sort;
    rows = rows.slice().sort((a, b) => {
      const x = value(a, key), y = value(b, key);
      const order = typeof x === "number" ? x - y : collator.compare(x, y);
      return order * state.dir || collator.compare(a.name, b.name);
    });
  }
  return rows;
}

function cell(tag, text) {
  const el = document.createElement(tag);
  el.textContent = text;
  return el;
}

function renderRow(row) {
  const tr = document.createElement("tr");
  const th = document.createElement("th");
  th.scope = "row";
  const link = document.createElement("a");
  link.href = table.dataset.base + row.url;
  link.textContent = row.name;
  th.append(link);
  tr.append(th, cell("td", label("kind", row.kind)), cell("td", row.movements.map((m) => label("movement", m)).join("; ")),
    cell("td", label("province", row.province)), cell("td", row.ward), cell("td", String(row.year)), cell("td", String(row.awards)));
  return tr;
}

function render() {
  const rows = selected();
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  state.page = Math.min(state.page, pages);
  const body = table.tBodies[0];
  body.replaceChildren(...rows.slice((state.page - 1) * PAGE, state.page * PAGE).map(renderRow));
  status.textContent = `${viNumber(rows.length)} gương điển hình` + (pages > 1 ? ` — trang ${state.page}/${pages}` : "");
  updatePager(pages);
}

function updatePager(pages) {
  pager.hidden = pages <= 1;
  pager.querySelector("[data-gs-table-page]").textContent = `Trang ${state.page}/${pages}`;
  pager.querySelector('[data-step="-1"]').disabled = state.page <= 1;
  pager.querySelector('[data-step="1"]').disabled = state.page >= pages;
}

async function update(change) {
  Object.assign(state, change);
  table.setAttribute("aria-busy", "true");
  await ensure();
  render();
  table.removeAttribute("aria-busy");
}

function sortButtons() {
  for (const th of table.querySelectorAll("th[data-sortable]")) {
    const button = cell("button", th.textContent);
    button.type = "button";
    button.className = "gs-table__sort";
    th.replaceChildren(button);
    button.addEventListener("click", () => {
      const dir = state.sort === th.dataset.key ? -state.dir : 1;
      for (const other of table.querySelectorAll("th[data-sortable]")) other.setAttribute("aria-sort", "none");
      th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      update({ sort: th.dataset.key, dir, page: 1 });
    });
  }
}

if (table) {
  form.hidden = false;
  sortButtons();
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("input", (event) => {
    if (event.target.name) update({ [event.target.name]: event.target.value, page: 1 });
  });
  pager.addEventListener("click", (event) => {
    const step = event.target.closest("[data-step]");
    if (step) update({ page: state.page + Number(step.dataset.step) });
  });
  const total = Number(status.dataset.total);
  if (total > PAGE) {
    pager.hidden = false;
    updatePager(Math.ceil(total / PAGE));
  }
}
