// Delivers mails from the outbox. Each batch is claimed with one UPDATE … FOR UPDATE SKIP LOCKED,
// so several BFF instances never send the same mail at the same time; a crash after the claim
// only delays that mail until its claim runs out.
//
// Delivery is at-least-once: a crash (or the database going away) after SMTP took a mail and
// before it is marked sent sends it again once the claim runs out. That window is one UPDATE,
// made right after the send and retried for a few seconds while the database is unreachable;
// each copy carries the same Message-ID (message-id.ts) for receivers to fold.
import { countMailAttempt } from '../metrics/metrics.js';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open.js';
import { outbox, type OutboxMail } from '../../../db/schema.js';
import { isDatabaseUnavailable } from '../http/database-unavailable.js';
import { MAIL_CLAIM_MS, MAX_MAIL_ATTEMPTS, nextMailAttempt } from './retry-policy.js';

/** What sends one mail; nodemailer's transport in production. id and createdAt make its Message-ID. */
export interface MailTransport {
  send(mail: Pick<OutboxMail, 'id' | 'createdAt' | 'to' | 'subject' | 'text' | 'html'>): Promise<void>;
}

/** Pauses between attempts to mark a sent mail sent while the database is unreachable (ms). */
const MARK_SENT_RETRIES_MS = [100, 250, 500, 1000, 2000];

export interface SendResult {
  sent: number;
  failed: number;
}

export async function sendPendingMail(db: Db, transport: MailTransport, now = new Date(), batch = 20): Promise<SendResult> {
  const claimedUntil = new Date(now.getTime() + MAIL_CLAIM_MS);
  const claimed = await db.execute(sql`
    update ${outbox} set next_attempt_at = ${claimedUntil.toISOString()}::timestamptz, attempts = attempts + 1
    where id in (
      select id from ${outbox}
      where sent_at is null and next_attempt_at <= ${now.toISOString()}::timestamptz and attempts < ${MAX_MAIL_ATTEMPTS}
      order by id limit ${batch} for update skip locked)
    returning id`);
  const ids = rowsOf<{ id: number | string }>(claimed).map((r) => Number(r.id));
  const result: SendResult = { sent: 0, failed: 0 };
  for (const id of ids) {
    const [mail] = await db.select().from(outbox).where(eq(outbox.id, id));
    if (!mail) continue;
    try {
      await transport.send(mail);
    } catch (error) {
      // The SMTP server's reply, never the mail itself (it holds a secret link).
      const message = error instanceof Error ? error.message.slice(0, 500) : String(error);
      await db.update(outbox).set({ lastError: message, nextAttemptAt: nextMailAttempt(mail.attempts, new Date()) }).where(eq(outbox.id, id));
      result.failed++;
      countMailAttempt(false);
      continue;
    }
    countMailAttempt(true);
    await markSent(db, id);
    result.sent++;
  }
  return result;
}

/** Marks a mail sent; a database that is briefly away (a restart) is waited for, a few seconds. */
async function markSent(db: Db, id: number): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await db.update(outbox).set({ sentAt: new Date(), lastError: null }).where(eq(outbox.id, id));
      return;
    } catch (error) {
      const pause = MARK_SENT_RETRIES_MS[attempt];
      if (pause === undefined || !isDatabaseUnavailable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/** postgres.js returns an array, PGlite an object with rows. */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
