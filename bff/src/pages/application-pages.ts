// The two pages of applications behind one Poort (issue 15), pure: the refusal of a person who is
// logged in but lacks an application's rights (with that application's helpdesk text, never a way
// into a login loop), and the page after logging out that names every application it ended.
import type { Locale } from '../../../contract/locales.js';
import { translate } from '../texts/translator.js';
import { escapeHtml } from './page-texts.js';

function page(lang: Locale, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head><body><main>${body}</main></body></html>`;
}

export interface RefusedPage {
  lang: Locale;
  /** The application's name in this language. */
  application: string;
  /** The application's helpdesk text in this language (plain text; line breaks become paragraphs). */
  helpdesk: string;
  /** Same-site path back, already allowed by the return-path rule. */
  back: string;
}

export function applicationRefusedPage(p: RefusedPage): string {
  const t = (key: string) => translate(p.lang, `page.application.refused.${key}`, { app: p.application });
  const help = p.helpdesk
    .split(/\n+/)
    .filter((line) => line.trim())
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
  return page(
    p.lang,
    t('title'),
    `<h1>${escapeHtml(t('title'))}</h1><p>${escapeHtml(t('text'))}</p><section aria-labelledby="poort-help" data-poort-helpdesk><h2 id="poort-help">${escapeHtml(t('helpdesk'))}</h2>${help}</section><p><a href="${escapeHtml(p.back)}" data-poort-back>${escapeHtml(t('back'))}</a></p>`,
  );
}

export interface LoggedOutPage {
  lang: Locale;
  /** The names of every application of the site, in this language. */
  applications: string[];
  back: string;
}

export function loggedOutPage(p: LoggedOutPage): string {
  const t = (key: string) => translate(p.lang, `page.application.loggedOut.${key}`);
  const list = p.applications.length
    ? `<p>${escapeHtml(t('text'))}</p><ul data-poort-applications>${p.applications.map((name) => `<li>${escapeHtml(name)}</li>`).join('')}</ul>`
    : `<p>${escapeHtml(t('none'))}</p>`;
  return page(p.lang, t('title'), `<h1>${escapeHtml(t('title'))}</h1>${list}<p><a href="${escapeHtml(p.back)}" data-poort-back>${escapeHtml(t('back'))}</a></p>`);
}
