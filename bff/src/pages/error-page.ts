// The page a person's browser gets where a login route refuses (unknown broker, a return path off
// the site, an oversized broker answer, eHerkenning down, an address with nothing behind it):
// what happened in their language, the code, request id and time for the helpdesk, and a way back.
// Pure: texts `page.error.*` through the translator, no HTTP.
import type { Locale } from '../../../contract/locales.js';
import { translate } from '../texts/translator.js';
import { escapeHtml } from './page-texts.js';
import { errorPageCodes } from './error-page-codes.js';

export interface ErrorPage {
  lang: Locale;
  code: string;
  requestId: string;
  time: Date;
  /** Same-site path to go back to, already checked by the return-path rule. */
  back: string;
}

// Dutch and Flemish people read local time; the Netherlands and Belgium share a time zone.
const timeZone = 'Europe/Amsterdam';

export function errorPage(page: ErrorPage): string {
  const t = (key: string) => translate(page.lang, `page.error.${key}`);
  const about = errorPageCodes.has(page.code) ? `message.${page.code}` : 'generic';
  const message = { heading: t(`${about}.heading`), text: t(`${about}.text`) };
  const texts = { back: t('back'), code: t('code'), requestId: t('requestId'), time: t('time'), helpdesk: t('helpdesk') };
  const time = new Intl.DateTimeFormat(page.lang, { dateStyle: 'long', timeStyle: 'medium', timeZone }).format(page.time);
  return `<!doctype html><html lang="${page.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(message.heading)}</title></head><body><main><h1>${escapeHtml(message.heading)}</h1><p>${escapeHtml(message.text)}</p><p><a href="${escapeHtml(page.back)}" data-poort-back>${escapeHtml(texts.back)}</a></p><dl><dt>${escapeHtml(texts.code)}</dt><dd data-poort-code>${escapeHtml(page.code)}</dd><dt>${escapeHtml(texts.requestId)}</dt><dd data-poort-request-id>${escapeHtml(page.requestId)}</dd><dt>${escapeHtml(texts.time)}</dt><dd><time datetime="${page.time.toISOString()}">${escapeHtml(time)}</time></dd></dl><p>${escapeHtml(texts.helpdesk)}</p></main></body></html>`;
}
