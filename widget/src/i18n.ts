// Texts live in widget/locales as i18next-format resources (nested keys, {{name}}
// interpolation, `_one`/`_other` plural suffixes), so server-side tools and editor overrides can
// keep using i18next. The widget reads them with this small translator instead of bundling
// i18next: i18next 26 alone is about 16 KB gzipped, more than half of the widget's size budget.
// test/unit/widget-translator-differential.test.ts renders every key through both.
import en from '../locales/en.json';
import nlBE from '../locales/nl-BE.json';
import nl from '../locales/nl.json';
import type { Locale } from '../../contract/locales.js';

export const resources: Record<Locale, Texts> = { nl, 'nl-BE': nlBE, en };

export type Texts = typeof nl;
export type Translate = (key: string, options?: Record<string, unknown>) => string;

function lookup(tree: unknown, key: string): string | undefined {
  const value = key
    .split('.')
    .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
  return typeof value === 'string' ? value : undefined;
}

/**
 * A translator for a locale: the texts the BFF served (the editors' overrides, see served-texts.ts)
 * when given, else the bundled ones.
 */
export function createTranslator(locale: Locale, served?: unknown): Translate {
  return translatorFor(resources, locale, served);
}

/** A translator over any set of texts in this format (the widget's, or the Beheer page's), served ones first. */
export function translatorFor(texts: Record<Locale, unknown>, locale: Locale, served?: unknown): Translate {
  const plurals = new Intl.PluralRules(locale);
  // A missing text must never surface as its raw key: the bundled text, then Dutch, then nothing.
  const find = (key: string) => lookup(served, key) ?? lookup(texts[locale], key) ?? lookup(texts.nl, key);
  return (key, options = {}) => {
    const { count } = options;
    const text =
      (typeof count === 'number' ? (find(`${key}_${plurals.select(count)}`) ?? find(`${key}_other`)) : undefined) ?? find(key) ?? '';
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(options[name] ?? ''));
  };
}
