// The locales mails are written in; anything else falls back to Dutch.
import { locales, type Locale } from '../../../contract/locales.js';

export function mailLocale(tag: string | null | undefined): Locale {
  return (locales as readonly string[]).includes(tag ?? '') ? (tag as Locale) : 'nl';
}
