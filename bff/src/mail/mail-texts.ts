// Poort's mails in Dutch, Flemish and English, written from the texts `mail.<kind>.subject` and
// `.text` (bff/src/texts/locales, with editors' overrides). Plain text only: it shows the same in
// every mail client, and a link in plain text cannot hide where it points.
import type { Locale } from '../../../contract/locales.js';
import { translate } from '../texts/translator.js';

export const mailKinds = ['invitation', 'password_reset', 'unblock', 'password_changed', 'notification_email_confirm', 'link_pin', 'password_reset_contact'] as const;
export type MailKind = (typeof mailKinds)[number];

export interface MailValues {
  siteName: string;
  /** The single-use link, for the kinds that have one. */
  link?: string;
  /** How long the link works, already phrased for the locale by the caller ("7 dagen"). */
  validFor?: string;
  /** link_pin: the PIN that finishes linking an eHerkenning login to the account. */
  pin?: string;
  /** password_reset_contact: the account a new password was asked for, and the organisation the contact speaks for. */
  account?: string;
  organisation?: string;
}

export function composeMail(kind: MailKind, locale: Locale, values: MailValues): { subject: string; text: string } {
  const v = { link: '', validFor: '', pin: '', account: '', organisation: '', ...values };
  return { subject: translate(locale, `mail.${kind}.subject`, v), text: translate(locale, `mail.${kind}.text`, v) };
}

/** "7 dagen", "30 minuten", "24 uur" / "7 days", ... for a lifetime in milliseconds. */
export function describeDuration(ms: number, locale: Locale): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes % (24 * 60) === 0 && minutes >= 48 * 60) return translate(locale, 'duration.days', { count: minutes / (24 * 60) });
  if (minutes % 60 === 0) return translate(locale, 'duration.hours', { count: minutes / 60 });
  return translate(locale, 'duration.minutes', { count: minutes });
}
