// Delivers mails from the outbox. Each mail is claimed on its own, right before it is sent, with
// one UPDATE … FOR UPDATE SKIP LOCKED, so several BFF instances never send the same mail at the
// same time; a crash after the claim only delays that mail until its claim runs out.
//
// Claims are per mail, not per batch: a batch claimed at once aged while its first mails were
// sent, so with a slow SMTP server the last ones' claims ran out before their turn, another
// instance took and sent them, and the first instance sent them again (issue 18's soak; shown by
// test/bff/mail-two-workers.test.ts). A claim (MAIL_CLAIM_MS) is far longer than one send can take
// (nodemailer's connection, greeting and socket timeouts in smtp-transport.ts).
//
// Delivery is at-least-once: a crash (or the database away for longer than the claim) after SMTP
// took a mail and before it is marked sent sends it again once the claim runs out. That window is
// one UPDATE, made right after the send and retried while the database is unreachable, for as long
// as the claim keeps other instances off the mail; each copy carries the same Message-ID
// (message-id.ts) for receivers to fold.
import { countMailAttempt } from '../metrics/metrics.js';
import { and, asc, eq, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open.js';
import { outbox, type OutboxMail } from '../../../db/schema.js';
import { isDatabaseUnavailable } from '../http/database-unavailable.js';
import { MAIL_CLAIM_MS, MAX_MAIL_ATTEMPTS, nextMailAttempt } from './retry-policy.js';

/** What sends one mail; nodemailer's transport in production. id and createdAt make its Message-ID. */
export interface MailTransport {
  send(mail: Pick<OutboxMail, 'id' | 'createdAt' | 'to' | 'subject' | 'text' | 'html'>): Promise<void>;
}

/** Pauses between attempts to mark a sent mail sent while the database is unreachable (ms); the last repeats. */
const MARK_SENT_RETRIES_MS = [100, 250, 500, 1000, 2000];
/** Marking a mail sent stops this long before its claim ends, so no other instance has taken it yet. */
const MARK_SENT_MARGIN_MS = 5000;

export interface SendResult {
  sent: number;
  failed: number;
}

export interface SendOptions {
  /** What the clock reads now (tests move it ahead); it runs on from there in real time. */
  now?: Date;
  /** At most this many mails in one run. */
  batch?: number;
  /** How long a claim keeps other instances off a mail (tests shorten it). */
  claimMs?: number;
}

export async function sendPendingMail(db: Db, transport: MailTransport, options: SendOptions = {}): Promise<SendResult> {
  const offset = (options.now?.getTime() ?? Date.now()) - Date.now();
  const clock = () => new Date(Date.now() + offset);
  const claimMs = options.claimMs ?? MAIL_CLAIM_MS;
  const result: SendResult = { sent: 0, failed: 0 };
  for (let i = 0; i < (options.batch ?? 20); i++) {
    const claimedUntil = new Date(clock().getTime() + claimMs);
    const mail = await claimNext(db, clock(), claimedUntil);
    if (!mail) break;
    try {
      await transport.send(mail);
    } catch (error) {
      // The SMTP server's reply, never the mail itself (it holds a secret link).
      const message = error instanceof Error ? error.message.slice(0, 500) : String(error);
      await db.update(outbox).set({ lastError: message, nextAttemptAt: nextMailAttempt(mail.attempts, clock()) }).where(eq(outbox.id, mail.id));
      result.failed++;
      countMailAttempt(false);
      continue;
    }
    countMailAttempt(true);
    await markSent(db, mail.id, () => clock().getTime() < claimedUntil.getTime() - MARK_SENT_MARGIN_MS);
    result.sent++;
  }
  return result;
}

/** Claims the oldest mail that is due and not claimed by another instance: the row, or undefined. */
async function claimNext(db: Db, now: Date, claimedUntil: Date): Promise<OutboxMail | undefined> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(isNull(outbox.sentAt), lte(outbox.nextAttemptAt, now), lt(outbox.attempts, MAX_MAIL_ATTEMPTS)))
    .orderBy(asc(outbox.id))
    .limit(1)
    .for('update', { skipLocked: true });
  const [mail] = await db
    .update(outbox)
    .set({ nextAttemptAt: claimedUntil, attempts: sql`${outbox.attempts} + 1` })
    .where(eq(outbox.id, sql`(${due})`))
    .returning();
  return mail;
}

/** Marks a mail sent; a database that is away (a restart) is waited for while `mayRetry` says so. */
async function markSent(db: Db, id: number, mayRetry: () => boolean): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await db.update(outbox).set({ sentAt: new Date(), lastError: null }).where(eq(outbox.id, id));
      return;
    } catch (error) {
      if (!mayRetry() || !isDatabaseUnavailable(error)) throw error;
      const pause = MARK_SENT_RETRIES_MS[Math.min(attempt, MARK_SENT_RETRIES_MS.length - 1)]!;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
