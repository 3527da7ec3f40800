// Sub-sites (guongsang build --only-locality / --only-province): the search page covers one area, and a reader
// may also search the rest of the province. That merges the wider site's Pagefind index (mergeIndex); each
// index is tagged with a synthetic filter (its mergeFilter) and every search keeps this site's pages plus the
// wider site's pages of the province outside this area, so no exemplar is found twice. The choice lives in
// the URL (?ca-tinh=1) and switching reloads the page, since a merged index cannot be taken out again.

import { manifest } from "./guongsang-search-shards.js";

const PARAM = "ca-tinh";
const TAG = "pham-vi";

function widerOn(scope) {
  return Boolean(scope && scope.wider) && new URLSearchParams(location.search).has(PARAM);
}

// Merge the wider index (every shard of it) when the reader asked for it, each tagged by `tag` besides
// "wider"; wire the checkbox that switches.
export async function attach(pagefind, scope, tag) {
  const box = document.querySelector("[data-gs-scope-wider]");
  if (box) {
    box.checked = widerOn(scope);
    box.addEventListener("change", () => {
      const url = new URL(location.href);
      if (box.checked) url.searchParams.set(PARAM, "1");
      else url.searchParams.delete(PARAM);
      location.assign(url.href);
    });
  }
  if (!widerOn(scope)) return;
  const root = new URL(scope.wider.index, document.baseURI);
  const baseUrl = new URL("../", root).pathname;
  const bundles = await manifest(root);
  await Promise.all(bundles.map((dir) =>
    pagefind.mergeIndex(new URL(dir, root).href, { baseUrl, mergeFilter: { ...tag(`w${dir}`), [TAG]: "wider" } })));
}

// The synthetic filter of this site's own indexes: "local" while the wider index is merged beside them.
export function localTags(scope) {
  return widerOn(scope) ? { [TAG]: "local" } : {};
}

// The search filters, restricted to this site's pages and the rest of the province when the wider index is on.
export function filters(chosen, scope) {
  if (!widerOn(scope)) return chosen;
  return { ...chosen, all: [{ any: [{ [TAG]: "local" }, { [TAG]: "wider", ...scope.wider.filter }] }] };
}

// Keep the choice in the URL the search page rewrites.
export function keep(params, scope) {
  if (widerOn(scope)) params.set(PARAM, "1");
}

// The site root a result belongs to: the wider site's for merged results, else this site's.
export function rootOf(url, siteRoot, scope) {
  if (!widerOn(scope)) return siteRoot;
  const wider = new URL("../", new URL(scope.wider.index, document.baseURI));
  return new URL(url, document.baseURI).href.startsWith(wider.href) ? wider : siteRoot;
}
