// Issues a single-use token and queues the mail that carries its link, in the caller's
// transaction: the invitation, reset, unblock and confirmation mails all work this way.
import type { TokenPurpose } from '../../../db/schema.js';
import { enqueueMail, type MailRequest } from '../mail/enqueue-mail.js';
import { mailLocale } from '../mail/mail-locale.js';
import type { MailKind } from '../mail/mail-texts.js';
import type { DbOrTx } from '../../../db/open.js';
import type { SiteConfig } from '../site-config/schema.js';
import { issueToken } from '../tokens/token-store.js';
import { accountLink, type LinkKind } from './account-links.js';

export interface LinkMail {
  to: string;
  userId: string;
  locale: string | null | undefined;
  purpose: TokenPurpose;
  ttlMs: number;
  mailKind: MailKind;
  linkKind: LinkKind;
  data?: Record<string, unknown>;
  values?: MailRequest['values'];
}

export async function mailSingleUseLink(tx: DbOrTx, site: SiteConfig, publicUrl: string, mail: LinkMail): Promise<void> {
  const token = await issueToken(tx, { purpose: mail.purpose, userId: mail.userId, ttlMs: mail.ttlMs, ...(mail.data ? { data: mail.data } : {}) });
  await enqueueMail(tx, site, {
    to: mail.to,
    kind: mail.mailKind,
    locale: mail.locale,
    link: accountLink(publicUrl, site.localAccounts.accountPage, mail.linkKind, token, mailLocale(mail.locale)),
    validForMs: mail.ttlMs,
    ...(mail.values ? { values: mail.values } : {}),
  });
}
