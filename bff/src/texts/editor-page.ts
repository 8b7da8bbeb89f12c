// The text editor's page (`GET /poort/editor`, editor-routes.ts): a shell in the person's
// language; everything it shows comes from the texts API, which checks the login and the role.
import type { Locale } from '../../../contract/locales.js';
import { BASE } from '../../../contract/paths.js';
import { escapeHtml } from '../pages/page-texts.js';
import { translate } from './translator.js';

export function editorPage(locale: Locale): string {
  const title = escapeHtml(translate(locale, 'editor.title'));
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title><script type="module" src="${BASE}/editor/poort-text-editor.js"></script></head><body><poort-text-editor lang="${locale}" bff="${BASE}"></poort-text-editor></body></html>`;
}
