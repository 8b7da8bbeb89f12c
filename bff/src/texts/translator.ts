// The BFF's one i18next instance: created once at start-up with the default texts, and brought up
// to date with the editors' overrides (live-texts.ts) before a page or mail is written. Everything
// the BFF says to people goes through translate().
import i18next, { type TOptions } from 'i18next';
import { locales, type Locale } from '../../../contract/locales.js';
import { defaultTexts } from './default-texts.js';
import { unflattenTexts } from './text-tree.js';

const i18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries(locales.map((locale) => [locale, { translation: unflattenTexts(defaultTexts.byLocale[locale]) }])),
  lng: 'nl',
  fallbackLng: 'nl',
  supportedLngs: [...locales],
  // Resources are given, so init finishes before it returns: no request ever sees an empty instance.
  initImmediate: false,
  // Mails are plain text and pages escape what they insert (escapeHtml): i18next must not escape
  // a second time. The widget's own translator does not escape either (Lit renders text safely).
  interpolation: { escapeValue: false },
  returnNull: false,
});

export type TextValues = Record<string, string | number>;

export function translate(locale: Locale, key: string, values: TextValues = {}): string {
  return i18n.t(key, { ...values, lng: locale } as TOptions) as string;
}

/** Replaces every locale's texts with the defaults overlaid by these overrides (key → value). */
export function applyOverrides(overrides: Record<Locale, Map<string, string>>): void {
  for (const locale of locales) {
    const merged = new Map(defaultTexts.byLocale[locale]);
    for (const [key, value] of overrides[locale]) if (merged.has(key)) merged.set(key, value);
    // Not deep: every top-level group is replaced, so an override taken back is gone too.
    i18n.addResourceBundle(locale, 'translation', unflattenTexts(merged), false, true);
  }
}
