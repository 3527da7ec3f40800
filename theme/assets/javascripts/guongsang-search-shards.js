// A large site's search index is split in shards (outputs/search_shards.py), merged into the bundle the page
// imports; a sub-site may merge a wider site's shards too (guongsang-scope.js). Pagefind leaves out of a query
// a word its index does not hold, or rather searches the longest prefix it holds: a shard without "thinh" would
// answer "duc thinh" with the pages saying "duc" and "thi". Each merged index therefore carries a synthetic
// filter naming it (mergeFilter: no request), a quoted search (which does not shorten the word) tells which
// indexes hold a word, and every search is kept to the indexes that hold all of its words.

const KEY = "phan-doan";
const EMPTY = { results: [], filters: {} };
const tags = []; // one per merged index
const holders = new Map(); // token → Promise of the set of tags whose index holds it
const stale = new Set(); // page ids a pull request's preview left out (outputs/search_delta.py)
let allToken = null; // carried by every page: what a search with filters only searches

// The token every page carries (outputs/search_words.py ALL_TOKEN).
export function everyPage(token) {
  allToken = token;
}

// What a site's pagefind/shards.json lists: its bundles (relative to the first) and the page ids to leave out.
// An older site has none: one bundle. The stale ids of this site's own manifest are kept for every search.
export async function manifest(root, own = false) {
  let listed = { bundles: [""] };
  try {
    const response = await fetch(new URL("shards.json", root));
    if (response.ok) listed = await response.json();
  } catch (error) {
    console.warn("guongsang: shards.json", error);
  }
  if (own) (listed.stale || []).forEach((id) => stale.add(id));
  return listed.bundles || [""];
}

// The synthetic filter of one more merged index.
export function tag(name) {
  tags.push(name);
  return { [KEY]: name };
}

function heldBy(pagefind, token) {
  if (!holders.has(token)) {
    const asked = tags.map(async (name) =>
      ((await pagefind.search(`"${token}"`, { filters: { [KEY]: name } })).results.length ? name : null));
    holders.set(token, Promise.all(asked).then((names) => new Set(names.filter(Boolean))));
  }
  return holders.get(token);
}

// Whether any merged index holds `token` itself (a plain search would find the longest prefix it holds).
export async function holds(pagefind, token) {
  if (tags.length < 2) return (await pagefind.search(`"${token}"`)).results.length > 0;
  return (await heldBy(pagefind, token)).size > 0;
}

// A search of `tokens` (null: filters only), kept to the indexes that hold every one of them that any index holds
// (none: no result). Filters only search the token every page carries: Pagefind's search without words would
// load every chunk of the index first.
export async function search(pagefind, given, options) {
  const tokens = given === null && allToken ? [allToken] : given;
  if (tags.length < 2 || !tokens?.length) return fresh(await pagefind.search(tokens && tokens.join(" "), options));
  const held = await Promise.all(tokens.map((token) => heldBy(pagefind, token)));
  // A word no index holds whole is left to Pagefind in every index alike, as one index would take it: the word
  // being typed ("nguye"), or a slip the search page corrects when nothing is found.
  const keep = tags.filter((name) => held.every((names) => !names.size || names.has(name)));
  if (!keep.length) return EMPTY;
  const filters = keep.length === tags.length ? options.filters : { ...options.filters, [KEY]: { any: keep } };
  return fresh(await pagefind.search(tokens.join(" "), { ...options, filters }));
}

// A search's results without the pages a preview's delta bundle replaced or took away.
function fresh(found) {
  if (!stale.size || !found) return found;
  return { ...found, results: found.results.filter((result) => !stale.has(result.id)) };
}
