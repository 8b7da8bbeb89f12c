// The languages Poort speaks: Dutch, Flemish (its own words: "aanmelden") and English.
export const locales = ['nl', 'nl-BE', 'en'] as const;
export type Locale = (typeof locales)[number];

/**
 * The query parameter that carries a locale on the links Poort makes back to the site (its mail
 * links): the widget's elements honour it when they have no `lang` of their own.
 */
export const languageParameter = 'poort-lang';

/** A text in every locale. */
export type Localized = Record<Locale, string>;

/** Maps one BCP 47 tag (`nl`, `nl-BE`, `en-GB` …) to a locale, or undefined when Poort does not speak it. */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const t = tag.trim().toLowerCase();
  if (t === 'nl-be') return 'nl-BE';
  if (t === 'nl' || t.startsWith('nl-')) return 'nl';
  if (t === 'en' || t.startsWith('en-')) return 'en';
  return undefined;
}
