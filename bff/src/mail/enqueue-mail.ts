// Puts a mail in the outbox, inside the caller's transaction: the mail exists if and only if the
// change that causes it was committed. outbox-sender.ts delivers it afterwards, with retries.
import { outbox } from '../../../db/schema.js';
import type { DbOrTx } from '../../../db/open.js';
import type { SiteConfig } from '../site-config/schema.js';
import { mailLocale } from './mail-locale.js';
import { composeMail, describeDuration, type MailKind, type MailValues } from './mail-texts.js';
import { refreshTexts } from '../texts/live-texts.js';

export interface MailRequest {
  to: string;
  kind: MailKind;
  locale: string | null | undefined;
  link?: string;
  validForMs?: number;
  /** The values a kind needs besides the link (a PIN, an account and organisation name). */
  values?: Pick<MailValues, 'pin' | 'account' | 'organisation'>;
}

export async function enqueueMail(db: DbOrTx, site: SiteConfig, mail: MailRequest): Promise<void> {
  const locale = mailLocale(mail.locale);
  // In the caller's transaction: the mail is written with the texts as they are when it commits.
  await refreshTexts(db);
  const { subject, text } = composeMail(mail.kind, locale, {
    siteName: site.site.name[locale],
    ...(mail.link ? { link: mail.link } : {}),
    ...(mail.validForMs ? { validFor: describeDuration(mail.validForMs, locale) } : {}),
    ...mail.values,
  });
  await db.insert(outbox).values({ to: mail.to, subject, text, kind: mail.kind });
}
