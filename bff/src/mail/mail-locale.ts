// The locales mails are written in; anything else falls back to Dutch.
export const mailLocales = ['nl', 'nl-BE', 'en'] as const;
export type Locale = (typeof mailLocales)[number];

export function mailLocale(tag: string | null | undefined): Locale {
  return (mailLocales as readonly string[]).includes(tag ?? '') ? (tag as Locale) : 'nl';
}
