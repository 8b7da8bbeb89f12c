// PUT /poort/api/me/preferences and confirming a notification address through the mailed link.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, outbox, tokens, users } from '../../db/schema.js';
import { hashSecretToken } from '../../bff/src/security/secret-token.js';
import { rateLimitRules } from '../../bff/src/rate-limits/rate-limit-policy.js';
import { notificationAddress } from '../../bff/src/accounts/notification-address.js';
import { sendPendingMail } from '../../bff/src/mail/outbox-sender.js';
import { errorCode, makeUser, post, sessionCookie } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { linkIn, startSmtp, type TestSmtp } from '../support/smtp.js';

let t: TestApp;
let smtp: TestSmtp;
let cookie: string;
let userId: string;
beforeAll(async () => {
  t = await createTestApp();
  smtp = await startSmtp();
  const user = await makeUser(t, 'els@gemeente.example.nl', { locale: 'en' });
  userId = user.id;
  cookie = await sessionCookie(t, user.id);
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

const currentUser = async () => (await t.db.db.select().from(users).where(eq(users.id, userId)))[0]!;

describe('notification address', () => {
  it('is stored unconfirmed, mailed a link, and used only after the link is followed', async () => {
    const res = await post(t, '/poort/api/me/preferences', { notificationEmail: 'Meldingen@Team.example.org' }, { cookie }, 'PUT');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ notificationEmail: 'meldingen@team.example.org', notificationEmailConfirmed: false, locale: 'en' });
    expect(notificationAddress(await currentUser())).toBe('els@gemeente.example.nl');

    await sendPendingMail(t.db.db, smtp.transport);
    const mail = smtp.mails.at(-1)!;
    expect(mail.to).toMatchObject({ text: 'meldingen@team.example.org' });
    expect(mail.subject).toBe('Confirm your address for notifications from Example portal');
    const token = linkIn(mail).searchParams.get('poort-confirm-email')!;
    // R04: 256 random bits, and the database holds only their SHA-256.
    expect(token).toMatch(/^[\w-]{43}$/);
    const stored = await t.db.db.select().from(tokens);
    expect(stored.map((row) => row.tokenHash)).toContain(hashSecretToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const confirmed = await post(t, '/poort/api/me/notification-email/confirm', { token });
    expect(confirmed.status).toBe(200);
    expect(notificationAddress(await currentUser())).toBe('meldingen@team.example.org');
    const again = await post(t, '/poort/api/me/notification-email/confirm', { token });
    expect(await errorCode(again)).toBe('token_used');
    const got = await t.app.request('/poort/api/me/preferences', { headers: { cookie } });
    expect(await got.json()).toMatchObject({ notificationEmailConfirmed: true });
    const events = await t.db.db.select().from(auditEvents).where(eq(auditEvents.userId, userId));
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['preferences_changed', 'notification_email_confirmed']));
  });

  it('does not confirm an address the person replaced in the meantime', async () => {
    await post(t, '/poort/api/me/preferences', { notificationEmail: 'eerste@team.example.org' }, { cookie }, 'PUT');
    await sendPendingMail(t.db.db, smtp.transport);
    const first = linkIn(smtp.mails.at(-1)!).searchParams.get('poort-confirm-email')!;
    await post(t, '/poort/api/me/preferences', { notificationEmail: 'tweede@team.example.org' }, { cookie }, 'PUT');
    // Issuing the second link retired the first.
    expect(await errorCode(await post(t, '/poort/api/me/notification-email/confirm', { token: first }))).toBe('token_used');
    expect(notificationAddress(await currentUser())).toBe('els@gemeente.example.nl');
  });

  it('removes the separate address with null, and changes the mail language', async () => {
    const res = await post(t, '/poort/api/me/preferences', { notificationEmail: null, locale: 'nl-BE' }, { cookie }, 'PUT');
    expect(await res.json()).toEqual({ notificationEmail: null, notificationEmailConfirmed: false, locale: 'nl-BE' });
  });
});

describe('mails to notification addresses (issue 10, item 10)', () => {
  it('sends at most the hourly number per account, then answers 429 too_many_mails with Retry-After and writes nothing', async () => {
    const user = await makeUser(t, 'veel@gemeente.example.nl');
    const own = await sessionCookie(t, user.id);
    const limit = rateLimitRules.notificationMailPerUser.limit;
    for (let i = 0; i < limit; i++) {
      expect((await post(t, '/poort/api/me/preferences', { notificationEmail: `adres${i}@team.example.org` }, { cookie: own }, 'PUT')).status).toBe(200);
    }
    const mailsBefore = (await t.db.db.select().from(outbox)).length;
    const refused = await post(t, '/poort/api/me/preferences', { notificationEmail: 'nog-een@team.example.org', locale: 'en' }, { cookie: own }, 'PUT');
    expect(refused.status).toBe(429);
    expect(await errorCode(refused)).toBe('too_many_mails');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect((await t.db.db.select().from(outbox)).length).toBe(mailsBefore);
    const [after] = await t.db.db.select().from(users).where(eq(users.id, user.id));
    expect(after!.notificationEmail).toBe(`adres${limit - 1}@team.example.org`);
    expect(after!.locale).toBeNull();

    // Changes that send no mail still go through; another account has its own count.
    expect((await post(t, '/poort/api/me/preferences', { locale: 'en' }, { cookie: own }, 'PUT')).status).toBe(200);
    expect((await post(t, '/poort/api/me/preferences', { notificationEmail: 'ander@team.example.org' }, { cookie }, 'PUT')).status).toBe(200);
  });
});
