// The language a started login's pages speak: the one stored with the request (the widget sends
// its own), not the browser's, so a person on a Flemish page whose browser prefers English stays
// in Flemish on the way. Unknown request: the browser's language. Used by the simulated IdPs.
import { matchLocale, type Locale } from '../../../contract/locales.js';
import type { DbOrTx } from '../../../db/open.js';
import { pageLocale } from '../pages/page-texts.js';
import { findRequest } from './request-store.js';

export async function startedLoginLocale(db: DbOrTx, requestId: string, acceptLanguage: string | undefined): Promise<Locale> {
  const stored = requestId ? await findRequest(db, requestId) : undefined;
  return matchLocale(stored?.locale) ?? pageLocale(acceptLanguage);
}
