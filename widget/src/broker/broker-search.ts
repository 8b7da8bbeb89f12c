// Finding a broker by what a person types. Pure functions over plain data, so the ranking is
// unit-tested in Node and the same code serves six brokers or a federation of 10,000.

/** Lower case, accents and punctuation gone, runs of spaces collapsed: "Éénvoudig-Inloggen" → "eenvoudig inloggen". */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface Searchable {
  name: string;
  aliases?: readonly string[];
}

// An entry's name and aliases, normalised, each with a leading space (so " " + query finds a word
// start), joined by a separator that normalising never leaves in a query. One string per entry
// keeps the common case (no match) to a single scan: fast enough for 10,000 entries per keystroke.
const separator = '\u0001';

export function searchText(name: string, aliases: readonly string[] = []): string {
  return [name, ...aliases].map((t) => ' ' + normalise(t)).join(separator);
}

interface Entry<T> {
  item: T;
  text: string;
}

export interface SearchIndex<T> {
  readonly entries: readonly Entry<T>[];
}

export function indexForSearch<T extends Searchable>(items: readonly T[]): SearchIndex<T> {
  return { entries: items.map((item) => ({ item, text: searchText(item.name, item.aliases) })) };
}

// Ranks, best first. Prefix matches come before substring matches because people type the start
// of the name they see on their letter from the broker (seed 000: "Selecteer uw makelaar").
export const Rank = {
  namePrefix: 0,
  aliasPrefix: 1,
  wordPrefix: 2,
  substring: 3,
  allWords: 4,
} as const;
const ranks = 5;

/** How well an entry's `searchText` matches the normalised, non-empty query `q`; -1 when it does not. */
export function rankMatch(text: string, q: string, words: readonly string[] = q.split(' ')): number {
  if (!text.includes(q)) {
    // "noord makelaar" still finds "Makelaar Noord": every word somewhere in one name or alias.
    // Stryker disable next-line ConditionalExpression,LogicalOperator,MethodExpression: a fast path for the common no-match; the per-name check below decides alone.
    if (words.length < 2 || !words.every((w) => text.includes(w))) return -1;
    return text.split(separator).some((t) => words.every((w) => t.includes(w))) ? Rank.allWords : -1;
  }
  const word = ' ' + q;
  if (text.startsWith(word)) return Rank.namePrefix;
  if (text.includes(separator + word)) return Rank.aliasPrefix;
  if (text.includes(word)) return Rank.wordPrefix;
  return Rank.substring;
}

/**
 * The items matching `query`, best rank first and within a rank in their original order.
 * An empty query matches everything: the whole list is visible without typing.
 */
export function searchBrokers<T>(index: SearchIndex<T>, query: string): T[] {
  const q = normalise(query);
  // Stryker disable next-line ConditionalExpression: said outright; the empty query would also rank every entry a name prefix, in order.
  if (!q) return index.entries.map((e) => e.item);
  const words = q.split(' ');
  // Bucketing keeps this linear; a sort would cost n log n for no gain at five ranks.
  const buckets: T[][] = Array.from({ length: ranks }, () => []);
  for (const entry of index.entries) {
    const rank = rankMatch(entry.text, q, words);
    if (rank >= 0) buckets[rank]!.push(entry.item);
  }
  return buckets.flat();
}
