// Two instances' outbox workers on one database and one real (slow) SMTP server: every mail is
// delivered once. A batch claimed at once used to age while its first mails went out; with a slow
// server the claims of the last ones ran out before their turn, the other instance took and sent
// them, and the first sent them again (one of issue 18's soak faults). Each mail is now claimed
// right before it is sent. The claim is shortened here so the test takes seconds, not minutes.
import { isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema.js';
import { outboxMessageId } from '../../bff/src/mail/message-id.js';
import { sendPendingMail } from '../../bff/src/mail/outbox-sender.js';
import { smtpTransport } from '../../bff/src/mail/smtp-transport.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDbKind } from '../support/db.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

const FROM = 'Poort <noreply@poort.test>';
const MAILS = 14;
/** The server takes this long over each mail: a batch of MAILS takes well over CLAIM_MS… */
const SMTP_DELAY_MS = 1000;
/** …while one mail takes far less than the claim, also on a busy machine. */
const CLAIM_MS = 10_000;

let t: TestApp;
let smtp: TestSmtp;
beforeAll(async () => {
  t = await createTestApp();
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

describe(`two outbox workers and a slow SMTP server (${testDbKind})`, () => {
  it('deliver every mail exactly once, each marked sent', { timeout: 120_000 }, async () => {
    const rows = await t.db.db
      .insert(outbox)
      .values(Array.from({ length: MAILS }, (_, i) => ({ to: `ontvanger${i}@gemeente.example.nl`, subject: `Bericht ${i}`, text: `Tekst ${i}`, kind: 'password_reset' })))
      .returning({ id: outbox.id, createdAt: outbox.createdAt });
    smtp.delayMs = SMTP_DELAY_MS;
    // Each instance has its own SMTP client, as two processes would.
    const second = smtpTransport({ host: '127.0.0.1', port: smtp.port, secure: false, user: undefined, password: undefined, from: FROM });
    try {
      // Instance one starts on the queue; instance two polls as its worker does, until all is sent.
      const one = sendPendingMail(t.db.db, smtp.transport, { batch: 20, claimMs: CLAIM_MS });
      let oneDone = false;
      void one.finally(() => (oneDone = true));
      let pending = MAILS;
      while (!oneDone || pending > 0) {
        await sendPendingMail(t.db.db, second, { batch: 20, claimMs: CLAIM_MS });
        pending = (await t.db.db.select({ id: outbox.id }).from(outbox).where(isNull(outbox.sentAt))).length;
        await new Promise((r) => setTimeout(r, 100));
      }
      await one;
    } finally {
      second.close();
    }
    const copies = new Map<string, number>();
    for (const mail of smtp.mails) copies.set(mail.messageId!, (copies.get(mail.messageId!) ?? 0) + 1);
    expect(rows.map((row) => copies.get(outboxMessageId(row, FROM)) ?? 0)).toEqual(rows.map(() => 1));
    expect(smtp.mails).toHaveLength(MAILS);
    expect(await t.db.db.select({ id: outbox.id }).from(outbox).where(isNull(outbox.sentAt))).toEqual([]);
  });
});
