// Texts of the few HTML pages the BFF itself shows (the hand-over to a broker, the simulated
// brokers), in the three languages Poort speaks. The widget's own texts live in widget/locales.
export const pageLocales = ['nl', 'nl-BE', 'en'] as const;
export type PageLocale = (typeof pageLocales)[number];

/** The best page language for an Accept-Language header (nl-BE before nl; Dutch when unsure). */
export function pageLocale(acceptLanguage: string | undefined): PageLocale {
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => part.split(';')[0]!.trim().toLowerCase())
    .filter(Boolean);
  for (const tag of wanted) {
    if (tag === 'nl-be') return 'nl-BE';
    if (tag.startsWith('nl')) return 'nl';
    if (tag.startsWith('en')) return 'en';
  }
  return 'nl';
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export interface PostFormPage {
  lang: PageLocale;
  title: string;
  action: string;
  fields: Record<string, string>;
  button: string;
  explanation: string;
}

/**
 * A page that posts a form to another site at once. No inline script (the CSP forbids it): a
 * same-origin script submits the form; without JavaScript the person presses the button.
 */
export function autoPostPage(page: PostFormPage): string {
  const inputs = Object.entries(page.fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  return `<!doctype html><html lang="${page.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(page.title)}</title><script src="/poort/auth/eherkenning/auto-submit.js" defer></script></head><body><form method="post" action="${escapeHtml(page.action)}" data-poort-auto-submit>${inputs}<p>${escapeHtml(page.explanation)}</p><button type="submit">${escapeHtml(page.button)}</button></form></body></html>`;
}

export const AUTO_SUBMIT_SCRIPT = "document.querySelector('form[data-poort-auto-submit]')?.submit();\n";

export const handOverTexts: Record<PageLocale, { title: string; explanation: string; button: string }> = {
  nl: { title: 'Doorsturen naar eHerkenning', explanation: 'U wordt doorgestuurd naar uw eHerkenningsmakelaar.', button: 'Ga naar uw eHerkenningsmakelaar' },
  'nl-BE': { title: 'Doorsturen naar eHerkenning', explanation: 'U wordt doorgestuurd naar uw eHerkenningsmakelaar.', button: 'Ga verder naar uw eHerkenningsmakelaar' },
  en: { title: 'Redirecting to eHerkenning', explanation: 'You are being taken to your eHerkenning broker.', button: 'Go to your eHerkenning broker' },
};
