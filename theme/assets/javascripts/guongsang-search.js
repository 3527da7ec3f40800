// guongsang search page: Pagefind queries, facets, sorting, and the state kept in the URL.
// Pages are indexed as tokens (guongsang-search-query.js): folded words, so "duc", "Đức", "ĐỨC" and NFD
// input all find "Đức"; exact words, so "Đức" typed with its diacritics puts pages with "Đức" first; and
// pairs of adjacent syllables, so "hien dat" puts pages saying "hiến đất" before pages with the words apart.

import * as scope from "./guongsang-scope.js"; // sub-sites: one area, optionally the whole province too
import * as shards from "./guongsang-search-shards.js"; // a large site's index in shards
import * as words from "./guongsang-search-query.js";

const form = document.querySelector("[data-gs-search]");
const config = JSON.parse(document.getElementById("gs-search-config").textContent);
const input = form.querySelector("input[name=q]");
const sortSelect = form.querySelector("select[name=sap-xep]");
const clearButton = form.querySelector("[data-gs-clear]");
const statusBox = document.querySelector("[data-gs-status]");
const resultList = document.querySelector("[data-gs-results]");
const moreButton = document.querySelector("[data-gs-more]");
const facetBox = document.querySelector("[data-gs-facets]");
const facetToggle = document.querySelector("[data-gs-facets-toggle]");
const siteRoot = new URL(form.dataset.root, document.baseURI);
const numberFormat = new Intl.NumberFormat("vi-VN");

let pagefind = null;
let allFilters = null; // facet values and totals, loaded only when the reader opens the filters
let lastCounts = null;
let current = { results: [], shown: 0 };
let generation = 0;

function readState() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const [key] of config.filters) {
    const values = params.getAll(key);
    if (values.length) filters[key] = values;
  }
  return { q: (params.get("q") || "").normalize("NFC"), sort: params.get("sap-xep") || "", filters };
}

function writeState(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.sort) params.set("sap-xep", state.sort);
  for (const [key, values] of Object.entries(state.filters)) {
    for (const value of values) params.append(key, value);
  }
  scope.keep(params, config.scope);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

function collectState() {
  const filters = allFilters ? {} : readState().filters;
  for (const box of facetBox.querySelectorAll("input[type=checkbox]:checked")) {
    (filters[box.name] ||= []).push(box.value);
  }
  return { q: input.value.normalize("NFC").trim(), sort: sortSelect.value, filters };
}

// Pagefind's searches for a query, most specific first: the pairs of adjacent syllables as typed (exact when
// the reader typed diacritics, else folded) or, for one exact word, that word; then the folded words, which
// find every page the others find. Only when no page has the exact pairs are the exact words apart and the
// folded pairs asked as well (each search fetches index chunks: the first query keeps within its budget).
// Each tier keeps Pagefind's order (its weights: name > place > title and summary > achievements > story),
// and the merged list puts every page of a tier above the pages only a later tier finds.
async function byRelevance(query, options) {
  const ask = (tokens) => (query && tokens.length ? shards.search(pagefind, tokens, options) : null);
  const exact = Boolean(query?.exact.length);
  const first = await Promise.all([
    ask(exact ? query.exactPairs : query?.foldedPairs || []),
    exact && !query.exactPairs.length ? ask(query.exact) : null,
    shards.search(pagefind, query ? query.folded : null, options)]);
  const apart = exact && query.exactPairs.length && !first[0].results.length
    ? await Promise.all([ask(query.exact), ask(query.foldedPairs)]) : [];
  return { search: first[2], tiers: [first[0], first[1], ...apart, first[2]].filter(Boolean) };
}

// Newest first: the folded words searched year by year with the year filter, newest year first (Pagefind's
// own sort index would be loaded by every first query; the year filter loads only when asked), then once more
// for pages of any other year. Within a year, Pagefind's order.
async function newestFirst(query, options, years) {
  const folded = query ? query.folded : null;
  const inYear = (year) => ({ ...options, filters: { ...options.filters, [config.sortYear]: year } });
  const asked = await Promise.all([options, ...years.map(inYear)].map((opts) => shards.search(pagefind, folded, opts)));
  return { search: asked[0], tiers: [...asked.slice(1), asked[0]] };
}

// The folded words with each one the index does not hold replaced by its first spelling one slip away
// that it does ("hugn" → "hung"), or null when some word has none.
async function corrected(folded) {
  const held = (word) => shards.holds(pagefind, word);
  const out = [];
  for (const word of folded) {
    if (await held(word)) { out.push(word); continue; }
    let found = null;
    for (const slip of words.slips(word)) {
      if (await held(slip)) { found = slip; break; }
    }
    if (!found) return null;
    out.push(found);
  }
  return out;
}

// A corrected query's first results reordered by how close their names are to what the reader typed.
async function closestFirst(results, typed) {
  const pool = results.slice(0, 2 * config.pageSize);
  const data = await Promise.all(pool.map((r) => r.data()));
  const far = new Map(pool.map((r, i) => [r.id, words.nameDistance(typed, data[i].meta.title || "")]));
  return [...pool.sort((a, b) => far.get(a.id) - far.get(b.id)), ...results.slice(pool.length)];
}

// How many of a query's results are contest entries: the same search with the token every entry carries.
// Pagefind leaves out of a query a word its index does not hold, so on a site without entries (a sub-site,
// or none published yet) that search would count every result: ask first whether the token is held at all.
let entriesIndexed = null;
async function entryCount(folded, options) {
  entriesIndexed ??= pagefind.search(config.entryToken).then((found) => found.results.length > 0);
  if (!(await entriesIndexed)) return 0;
  return (await shards.search(pagefind, [...folded, config.entryToken], options)).results.length;
}

// "Tìm thấy 18 gương điển hình và 3 bài dự thi cho “…”": exemplars and contest entries counted apart.
function status(total, entries, q) {
  const what = q ? ` cho “${q}”` : "";
  if (!total) return `Không tìm thấy gương điển hình nào${what}. Hãy thử từ khóa khác hoặc bỏ bớt bộ lọc.`;
  const parts = [[total - entries, "gương điển hình"], [entries, "bài dự thi"]].filter(([n]) => n)
    .map(([n, label]) => `${numberFormat.format(n)} ${label}`);
  return `Tìm thấy ${parts.join(" và ")}${what}.`;
}

function pagefindFilters(filters) {
  const out = {};
  for (const [key, values] of Object.entries(filters)) out[key] = { any: values };
  return out;
}

function element(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

function resultUrl(url, root = siteRoot) {
  return new URL(url.replace(/^\//, ""), root).href;
}

function renderResult(data) {
  // Pagefind gives result URLs already prefixed with their site's path (or absolute, for a merged index).
  const link = element("a", { href: new URL(data.url, document.baseURI).href, class: "gs-result__link" });
  if (data.meta.image) {
    link.append(element("img", {
      src: resultUrl(data.meta.image, scope.rootOf(data.url, siteRoot, config.scope)), alt: data.meta.image_alt || "",
      loading: "lazy", width: "96", height: "72", class: "gs-result__img",
    }));
  }
  const text = element("div", { class: "gs-result__text" },
    element("h2", { class: "gs-result__name", text: data.meta.title || "" }),
    element("p", { class: "gs-result__meta", text: [data.meta.kind, data.meta.place, data.meta.year].filter(Boolean).join(" · ") }),
    element("p", { class: "gs-result__summary", text: data.meta.summary || "" }));
  link.append(text);
  return element("li", { class: "gs-result" }, link);
}

async function showMore() {
  const mine = generation;
  const slice = current.results.slice(current.shown, current.shown + config.pageSize);
  const data = await Promise.all(slice.map((r) => r.data()));
  if (mine !== generation) return;
  resultList.append(...data.map(renderResult));
  current.shown += slice.length;
  moreButton.hidden = current.shown >= current.results.length;
}

function renderFacets(counts, state) {
  lastCounts = counts;
  if (!allFilters) return;
  facetBox.replaceChildren();
  for (const [key, label] of config.filters) {
    const values = { ...(allFilters[key] || {}) };
    for (const name of Object.keys(values)) values[name] = counts[key]?.[name] ?? 0;
    const chosen = new Set(state.filters[key] || []);
    const names = Object.keys(values).sort((a, b) =>
      (chosen.has(b) - chosen.has(a)) || (values[b] - values[a]) || a.localeCompare(b, "vi"));
    if (!names.length) continue;
    const list = element("ul", { class: "gs-facet__list" });
    names.forEach((name, i) => {
      const id = `f-${key}-${i}`;
      const box = element("input", { type: "checkbox", id, name: key, value: name });
      box.checked = chosen.has(name);
      const item = element("li", { class: values[name] || box.checked ? "" : "gs-facet__empty" }, box,
        element("label", { for: id }, `${name} `, element("span", { class: "gs-count", text: numberFormat.format(values[name]) })));
      if (i >= 6 && !box.checked) item.hidden = true;
      list.append(item);
    });
    const group = element("fieldset", { class: "gs-facet" }, element("legend", { text: label }), list);
    if (names.length > 6) {
      const toggle = element("button", { type: "button", class: "gs-link-button", "aria-expanded": "false", text: `Xem tất cả (${names.length})` });
      toggle.addEventListener("click", () => {
        const open = toggle.getAttribute("aria-expanded") !== "true";
        list.querySelectorAll("li").forEach((li, i) => { if (i >= 6) li.hidden = !open && !li.querySelector("input").checked; });
        toggle.setAttribute("aria-expanded", String(open));
        toggle.textContent = open ? "Thu gọn" : `Xem tất cả (${names.length})`;
      });
      group.append(toggle);
    }
    facetBox.append(group);
  }
}

// <html data-gs-busy> while a search is pending or rendering, so tests and tools know when results are final.
function busy(on) {
  if (on) document.documentElement.dataset.gsBusy = "true";
  else delete document.documentElement.dataset.gsBusy;
}

async function run() {
  busy(true);
  const mine = ++generation;
  const state = collectState();
  writeState(state);
  const active = Object.keys(state.filters).length > 0;
  clearButton.hidden = !active;
  if (!state.q && !active) {
    resultList.replaceChildren();
    moreButton.hidden = true;
    statusBox.textContent = "Nhập từ khóa hoặc chọn bộ lọc để tìm gương điển hình.";
    renderFacets(allFilters || {}, state);
    busy(false);
    return;
  }
  statusBox.textContent = "Đang tìm…";
  const options = { filters: scope.filters(pagefindFilters(state.filters), config.scope) };
  const newest = state.sort === "moi-nhat" ? [...(state.filters[config.sortYear] || config.years)].map(String).sort().reverse() : null;
  const searchAll = newest ? (query, opts) => newestFirst(query, opts, newest) : byRelevance;
  const query = state.q ? words.analyse(state.q) : null;
  let [found, entries] = await Promise.all([searchAll(query, options), entryCount(query?.folded || [], options)]);
  let typed = null; // the reader's words, when one of them was corrected
  if (query && query.folded.length && !found.search.results.length) {
    const fixed = await corrected(query.folded);
    if (fixed) {
      [found, entries] = await Promise.all([searchAll(words.analyse(fixed.join(" ")), options), entryCount(fixed, options)]);
      typed = query.folded;
    }
  }
  if (mine !== generation) return;
  const { search, tiers } = found;
  const seen = new Set();
  const results = tiers.flatMap((tier) => tier.results).filter((r) => !seen.has(r.id) && seen.add(r.id));
  current = { results: typed ? await closestFirst(results, typed) : results, shown: 0 };
  if (mine !== generation) return;
  resultList.replaceChildren();
  statusBox.textContent = status(current.results.length, entries, state.q);
  renderFacets(search.filters || {}, state);
  await showMore();
  if (mine === generation) busy(false);
}

// Facets cost one request per filter (hundreds of KB on a large site), so they load on demand: when the
// reader opens them, when a shared link carries filters, or at once on wide screens.
async function openFacets(open = true) {
  facetToggle.setAttribute("aria-expanded", String(open));
  facetBox.hidden = !open;
  if (!open || allFilters) return;
  busy(true);
  const state = collectState(); // before the facets exist: the filters in the URL
  allFilters = await pagefind.filters();
  renderFacets(allFilters, state);
  if (state.q || Object.keys(state.filters).length) await run(); // counts for the current search
  else busy(false);
}

let timer = 0;
function schedule() {
  busy(true);
  clearTimeout(timer);
  timer = setTimeout(run, 200);
}

// A large site's index is split in shards (outputs/search_shards.py): the first is the bundle imported, the
// others are merged into it, their results' URLs on this site's root like the first's.
async function mergeShards(root, bundles) {
  const baseUrl = new URL("../", root).pathname;
  await Promise.all((await bundles).slice(1).map((dir, i) => pagefind.mergeIndex(new URL(dir, root).href,
    { baseUrl, mergeFilter: { ...shards.tag(String(i + 1)), ...scope.localTags(config.scope) } })));
}

async function start() {
  const bundle = new URL(form.dataset.pagefind, document.baseURI);
  const bundles = shards.manifest(new URL("./", bundle), true); // fetched while Pagefind loads
  pagefind = await import(bundle.href);
  shards.everyPage(config.allToken);
  await pagefind.options({ excerptLength: 0, mergeFilter: { ...shards.tag("0"), ...scope.localTags(config.scope) } });
  await scope.attach(pagefind, config.scope, shards.tag);
  await mergeShards(new URL("./", bundle), bundles);
  await pagefind.init();
  const state = readState();
  input.value = state.q;
  sortSelect.value = state.sort;
  facetToggle.addEventListener("click", () => openFacets(facetBox.hidden));
  if (Object.keys(state.filters).length || matchMedia("(min-width: 60em)").matches) await openFacets();
  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  input.addEventListener("input", schedule);
  sortSelect.addEventListener("change", run);
  facetBox.addEventListener("change", run);
  form.addEventListener("change", () => busy(true), { capture: true });
  moreButton.addEventListener("click", async () => { busy(true); await showMore(); busy(false); });
  clearButton.addEventListener("click", () => {
    facetBox.querySelectorAll("input:checked").forEach((box) => { box.checked = false; });
    run();
  });
  await run();
  document.documentElement.dataset.gsSearchReady = "true";
}

start().catch((error) => {
  statusBox.textContent = "Không tải được bộ tìm kiếm. Bạn vẫn có thể duyệt theo phong trào, địa phương hoặc năm.";
  console.error(error);
});
