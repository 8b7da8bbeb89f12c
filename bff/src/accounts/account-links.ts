// Links in mails (pure): always built on the configured public URL, never on the request's Host
// header, so a forged Host cannot make Poort mail a link to someone else's server (R05).
import { languageParameter, type Locale } from '../../../contract/locales.js';

export type LinkKind = 'invitation' | 'reset' | 'confirm-email';

/**
 * The account page with the link's token and the mail's language: the page opens in the language
 * the mail was written in (a Flemish invitation opens a Flemish page), in any browser.
 */
export function accountLink(publicUrl: string, accountPage: string, kind: LinkKind, token: string, locale: Locale): string {
  const url = new URL(accountPage, publicUrl);
  url.searchParams.set(languageParameter, locale);
  url.searchParams.set(`poort-${kind}`, token);
  return url.href;
}
