// Texts come from i18next resources in widget/locales. Each element gets its own i18next
// instance so two widgets on one page may speak different languages. Dutch is bundled (it is
// also the fallback); Flemish and English load on demand, so a page downloads one language.
import i18next, { type i18n, type TOptions } from 'i18next';
import nl from '../locales/nl.json';
import type { Locale } from './locale.js';

export type Texts = typeof nl;
export type Translate = (key: string, options?: TOptions) => string;

const loaders: Record<Locale, () => Promise<Texts>> = {
  nl: async () => nl,
  'nl-BE': async () => (await import('../locales/nl-BE.json')).default,
  en: async () => (await import('../locales/en.json')).default,
};

export async function loadTranslator(locale: Locale): Promise<Translate> {
  return createTranslator(locale, await loaders[locale]());
}

export function createTranslator(locale: Locale, texts: Texts = nl): Translate {
  const instance: i18n = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: false,
    initAsync: false,
    resources: { [locale]: { translation: texts }, nl: { translation: nl } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return (key, options) => {
    const text = instance.t(key, options) as string;
    // A missing text must never surface as its raw key; fall back to Dutch, then to nothing.
    if (text === key || !text) {
      const nlText = instance.t(key, { ...options, lng: 'nl' }) as string;
      return nlText === key ? '' : nlText;
    }
    return text;
  };
}
