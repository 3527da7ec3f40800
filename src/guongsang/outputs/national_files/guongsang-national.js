// National search: the province sites' Pagefind indexes merged at query time (mergeIndex). Merging every
// province at once would fetch the metadata of every index before the first result, so a query starts with
// the province the reader chose (?tinh=) or the largest, and merges more only while it has fewer results
// than a page shows; the reader can then search the rest of the country. Words are folded as the province
// pages index them (lower case, no diacritics, đ → d). A province's index may be split into bundles
// (its pagefind/shards.json, carried in the page's config): merging a province merges every one of them.

const config = JSON.parse(document.getElementById("gs-national-config").textContent);
const form = document.querySelector("[data-gs-national]");
const input = form.querySelector("input[name=q]");
const first = form.querySelector("select[name=tinh]");
const statusBox = document.querySelector("[data-gs-status]");
const list = document.querySelector("[data-gs-results]");
const moreButton = document.querySelector("[data-gs-more]");
const widenButton = document.querySelector("[data-gs-widen]");
const STEP = 4; // provinces merged at a time while a query has fewer results than a page
const numbers = new Intl.NumberFormat("vi-VN");
const root = new URL(config.root, document.baseURI);

let pagefind = null;
let order = [];
let merged = 0;
let found = [];
let shown = 0;
let generation = 0;

function folded(query) {
  return query.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase()
    .split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

// Provinces in the order they are searched: the chosen one first, then by number of exemplars.
function searchOrder(chosen) {
  const rest = config.provinces.filter((p) => p.slug !== chosen);
  return [...config.provinces.filter((p) => p.slug === chosen), ...rest];
}

// Every bundle of a province's index (its pagefind/ first): Pagefind is imported from the first province's
// first bundle, everything else is merged.
function bundleUrls(province) {
  const index = new URL(province.index, root);
  return (province.bundles || [""]).map((bundle) => new URL(bundle, index).href);
}

async function mergeUpTo(count) {
  const next = order.slice(merged, count);
  merged = Math.max(merged, Math.min(count, order.length));
  await Promise.all(next.flatMap(bundleUrls).map((url) => pagefind.mergeIndex(url, { mergeFilter: tagged(url) })));
}

// Pagefind searches an index for the longest prefix of a word it lacks: a province without "phanh" would
// answer "phanh thi" with its pages saying "phan" and "thi". So every merged index carries a synthetic filter
// naming it (mergeFilter: no request), a quoted search (which does not shorten the word) tells whether an
// index holds a word, and a query is kept to the indexes holding each of its words but the last. The last may
// be still being typed ("nguye"): Pagefind's prefix search is what finds it, and a quoted search would not.
// Answers are kept per index and word: indexes join while the reader searches.
const TAG = "chi-muc";
const tags = [];
const held = new Map(); // "tag word" → Promise of whether that index holds the word

function tagged(url) {
  const name = new URL(url).pathname;
  tags.push(name);
  return { [TAG]: name };
}

function holds(tag, word) {
  const key = `${tag} ${word}`;
  if (!held.has(key)) {
    held.set(key, pagefind.search(`"${word}"`, { filters: { [TAG]: tag } }).then((r) => Boolean(r?.results.length)));
  }
  return held.get(key);
}

async function search(words) {
  const whole = words.slice(0, -1);
  const answers = await Promise.all(tags.map(async (tag) =>
    ((await Promise.all(whole.map((word) => holds(tag, word)))).every(Boolean) ? tag : null)));
  const keep = answers.filter(Boolean);
  if (!keep.length) return [];
  const options = keep.length < tags.length ? { filters: { [TAG]: { any: keep } } } : {};
  const result = await pagefind.search(words.join(" "), options);
  return result ? result.results : [];
}

function provinceOf(url) {
  const path = new URL(url, document.baseURI).pathname;
  return config.provinces.find((p) => path.startsWith(new URL(`${p.slug}/`, root).pathname));
}

function item(data) {
  const province = provinceOf(data.url);
  const link = document.createElement("a");
  link.href = new URL(data.url, document.baseURI).href;
  link.className = "gsn-result__link";
  const name = document.createElement("h2");
  name.textContent = data.meta.title || "";
  const where = document.createElement("p");
  where.className = "gsn-result__meta";
  where.textContent = [data.meta.kind, data.meta.place || (province && province.name), data.meta.year].filter(Boolean).join(" · ");
  const summary = document.createElement("p");
  summary.textContent = data.meta.summary || "";
  link.append(name, where, summary);
  const li = document.createElement("li");
  li.className = "gs-result";
  li.append(link);
  return li;
}

async function showMore() {
  const mine = generation;
  const slice = found.slice(shown, shown + config.pageSize);
  const data = await Promise.all(slice.map((r) => r.data()));
  if (mine !== generation) return;
  list.append(...data.map(item));
  shown += slice.length;
  moreButton.hidden = shown >= found.length;
}

function describe(query) {
  const where = merged >= order.length ? "trên cả nước"
    : `ở ${numbers.format(merged)} trong ${numbers.format(order.length)} tỉnh, thành phố`;
  const total = numbers.format(found.length);
  statusBox.textContent = found.length
    ? `Tìm thấy ${total} gương điển hình cho “${query}” ${where}.`
    : `Không tìm thấy gương điển hình nào cho “${query}” ${where}.`;
  const rest = order.length - merged;
  widenButton.hidden = rest <= 0;
  widenButton.textContent = `Tìm cả ở ${numbers.format(rest)} tỉnh, thành phố còn lại`;
}

function busy(on) {
  if (on) document.documentElement.dataset.gsBusy = "true";
  else delete document.documentElement.dataset.gsBusy;
}

async function run(widen = false) {
  busy(true);
  const mine = ++generation;
  const query = input.value.normalize("NFC").trim();
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (first.value) params.set("tinh", first.value);
  const shared = params.toString();
  history.replaceState(null, "", shared ? `?${shared}` : location.pathname);
  list.replaceChildren();
  moreButton.hidden = true;
  if (!query) {
    statusBox.textContent = "Nhập từ khoá để tìm gương điển hình trên cả nước.";
    widenButton.hidden = true;
    busy(false);
    return;
  }
  statusBox.textContent = "Đang tìm…";
  const words = folded(query);
  if (widen) await mergeUpTo(order.length);
  found = await search(words);
  while (found.length < config.pageSize && merged < order.length) {
    await mergeUpTo(merged + STEP);
    found = await search(words);
  }
  if (mine !== generation) return;
  shown = 0;
  describe(query);
  await showMore();
  if (mine === generation) busy(false);
}

// A reader sent here by a province site's search ("Tìm trên cả nước", ?tinh=) brings that page's query
// (its address carries ?q=, and the same site sends its address as the referrer).
function referredQuery() {
  try {
    const from = new URL(document.referrer);
    return from.origin === location.origin ? from.searchParams.get("q") : null;
  } catch {
    return null;
  }
}

async function start() {
  const params = new URLSearchParams(location.search);
  if (!params.get("q") && params.get("tinh") && referredQuery()) params.set("q", referredQuery());
  const chosen = params.get("tinh") || "";
  first.value = config.provinces.some((p) => p.slug === chosen) ? chosen : "";
  input.value = (params.get("q") || "").normalize("NFC");
  order = searchOrder(first.value);
  if (!order.length) throw new Error("no province index");
  const [primary, ...others] = bundleUrls(order[0]);
  pagefind = await import(`${primary}pagefind.js`);
  await pagefind.options({ excerptLength: 0, mergeFilter: tagged(primary) });
  await Promise.all(others.map((url) => pagefind.mergeIndex(url, { mergeFilter: tagged(url) })));
  await pagefind.init();
  merged = 1;
  let timer = 0;
  input.addEventListener("input", () => { busy(true); clearTimeout(timer); timer = setTimeout(() => run(), 250); });
  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  // Another first province needs another primary index: the page starts again with it.
  first.addEventListener("change", () => {
    const url = new URL(location.href);
    url.searchParams.set("q", input.value);
    if (first.value) url.searchParams.set("tinh", first.value);
    else url.searchParams.delete("tinh");
    location.assign(url.href);
  });
  moreButton.addEventListener("click", async () => { busy(true); await showMore(); busy(false); });
  widenButton.addEventListener("click", () => run(true));
  await run();
  document.documentElement.dataset.gsSearchReady = "true";
}

start().catch((error) => {
  statusBox.textContent = "Không tải được bộ tìm kiếm. Bạn vẫn có thể duyệt gương điển hình của từng tỉnh, thành phố.";
  busy(false);
  console.error(error);
});
