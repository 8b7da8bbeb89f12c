// Mail delivery is at-least-once: an instance that dies after SMTP took a mail and before marking it
// sent leaves it claimed; once the claim runs out another instance sends it again. The copies carry
// one Message-ID, derived from the outbox row, so receivers can fold them; there is no third copy.
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema.js';
import { outboxMessageId, senderDomain } from '../../bff/src/mail/message-id.js';
import { sendPendingMail, type MailTransport } from '../../bff/src/mail/outbox-sender.js';
import { MAIL_CLAIM_MS } from '../../bff/src/mail/retry-policy.js';
import { makeUser, post } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDbKind } from '../support/db.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

let t: TestApp;
let smtp: TestSmtp;
beforeAll(async () => {
  t = await createTestApp();
  smtp = await startSmtp();
  await makeUser(t, 'dubbel@gemeente.example.nl');
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

describe(`mail delivery after a crash between send and mark-sent (${testDbKind})`, () => {
  it('sends the mail once more, with the same Message-ID, and not a third time', async () => {
    expect((await post(t, '/poort/api/password/forgot', { email: 'dubbel@gemeente.example.nl' })).status).toBe(202);
    const [row] = await t.db.db.select().from(outbox).where(eq(outbox.to, 'dubbel@gemeente.example.nl'));
    // The first instance hands the mail to the real SMTP server and then never returns: it died
    // before it could mark the mail sent.
    let delivered!: () => void;
    const handedOver = new Promise<void>((r) => (delivered = r));
    const dying: MailTransport = {
      send: async (mail) => {
        await smtp.transport.send(mail);
        delivered();
        await new Promise(() => {});
      },
    };
    void sendPendingMail(t.db.db, dying);
    await handedOver;
    expect(smtp.mails).toHaveLength(1);
    const [claimed] = await t.db.db.select().from(outbox).where(eq(outbox.id, row!.id));
    expect(claimed!.sentAt).toBeNull();
    // While the claim lasts, another instance leaves the mail alone…
    expect(await sendPendingMail(t.db.db, smtp.transport)).toEqual({ sent: 0, failed: 0 });
    // …after it, the mail goes out again and is marked sent.
    const later = new Date(Date.now() + MAIL_CLAIM_MS + 1000);
    expect(await sendPendingMail(t.db.db, smtp.transport, { now: later })).toEqual({ sent: 1, failed: 0 });
    expect(await sendPendingMail(t.db.db, smtp.transport, { now: new Date(later.getTime() + 24 * 3_600_000) })).toEqual({ sent: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(2);
    const [first, second] = smtp.mails;
    expect(first!.messageId).toBe(outboxMessageId(row!, 'Poort <noreply@poort.test>'));
    expect(second!.messageId).toBe(first!.messageId);
    expect(second!.subject).toBe(first!.subject);
  });
});

describe('outbox Message-ID', () => {
  it('is the row id and creation time at the sender domain, and differs between rows', () => {
    expect(outboxMessageId({ id: 42, createdAt: new Date(Date.UTC(2026, 0, 1)) }, 'Gemeente <noreply@Gemeente.NL>')).toBe('<poort.42.mjuohs00@gemeente.nl>');
    expect(senderDomain('noreply@localhost')).toBe('localhost');
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.date({ noInvalidDate: true }), (a, b, createdAt) => {
        fc.pre(a !== b);
        const x = outboxMessageId({ id: a, createdAt }, 'noreply@poort.test');
        expect(x).toMatch(/^<poort\.\d+\.-?[0-9a-z]+@poort\.test>$/);
        expect(x).not.toBe(outboxMessageId({ id: b, createdAt }, 'noreply@poort.test'));
      }),
    );
  });
});
