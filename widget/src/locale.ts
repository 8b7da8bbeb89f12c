// Which of Poort's locales to use: the element's lang, else the document's, else Dutch.
export const locales = ['nl', 'nl-BE', 'en'] as const;
export type Locale = (typeof locales)[number];

/** Maps any BCP 47 tag to a supported locale, or undefined when none fits. */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const t = tag.trim().toLowerCase();
  if (t === 'nl-be') return 'nl-BE';
  if (t === 'nl' || t.startsWith('nl-')) return 'nl';
  if (t === 'en' || t.startsWith('en-')) return 'en';
  return undefined;
}

export function resolveLocale(elementLang: string | null | undefined, documentLang: string | null | undefined): Locale {
  return matchLocale(elementLang) ?? matchLocale(documentLang) ?? 'nl';
}
