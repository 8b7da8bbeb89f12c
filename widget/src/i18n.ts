// Texts live in widget/locales as i18next-format resources (nested keys, {{name}}
// interpolation, `_one`/`_other` plural suffixes), so server-side tools and editor overrides can
// keep using i18next. The widget reads them with this small translator instead of bundling
// i18next: i18next 26 alone is about 16 KB gzipped, more than half of the widget's size budget.
// test/unit/widget-translator-differential.test.ts renders every key through both.
import type { Locale } from '../../contract/locales.js';
import type { TextSet } from './texts/text-set.js';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

function lookup(tree: unknown, key: string): string | undefined {
  const value = key
    .split('.')
    .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
  return typeof value === 'string' ? value : undefined;
}

/**
 * A translator for a locale over the widget's text sets (texts/text-set.ts): the texts the BFF
 * served (the editors' overrides, see served-texts.ts) when given, else the sets' texts of the
 * locale where loaded, else their Dutch ones.
 */
export function createTranslator(locale: Locale, sets: readonly TextSet[], served?: unknown): Translate {
  const own = sets.map((set) => set.get(locale));
  const dutch = sets.map((set) => set.get('nl'));
  return translate(locale, (key) => lookup(served, key) ?? first(own, key) ?? first(dutch, key));
}

/** A translator over any set of texts in this format (the Beheer page's, the editor's), served ones first. */
export function translatorFor(texts: Record<Locale, unknown>, locale: Locale, served?: unknown): Translate {
  return translate(locale, (key) => lookup(served, key) ?? lookup(texts[locale], key) ?? lookup(texts.nl, key));
}

function first(trees: unknown[], key: string): string | undefined {
  for (const tree of trees) {
    const text = lookup(tree, key);
    if (text !== undefined) return text;
  }
  return undefined;
}

// A missing text must never surface as its raw key: `find` ends in Dutch, then nothing.
function translate(locale: Locale, find: (key: string) => string | undefined): Translate {
  const plurals = new Intl.PluralRules(locale);
  return (key, options = {}) => {
    const { count } = options;
    const text =
      (typeof count === 'number' ? (find(`${key}_${plurals.select(count)}`) ?? find(`${key}_other`)) : undefined) ?? find(key) ?? '';
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(options[name] ?? ''));
  };
}
