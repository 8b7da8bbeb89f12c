// Texts come from i18next resources in widget/locales. Each element gets its own i18next
// instance so two widgets on one page may speak different languages.
import i18next, { type i18n, type TOptions } from 'i18next';
import en from '../locales/en.json';
import nlBE from '../locales/nl-BE.json';
import nl from '../locales/nl.json';
import type { Locale } from './locale.js';

export const resources = { nl, 'nl-BE': nlBE, en } as const;

export type Translate = (key: string, options?: TOptions) => string;

export function createTranslator(locale: Locale): Translate {
  const instance: i18n = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: false,
    initAsync: false,
    resources: {
      nl: { translation: resources.nl },
      'nl-BE': { translation: resources['nl-BE'] },
      en: { translation: resources.en },
    },
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
