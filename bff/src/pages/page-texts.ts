// What the few HTML pages the BFF itself shows (the hand-over to a broker, the simulated brokers,
// the refusal pages where a browser lands) share: the page language, escaping, the auto-post form.
// Their texts are `page.*` in bff/src/texts/locales; the widget's own live in widget/locales.
import { matchLocale, type Locale } from '../../../contract/locales.js';
import { BASE } from '../../../contract/paths.js';
import { translate } from '../texts/translator.js';

/** The best page language for an Accept-Language header (nl-BE before nl; Dutch when unsure). */
export function pageLocale(acceptLanguage: string | undefined, unsure: Locale = 'nl'): Locale {
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => part.split(';')[0]!)
    .filter(Boolean);
  for (const tag of wanted) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return unsure;
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export interface PostFormPage {
  lang: Locale;
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
  return `<!doctype html><html lang="${page.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(page.title)}</title><script src="${BASE}/auth/eherkenning/auto-submit.js" defer></script></head><body><form method="post" action="${escapeHtml(page.action)}" data-poort-auto-submit>${inputs}<p>${escapeHtml(page.explanation)}</p><button type="submit">${escapeHtml(page.button)}</button></form></body></html>`;
}

export const AUTO_SUBMIT_SCRIPT = "document.querySelector('form[data-poort-auto-submit]')?.submit();\n";

/** The hand-over page's texts: to an eHerkenning supplier (`handOver`) or to the Flemish government's login (`handOverAcmidm`). */
export function handOverTexts(locale: Locale, group: 'handOver' | 'handOverAcmidm' = 'handOver'): { title: string; explanation: string; button: string } {
  return { title: translate(locale, `page.${group}.title`), explanation: translate(locale, `page.${group}.explanation`), button: translate(locale, `page.${group}.button`) };
}
