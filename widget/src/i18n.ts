// Texts live in widget/locales as i18next-format resources (nested keys, {{name}}
// interpolation, `_one`/`_other` plural suffixes), so server-side tools and editor overrides can
// keep using i18next. The widget reads them with this small translator instead of bundling
// i18next: i18next 26 alone is about 16 KB gzipped, more than half of the widget's size budget.
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

export function createTranslator(locale: Locale): Translate {
  return translatorFor(resources, locale);
}

/** A translator over any set of texts in this format (the widget's, or the Beheer page's). */
export function translatorFor(texts: Record<Locale, unknown>, locale: Locale): Translate {
  const plurals = new Intl.PluralRules(locale);
  // A missing text must never surface as its raw key: fall back to Dutch, then to nothing.
  const find = (key: string) => lookup(texts[locale], key) ?? lookup(texts.nl, key);
  return (key, options = {}) => {
    const { count } = options;
    const text =
      (typeof count === 'number' ? (find(`${key}_${plurals.select(count)}`) ?? find(`${key}_other`)) : undefined) ?? find(key) ?? '';
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(options[name] ?? ''));
  };
}
