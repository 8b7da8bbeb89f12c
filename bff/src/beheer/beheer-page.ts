// The HTML of /poort/beheer/: the shell that loads the Beheer elements for an admin, or, for
// anyone else, a page in their language saying why not and where to go. Its words are the texts
// `page.beheer.*` (bff/src/texts/locales), which editors may change. Pure: no HTTP.
import type { Level } from '../../../contract/levels.js';
import type { Locale } from '../../../contract/locales.js';
import { BASE } from '../../../contract/paths.js';
import { escapeHtml } from '../pages/page-texts.js';
import { translate } from '../texts/translator.js';

export type BeheerRefusal = 'not_logged_in' | 'not_an_admin' | 'level_too_low';

const levelNames: Record<Level, string> = { loa2: 'eH2', loa2plus: 'eH2+', loa3: 'eH3', loa4: 'eH4' };

function page(lang: Locale, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>${body.includes('poort-beheer') ? `<script type="module" src="${BASE}/beheer/beheer.js"></script>` : ''}</head><body>${body}</body></html>`;
}

export function beheerShell(lang: Locale): string {
  const t = (key: string) => translate(lang, `page.beheer.${key}`);
  return page(lang, t('title'), `<main><poort-beheer lang="${lang}" bff="${BASE}"><noscript><p>${escapeHtml(t('noscript'))}</p></noscript></poort-beheer></main>`);
}

export function beheerRefusalPage(lang: Locale, refusal: BeheerRefusal, back: string, requiredLevel?: Level): string {
  const heading = translate(lang, `page.beheer.refusal.${refusal}.heading`);
  const text = translate(lang, `page.beheer.refusal.${refusal}.text`, { level: requiredLevel ? levelNames[requiredLevel] : '' });
  return page(
    lang,
    heading,
    `<main><h1>${escapeHtml(heading)}</h1><p data-poort-refusal="${refusal}">${escapeHtml(text)}</p><p><a href="${escapeHtml(back)}">${escapeHtml(translate(lang, 'page.beheer.back'))}</a></p></main>`,
  );
}
