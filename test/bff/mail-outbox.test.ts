// The outbox: mails written with the change that causes them, sent over SMTP with retries, kept
// when SMTP is down, shown on the development page.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { outbox } from '../../db/schema.js';
import { createApp } from '../../bff/src/app.js';
import { sendPendingMail } from '../../bff/src/mail/outbox-sender.js';
import { rateLimitRules } from '../../bff/src/rate-limits/rate-limit-policy.js';
import { makeUser, post } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

let t: TestApp;
let smtp: TestSmtp;
beforeAll(async () => {
  t = await createTestApp();
  smtp = await startSmtp();
  await makeUser(t, 'post@gemeente.example.nl');
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

describe('mail outbox', () => {
  it('keeps a mail while SMTP refuses it, and delivers it on a later attempt', async () => {
    await post(t, '/poort/api/password/forgot', { email: 'post@gemeente.example.nl' });
    smtp.refuse = true;
    expect(await sendPendingMail(t.db.db, smtp.transport)).toEqual({ sent: 0, failed: 1 });
    const [waiting] = await t.db.db.select().from(outbox).where(eq(outbox.kind, 'password_reset'));
    expect(waiting).toMatchObject({ sentAt: null, attempts: 1, lastError: expect.stringMatching(/451/) });
    expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    smtp.refuse = false;
    // Not due yet: nothing is sent now…
    expect(await sendPendingMail(t.db.db, smtp.transport)).toEqual({ sent: 0, failed: 0 });
    // …but it is when its next attempt comes.
    expect(await sendPendingMail(t.db.db, smtp.transport, { now: new Date(Date.now() + 5 * 60_000) })).toEqual({ sent: 1, failed: 0 });
    const [sent] = await t.db.db.select().from(outbox).where(eq(outbox.id, waiting!.id));
    expect(sent!.sentAt).toBeInstanceOf(Date);
    expect(smtp.mails).toHaveLength(1);
  });

  it('sends each mail once even when two senders run at the same time', async () => {
    await post(t, '/poort/api/password/forgot', { email: 'post@gemeente.example.nl' });
    const before = smtp.mails.length;
    const results = await Promise.all([sendPendingMail(t.db.db, smtp.transport), sendPendingMail(t.db.db, smtp.transport)]);
    expect(results[0]!.sent + results[1]!.sent).toBe(1);
    expect(smtp.mails.length - before).toBe(1);
  });

  it('sends at most the per-address limit of reset mails an hour, answering 202 regardless', async () => {
    const before = (await t.db.db.select().from(outbox)).length;
    for (let i = 0; i < rateLimitRules.forgotPerEmail.limit + 2; i++) {
      expect((await post(t, '/poort/api/password/forgot', { email: 'post@gemeente.example.nl' })).status).toBe(202);
    }
    // Two requests were already counted above for this address.
    expect((await t.db.db.select().from(outbox)).length - before).toBe(rateLimitRules.forgotPerEmail.limit - 2);
  });

  it('shows the outbox with its links on the development page, escaped', async () => {
    const res = await t.app.request('/poort/dev/outbox');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Nieuw wachtwoord kiezen');
    expect(page).toMatch(/<a href="http:\/\/localhost:8080\/account\/\?poort-lang=nl&amp;poort-reset=[\w-]+">/);
    expect(page).not.toMatch(/<script/);
  });

  it('has no development page in production', async () => {
    const prod = createApp({ db: t.db, logger: pino({ level: 'silent' }), env: { ...t.env, production: true }, site: t.site });
    expect((await prod.request('/poort/dev/outbox')).status).toBe(404);
  });
});
