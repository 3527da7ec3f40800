// The reader's words as the index holds them (src/guongsang/outputs/search_words.py makes the same tokens for
// every page): folded words ("Đức" → "duc"), exact words in Telex behind "qe" ("Đức" → "qedduwcs"), and the
// folded and exact pairs of adjacent syllables behind "qf" and "qp" ("Thanh Xuân" → "qfthanhxuan",
// "qpthanhzxuaanz"). exactWord must agree with search_words.exact_word (a browser test runs both).

const TONES = { "\u0300": "f", "\u0301": "s", "\u0309": "r", "\u0303": "x", "\u0323": "j" };
const CIRCUMFLEX = "\u0302";
const BREVE_OR_HORN = new Set(["\u0306", "\u031b"]);
export const EXACT = "qe";
export const FOLDED_PAIR = "qf";
export const EXACT_PAIR = "qp";

// A lower-case word in Telex, tone last: "đức" → "dduwcs", "xuân" → "xuaanz", "thanh" → "thanhz".
export function exactWord(word) {
  let tone = "z";
  let out = "";
  for (const ch of word) {
    if (ch === "đ") { out += "dd"; continue; }
    const [base, ...marks] = ch.normalize("NFD");
    let shape = base;
    for (const mark of marks) {
      if (TONES[mark]) tone = TONES[mark];
      else if (mark === CIRCUMFLEX) shape = base + base;
      else if (BREVE_OR_HORN.has(mark)) shape = `${base}w`;
    }
    out += shape;
  }
  return out + tone;
}

// Lower case without diacritics, đ → d (the Python side's model.text.fold).
export function fold(text) {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐðÐ]/g, "d").toLowerCase();
}

// The words of the query (NFC, lower case) in runs broken by punctuation, as pages are split.
function clauses(text) {
  return text.normalize("NFC").replace(/[Ðð]/g, "đ").toLowerCase().split(/[^\p{L}\p{M}\p{N}_\s]+/u)
    .map((part) => part.match(/[\p{L}\p{M}\p{N}_]+/gu) || []).filter((run) => run.length);
}

// The pairs asked for: of four or more words, every other pair ("xây dựng | nông thôn | mới"): each pair is
// one more index chunk for the first query to fetch, and at 10,000 records the fifth word's pair took
// "xay dung nong thon moi" over the 300 KB budget (304 KB).
function pairs(run, make) {
  const all = run.slice(1).map((word, i) => make(run[i], word));
  const asked = all.length < 3 ? all : all.filter((_, i) => i % 2 === 0);
  return asked.filter((pair) => pair !== null);
}

const isDigits = (word) => /^\p{N}+$/u.test(word);

// Everything the search page asks Pagefind for: the folded words (finds every page however the query is
// typed), the exact words when the reader typed diacritics, and the pairs of both.
export function analyse(text) {
  const runs = clauses(text);
  const words = runs.flat();
  const exact = words.some((word) => fold(word) !== word);
  const pair = (prefix, shape) => (a, b) => (isDigits(a) || isDigits(b) ? null : prefix + shape(a) + shape(b));
  return {
    folded: words.map(fold).map((w) => (w === "q" ? "qu" : w)), // a lone "q" would reach every q… token
    exact: exact ? words.filter((w) => !isDigits(w)).map((w) => EXACT + exactWord(w)) : [],
    foldedPairs: runs.flatMap((run) => pairs(run, pair(FOLDED_PAIR, fold))),
    exactPairs: exact ? runs.flatMap((run) => pairs(run, pair(EXACT_PAIR, exactWord))) : [],
  };
}

// Spellings one slip away from a word the index does not hold, most likely first: two neighbours swapped
// ("hugn" → "hung"), one letter too many ("nguyenn"), then the word cut short, which Pagefind extends to
// every indexed word it begins ("duk" → "du": Đức, Dũng…). The first letter is kept: readers rarely miss it.
export function slips(word) {
  const out = [];
  for (let i = 1; i < word.length - 1; i++) out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  for (let i = 1; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  for (let cut = 1; cut <= 2 && word.length - cut >= 2; cut++) out.push(word.slice(0, -cut));
  return [...new Set(out)].filter((w) => w !== word && w.length >= 2);
}

// Damerau–Levenshtein distance (with adjacent swaps), for ordering the results of a corrected query.
export function distance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

// How far a result's name is from the words the reader typed: the sum, over the typed words, of the
// distance to the closest word of the name.
export function nameDistance(typed, name) {
  const words = fold(name).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return typed.reduce((sum, w) => sum + Math.min(w.length, ...words.map((n) => distance(w, n))), 0);
}
