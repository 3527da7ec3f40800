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

// A search of `tokens`, kept to the indexes that hold every one of them (none: no result).
export async function search(pagefind, tokens, options) {
  if (tags.length < 2 || !tokens.length) return pagefind.search(tokens.length ? tokens.join(" ") : null, options);
  const held = await Promise.all(tokens.map((token) => heldBy(pagefind, token)));
  const keep = tags.filter((name) => held.every((names) => names.has(name)));
  if (!keep.length) return EMPTY;
  const filters = keep.length === tags.length ? options.filters : { ...options.filters, [KEY]: { any: keep } };
  return pagefind.search(tokens.join(" "), { ...options, filters });
}
