// Which of Poort's locales to use: the element's lang, else the document's, else Dutch.
import { matchLocale, type Locale } from '../../contract/locales.js';

export function resolveLocale(elementLang: string | null | undefined, documentLang: string | null | undefined): Locale {
  return matchLocale(elementLang) ?? matchLocale(documentLang) ?? 'nl';
}
