// Throttling password logins (issue 10, item 5; matrix rows L03, L04): a limit per client network
// counted in the database, Retry-After on every 429, and a bounded argon2 queue (503, no hash).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '../../db/schema.js';
import { rateLimitRules } from '../../bff/src/rate-limits/rate-limit-policy.js';
import { availableParallelism } from 'node:os';
import { DEFAULT_PASSWORD_QUEUE_LIMIT, hashPassword, setPasswordQueueLimit } from '../../bff/src/passwords/password-hash.js';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import { GOOD_PASSWORD, errorCode, makeUser, post, sessionCookie } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';

const LIMIT = 5;
let t: TestApp;
beforeAll(async () => {
  // One proxy in front, as in the documented nginx set-up: it appends the real client to XFF.
  t = await createTestApp({ site: { ...demoSiteConfig, localAccounts: { loginAttemptsPerClient: LIMIT, maxFailedLogins: 100 } }, env: { POORT_TRUST_PROXY: '1' } });
});
afterAll(() => t.close());

/** A login through the proxy: `spoof` is what the client wrote, `client` what the proxy appended. */
const loginFrom = (client: string, email: string, password: string, spoof?: string) =>
  post(t, '/poort/api/login', { email, password }, { 'x-forwarded-for': spoof ? `${spoof}, ${client}` : client });

async function expectRateLimited(res: Response) {
  expect(res.status).toBe(429);
  expect(await errorCode(res)).toBe('rate_limited');
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  return retryAfter;
}

describe('failed logins per client network', () => {
  it('stop guessing many accounts from one address with 429 and Retry-After, before any password is checked', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await loginFrom('203.0.113.10', `gok${i}@gemeente.example.nl`, 'verkeerd wachtwoord')).status);
    expect(statuses).toEqual(Array(LIMIT).fill(401));
    const events = (await t.db.db.select().from(auditEvents)).length;
    const refused = await loginFrom('203.0.113.10', 'gok-nog-een@gemeente.example.nl', 'verkeerd wachtwoord');
    expect(await expectRateLimited(refused)).toBeLessThanOrEqual(15 * 60);
    // Refused before the password check: no audit event, nothing counted on an account.
    expect((await t.db.db.select().from(auditEvents)).length).toBe(events);
    // Another client is not affected.
    expect((await loginFrom('203.0.113.11', 'gok@gemeente.example.nl', 'verkeerd wachtwoord')).status).toBe(401);
  });

  it('is counted in the database, so instances share it', async () => {
    const other = await createTestApp({ site: { ...demoSiteConfig, localAccounts: { loginAttemptsPerClient: LIMIT } }, env: { POORT_TRUST_PROXY: '1' } }, t.db);
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i++) {
      const res = await post(i % 2 ? t : other, '/poort/api/login', { email: `gedeeld${i}@gemeente.example.nl`, password: 'verkeerd wachtwoord' }, { 'x-forwarded-for': '203.0.113.12' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array(LIMIT).fill(401), 429]);
  });

  it('never says whether a password was right while the network is limited', async () => {
    await makeUser(t, 'echt@gemeente.example.nl');
    const right = await loginFrom('203.0.113.10', 'echt@gemeente.example.nl', GOOD_PASSWORD);
    const wrong = await loginFrom('203.0.113.10', 'echt@gemeente.example.nl', 'verkeerd wachtwoord');
    expect(right.status).toBe(429);
    expect(right.headers.get('set-cookie')).toBeNull();
    expect(await right.text()).toBe(await wrong.text());
  });

  it('does not count successful logins, so many people behind one office address can log in', async () => {
    await makeUser(t, 'kantoor@gemeente.example.nl');
    const office = '198.51.100.20';
    for (let i = 0; i < LIMIT - 1; i++) expect((await loginFrom(office, 'kantoor@gemeente.example.nl', 'verkeerd wachtwoord')).status).toBe(401);
    for (let i = 0; i < 3 * LIMIT; i++) expect((await loginFrom(office, 'kantoor@gemeente.example.nl', GOOD_PASSWORD)).status).toBe(200);
    expect((await loginFrom(office, 'kantoor@gemeente.example.nl', 'verkeerd wachtwoord')).status).toBe(401);
    await expectRateLimited(await loginFrom(office, 'kantoor@gemeente.example.nl', 'verkeerd wachtwoord'));
  });

  it('cannot be escaped by writing another address leftmost in X-Forwarded-For (L03)', async () => {
    const real = '192.0.2.50';
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i++) statuses.push((await loginFrom(real, `xff${i}@gemeente.example.nl`, 'verkeerd wachtwoord', `10.9.8.${i}`)).status);
    expect(statuses).toEqual([...Array(LIMIT).fill(401), 429]);
    // The audit log names the address the proxy saw, not the spoofed one.
    const logged = await t.db.db.select().from(auditEvents).where(eq(auditEvents.ip, real));
    expect(logged).toHaveLength(LIMIT);
  });

  it('counts 1000 addresses inside one IPv6 /64 as one client (L04)', async () => {
    const statuses = new Map<number, number>();
    for (let i = 0; i < 1000; i++) {
      const address = `2001:db8:1:2:${((i * 7919) & 0xffff).toString(16)}:${i.toString(16)}:a:${(i % 97).toString(16)}`;
      const { status } = await loginFrom(address, `v6-${i}@gemeente.example.nl`, 'verkeerd wachtwoord');
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 401: LIMIT, 429: 1000 - LIMIT });
    expect((await loginFrom('2001:db8:1:3::1', 'v6-buren@gemeente.example.nl', 'verkeerd wachtwoord')).status).toBe(401);
  });

  it('still locks one account guessed from 100 different networks (L03)', async () => {
    const strict = await createTestApp({ env: { POORT_TRUST_PROXY: '1' } }, t.db);
    const user = await makeUser(t, 'verspreid@gemeente.example.nl');
    for (let i = 0; i < 100; i++) {
      await post(strict, '/poort/api/login', { email: 'verspreid@gemeente.example.nl', password: `fout ${i}` }, { 'x-forwarded-for': `100.64.${i}.1` });
    }
    const [after] = await t.db.db.select().from(users).where(eq(users.id, user.id));
    expect(after!.failedAttempts).toBe(100);
    expect(after!.lockedAt).toBeInstanceOf(Date);
    const right = await post(strict, '/poort/api/login', { email: 'verspreid@gemeente.example.nl', password: GOOD_PASSWORD }, { 'x-forwarded-for': '100.65.0.1' });
    expect(await errorCode(right)).toBe('invalid_credentials');
  });
});

describe('Retry-After on every 429', () => {
  it('forgot password per client network', async () => {
    for (let i = 0; i < rateLimitRules.forgotPerClient.limit; i++) {
      expect((await post(t, '/poort/api/password/forgot', { email: `vergeten${i}@gemeente.example.nl` }, { 'x-forwarded-for': '203.0.113.80' })).status).toBe(202);
    }
    await expectRateLimited(await post(t, '/poort/api/password/forgot', { email: 'vergeten@gemeente.example.nl' }, { 'x-forwarded-for': '203.0.113.80' }));
  });

  it('token redemptions (confirm, reset, invitation) per client network', async () => {
    const from = { 'x-forwarded-for': '203.0.113.81' };
    const token = 'A'.repeat(43);
    for (let i = 0; i < rateLimitRules.tokenPerClient.limit; i++) {
      expect(await errorCode(await post(t, '/poort/api/me/notification-email/confirm', { token }, from))).toBe('token_invalid');
    }
    await expectRateLimited(await post(t, '/poort/api/me/notification-email/confirm', { token }, from));
    await expectRateLimited(await post(t, '/poort/api/password/reset', { token, password: 'een lang nieuw wachtwoord' }, from));
    await expectRateLimited(await post(t, '/poort/api/invitation/accept', { token, password: 'een lang nieuw wachtwoord' }, from));
  });

  it('notification-address mails per account', async () => {
    const user = await makeUser(t, 'mailer@gemeente.example.nl');
    const cookie = await sessionCookie(t, user.id);
    for (let i = 0; i < rateLimitRules.notificationMailPerUser.limit; i++) await post(t, '/poort/api/me/preferences', { notificationEmail: `m${i}@team.example.org` }, { cookie }, 'PUT');
    const res = await post(t, '/poort/api/me/preferences', { notificationEmail: 'laatste@team.example.org' }, { cookie }, 'PUT');
    expect(res.status).toBe(429);
    expect(await errorCode(res)).toBe('too_many_mails');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('the argon2 queue is bounded', () => {
  afterAll(() => setPasswordQueueLimit(DEFAULT_PASSWORD_QUEUE_LIMIT));

  /**
   * Keeps every core and the whole waiting line busy with hashes of our own: each one that ends is
   * replaced in the same microtask run, before any request's I/O callback can take its place.
   */
  function fillArgon2Line(line: number) {
    setPasswordQueueLimit(line);
    let pumping = true;
    const pump = (): Promise<void> => hashPassword('iets anders dan een login').then(() => (pumping ? pump() : undefined), () => undefined);
    const pumps = Array.from({ length: availableParallelism() + line }, pump);
    return async () => {
      pumping = false;
      await Promise.all(pumps);
      setPasswordQueueLimit(DEFAULT_PASSWORD_QUEUE_LIMIT);
    };
  }

  it('refuses logins beyond it with 503 service_unavailable and Retry-After, and checks no password for them', async () => {
    // A tight network limit too: logins refused for a full line checked no password, so they must
    // not count as guesses (an office retrying during an overload is not locked out afterwards).
    const roomy = await createTestApp({ site: { ...demoSiteConfig, localAccounts: { maxFailedLogins: 100, loginAttemptsPerClient: 5 } } }, t.db);
    const user = await makeUser(t, 'druk@gemeente.example.nl');
    const eventsBefore = (await t.db.db.select().from(auditEvents)).length;
    const drain = fillArgon2Line(3);
    try {
      const answers = [];
      for (let i = 0; i < 20; i++) {
        const res = await post(roomy, '/poort/api/login', { email: 'druk@gemeente.example.nl', password: i === 0 ? GOOD_PASSWORD : `fout ${i}` });
        answers.push({ status: res.status, code: await errorCode(res), retryAfter: res.headers.get('retry-after') });
      }
      expect(answers).toEqual(Array(20).fill({ status: 503, code: 'service_unavailable', retryAfter: '2' }));
      // An unknown address costs the same argon2 work as a known one (L05): it waits in the same line.
      const unknown = await post(roomy, '/poort/api/login', { email: 'bestaat-niet@gemeente.example.nl', password: 'fout fout fout' });
      expect({ status: unknown.status, code: await errorCode(unknown) }).toEqual({ status: 503, code: 'service_unavailable' });
    } finally {
      await drain();
    }
    // No password was checked: nothing counted against the account, no login event.
    const [after] = await t.db.db.select().from(users).where(eq(users.id, user.id));
    expect(after!.failedAttempts).toBe(0);
    expect((await t.db.db.select().from(auditEvents)).length).toBe(eventsBefore);
    // Once the line has room again, logins work.
    expect((await post(roomy, '/poort/api/login', { email: 'druk@gemeente.example.nl', password: GOOD_PASSWORD })).status).toBe(200);
    expect((await post(roomy, '/poort/api/login', { email: 'bestaat-niet@gemeente.example.nl', password: 'fout fout fout' })).status).toBe(401);
  });
});
