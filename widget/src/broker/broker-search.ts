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

/** Normalised texts of one entry, each with a leading space so " " + query finds a word start. */
interface Entry<T> {
  item: T;
  name: string;
  aliases: string[];
}

export interface SearchIndex<T> {
  readonly entries: readonly Entry<T>[];
}

export function indexForSearch<T extends Searchable>(items: readonly T[]): SearchIndex<T> {
  return {
    entries: items.map((item) => ({
      item,
      name: ' ' + normalise(item.name),
      aliases: (item.aliases ?? []).map((a) => ' ' + normalise(a)),
    })),
  };
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

/** How well `entry` matches the normalised, non-empty query `q`; -1 when it does not. */
export function rankMatch(entry: Pick<Entry<unknown>, 'name' | 'aliases'>, q: string): number {
  const word = ' ' + q;
  if (entry.name.startsWith(word)) return Rank.namePrefix;
  if (entry.aliases.some((a) => a.startsWith(word))) return Rank.aliasPrefix;
  if (entry.name.includes(word) || entry.aliases.some((a) => a.includes(word))) return Rank.wordPrefix;
  if (entry.name.includes(q) || entry.aliases.some((a) => a.includes(q))) return Rank.substring;
  // "noord makelaar" still finds "Makelaar Noord": every word somewhere in the same text.
  const words = q.split(' ');
  if (words.length > 1 && [entry.name, ...entry.aliases].some((t) => words.every((w) => t.includes(w)))) {
    return Rank.allWords;
  }
  return -1;
}

/**
 * The items matching `query`, best rank first and within a rank in their original order.
 * An empty query matches everything: the whole list is visible without typing.
 */
export function searchBrokers<T>(index: SearchIndex<T>, query: string): T[] {
  const q = normalise(query);
  if (!q) return index.entries.map((e) => e.item);
  // Bucketing keeps this linear; a sort would cost n log n for no gain at five ranks.
  const buckets: T[][] = Array.from({ length: ranks }, () => []);
  for (const entry of index.entries) {
    const rank = rankMatch(entry, q);
    if (rank >= 0) buckets[rank]!.push(entry.item);
  }
  return buckets.flat();
}
