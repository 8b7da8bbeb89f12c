// POST /poort/api/login: one answer for every failure, an atomic lockout counter, admins sent to
// eHerkenning, weak old hashes upgraded.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, outbox, sessions, users } from '../../db/schema.js';
import { hash } from '@node-rs/argon2';
import { argon2Params } from '../../bff/src/passwords/password-hash.js';
import { GOOD_PASSWORD, makeOrganisation, makeUser, post } from '../support/accounts.js';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { rowCounts } from '../support/row-counts.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const org = await makeOrganisation(t);
  await makeUser(t, 'actief@gemeente.example.nl', { organisationId: org.id });
  await makeUser(t, 'uitgenodigd@gemeente.example.nl', { password: null });
  const blocked = await makeUser(t, 'geblokkeerd@gemeente.example.nl');
  await t.db.db.update(users).set({ lockedAt: new Date(), failedAttempts: 5 }).where(eq(users.id, blocked.id));
  const disabled = await makeUser(t, 'uit@gemeente.example.nl');
  await t.db.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id));
  await makeUser(t, 'beheer@gemeente.example.nl', { role: 'admin' });
});
afterAll(() => t.close());

const login = (email: string, password: string) => post(t, '/poort/api/login', { email, password });

describe('no user enumeration', () => {
  it('gives the same status and body for an unknown address, a wrong password, a blocked, a disabled and an invited account', async () => {
    const answers = await Promise.all(
      [
        login('onbekend@gemeente.example.nl', GOOD_PASSWORD),
        login('actief@gemeente.example.nl', 'verkeerd wachtwoord'),
        login('geblokkeerd@gemeente.example.nl', GOOD_PASSWORD),
        login('uit@gemeente.example.nl', GOOD_PASSWORD),
        login('uitgenodigd@gemeente.example.nl', GOOD_PASSWORD),
      ].map(async (r) => {
        const res = await r;
        return { status: res.status, body: await res.text(), cookie: res.headers.get('set-cookie') };
      }),
    );
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]).toEqual({ status: 401, body: JSON.stringify({ error: { code: 'invalid_credentials', message: 'The e-mail address or password is not correct.' } }), cookie: null });
  });

  it('logs failures without the address that was tried or the password', async () => {
    const events = await t.db.db.select().from(auditEvents).where(eq(auditEvents.type, 'login'));
    expect(events.map((e) => e.reason)).toEqual(expect.arrayContaining(['unknown_email', 'wrong_password', 'blocked', 'disabled', 'no_password']));
    const text = JSON.stringify(events);
    expect(text).not.toContain('onbekend@');
    expect(text).not.toContain(GOOD_PASSWORD);
  });
});

describe('lockout', () => {
  it('counts 20 parallel wrong passwords, every one, and blocks', async () => {
    const user = await makeUser(t, 'parallel@gemeente.example.nl');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => login('parallel@gemeente.example.nl', `fout wachtwoord ${i}`)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(401));
    const [after] = await t.db.db.select().from(users).where(eq(users.id, user.id));
    expect(after!.failedAttempts).toBe(20);
    expect(after!.lockedAt).toBeInstanceOf(Date);
    const blockedEvents = await t.db.db.select().from(auditEvents).where(eq(auditEvents.type, 'account_blocked'));
    expect(blockedEvents.filter((e) => e.userId === user.id)).toHaveLength(1);
  });

  it('resets the counter on a successful login', async () => {
    const user = await makeUser(t, 'teller@gemeente.example.nl');
    for (let i = 0; i < 4; i++) await login('teller@gemeente.example.nl', 'verkeerd wachtwoord');
    expect((await login('teller@gemeente.example.nl', GOOD_PASSWORD)).status).toBe(200);
    const [after] = await t.db.db.select().from(users).where(eq(users.id, user.id));
    expect(after!.failedAttempts).toBe(0);
    for (let i = 0; i < 4; i++) await login('teller@gemeente.example.nl', 'verkeerd wachtwoord');
    expect((await login('teller@gemeente.example.nl', GOOD_PASSWORD)).status).toBe(200);
  });

  it('lets a blocked person recover through their mailbox: the reset unblocks (L06)', async () => {
    await makeUser(t, 'herstel@gemeente.example.nl');
    for (let i = 0; i < 5; i++) await login('herstel@gemeente.example.nl', `fout wachtwoord ${i}`);
    expect((await login('herstel@gemeente.example.nl', GOOD_PASSWORD)).status).toBe(401);
    expect((await post(t, '/poort/api/password/forgot', { email: 'herstel@gemeente.example.nl' })).status).toBe(202);
    const [mail] = await t.db.db.select().from(outbox).where(eq(outbox.to, 'herstel@gemeente.example.nl'));
    const token = new URL(/https?:\/\/\S+/.exec(mail!.text)![0]).searchParams.get('poort-reset');
    expect((await post(t, '/poort/api/password/reset', { token, password: 'een nieuw en lang wachtwoord' })).status).toBe(200);
    expect((await login('herstel@gemeente.example.nl', 'een nieuw en lang wachtwoord')).status).toBe(200);
  });

  it('uses site.localAccounts.maxFailedLogins', async () => {
    const strict = await createTestApp({ site: { ...demoSiteConfig, localAccounts: { maxFailedLogins: 2 } } });
    try {
      await makeUser(strict, 'streng@gemeente.example.nl');
      for (let i = 0; i < 2; i++) await post(strict, '/poort/api/login', { email: 'streng@gemeente.example.nl', password: 'verkeerd wachtwoord' });
      expect((await post(strict, '/poort/api/login', { email: 'streng@gemeente.example.nl', password: GOOD_PASSWORD })).status).toBe(401);
    } finally {
      await strict.close();
    }
  });
});

describe('admins', () => {
  it('are sent to eHerkenning (own code) after a correct password, and get no session', async () => {
    const before = (await rowCounts(t.db.db)).sessions;
    const res = await login('beheer@gemeente.example.nl', GOOD_PASSWORD);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('admin_requires_eherkenning');
    expect((await rowCounts(t.db.db)).sessions).toBe(before);
    // A wrong password gets the ordinary answer: the role is not revealed to guessers.
    expect((await login('beheer@gemeente.example.nl', 'verkeerd wachtwoord')).status).toBe(401);
  });

  it('may use a password where the site allows it', async () => {
    const open = await createTestApp({ site: { ...demoSiteConfig, localAccounts: { adminsMustUseEherkenning: false } } });
    try {
      await makeUser(open, 'beheer@gemeente.example.nl', { role: 'admin' });
      const res = await post(open, '/poort/api/login', { email: 'beheer@gemeente.example.nl', password: GOOD_PASSWORD });
      expect(res.status).toBe(200);
      expect((await res.json()).user.role).toBe('admin');
    } finally {
      await open.close();
    }
  });
});

describe('password hashes', () => {
  it('stores argon2id with m=19456, t=2, p=1 and upgrades a weaker hash at the next login (L10)', async () => {
    const weak = await hash(GOOD_PASSWORD, { ...argon2Params, memoryCost: 4096, timeCost: 1 });
    const [user] = await t.db.db.insert(users).values({ email: 'oud@gemeente.example.nl', passwordHash: weak }).returning();
    expect((await login('oud@gemeente.example.nl', GOOD_PASSWORD)).status).toBe(200);
    const [after] = await t.db.db.select().from(users).where(eq(users.id, user!.id));
    expect(after!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('keeps spaces and compares composed and decomposed accents as the same password (NFC)', async () => {
    const { hashPassword } = await import('../../bff/src/passwords/password-hash.js');
    const password = ' crème brûlée voor iedereen ';
    await t.db.db.insert(users).values({ email: 'nfc@gemeente.example.nl', passwordHash: await hashPassword(password) });
    expect((await login('nfc@gemeente.example.nl', password.normalize('NFD'))).status).toBe(200);
    expect((await login('nfc@gemeente.example.nl', password.trim())).status).toBe(401);
  });

  it('never writes a session for a failed login', async () => {
    const before = await t.db.db.select().from(sessions);
    await login('actief@gemeente.example.nl', 'verkeerd wachtwoord');
    expect(await t.db.db.select().from(sessions)).toHaveLength(before.length);
  });
});
