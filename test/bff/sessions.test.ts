import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../support/db.js';
import { auditEvents, sessions, users } from '../../db/schema.js';
import { hashSecretToken } from '../../bff/src/security/secret-token.js';
import { cookieValue } from '../../bff/src/sessions/session-cookie.js';
import { initialExpiry, isLive, lifetimesFrom, nextIdleExpiry } from '../../bff/src/sessions/session-policy.js';
import { createAuditedSession, createSession, deleteUserSessions, findActiveSession } from '../../bff/src/sessions/session-store.js';
import { createTestApp, type TestApp } from '../support/app.js';

const lifetimes = lifetimesFrom({ idleMinutes: 30, absoluteHours: 8 });
const minute = 60_000;

describe('session lifetimes (pure)', () => {
  const t0 = new Date('2026-01-01T09:00:00Z');
  it('expires after 30 idle minutes, and never later than 8 hours after login', () => {
    const e = initialExpiry(t0, lifetimes);
    expect(e.idleExpiresAt.getTime() - t0.getTime()).toBe(30 * minute);
    expect(e.absoluteExpiresAt.getTime() - t0.getTime()).toBe(8 * 60 * minute);
    const late = new Date(t0.getTime() + 7 * 60 * minute + 50 * minute);
    expect(nextIdleExpiry(late, t0, e.absoluteExpiresAt, lifetimes)).toEqual(e.absoluteExpiresAt);
  });
  it('does not write on every request: the idle expiry slides only after a while', () => {
    const e = initialExpiry(t0, lifetimes);
    expect(nextIdleExpiry(new Date(t0.getTime() + 10_000), t0, e.absoluteExpiresAt, lifetimes)).toBeUndefined();
    expect(nextIdleExpiry(new Date(t0.getTime() + 5 * minute), t0, e.absoluteExpiresAt, lifetimes)).toBeInstanceOf(Date);
  });
});

describe('session checks (pure)', () => {
  it('a session is live only before both of its expiries', () => {
    const t0 = new Date('2026-01-01T09:00:00Z');
    const e = initialExpiry(t0, lifetimes);
    expect(isLive(e, t0)).toBe(true);
    expect(isLive(e, e.idleExpiresAt)).toBe(false);
    expect(isLive({ ...e, idleExpiresAt: new Date(e.absoluteExpiresAt.getTime() + minute) }, e.absoluteExpiresAt)).toBe(false);
  });

  it('reads exactly the named cookie from a Cookie header', () => {
    expect(cookieValue('poort_session=abc', 'poort_session')).toBe('abc');
    expect(cookieValue('a=1; poort_session=abc; b=2', 'poort_session')).toBe('abc');
    expect(cookieValue('a=1;poort_session="abc"', 'poort_session')).toBe('abc');
    expect(cookieValue('xpoort_session=evil; poort_session_old=evil', 'poort_session')).toBeUndefined();
    expect(cookieValue('poort_session=first; poort_session=second', 'poort_session')).toBe('first');
    expect(cookieValue('poort_session', 'poort_session')).toBeUndefined();
    expect(cookieValue('', 'poort_session')).toBeUndefined();
  });
});

describe('sessions in the database', () => {
  let t: TestApp;
  let userId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const [u] = await t.db.db.insert(users).values({ email: 'sanne@example.nl', displayName: 'Sanne' }).returning();
    userId = u!.id;
  });
  afterAll(() => t.close());

  it('stores only the hash of a 256-bit token', async () => {
    const { token } = await createSession(t.db.db, { userId, method: 'email' }, lifetimes);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const rows = await t.db.db.select().from(sessions).where(eq(sessions.userId, userId));
    expect(rows.map((r) => r.tokenHash)).toContain(hashSecretToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('finds a live session, and none after idle or absolute expiry or for a disabled user', async () => {
    const now = new Date();
    const { token } = await createSession(t.db.db, { userId, method: 'email' }, lifetimes, now);
    expect((await findActiveSession(t.db.db, token, lifetimes, now))?.user.id).toBe(userId);
    expect(await findActiveSession(t.db.db, token, lifetimes, new Date(now.getTime() + 31 * minute))).toBeUndefined();
    expect(await findActiveSession(t.db.db, token, lifetimes, new Date(now.getTime() + 9 * 60 * minute))).toBeUndefined();
    expect(await findActiveSession(t.db.db, 'not-a-token', lifetimes, now)).toBeUndefined();
    await t.db.db.update(users).set({ disabledAt: now }).where(eq(users.id, userId));
    expect(await findActiveSession(t.db.db, token, lifetimes, now)).toBeUndefined();
    await t.db.db.update(users).set({ disabledAt: null }).where(eq(users.id, userId));
  });

  it('answers many checks arriving at once, each with its own session, and never the password hash', async () => {
    const now = new Date();
    const others = await t.db.db
      .insert(users)
      .values(Array.from({ length: 30 }, (_, i) => ({ email: `persoon${i}@example.nl`, passwordHash: 'not-a-real-hash' })))
      .returning();
    const tokens = await Promise.all(others.map((u) => createSession(t.db.db, { userId: u.id, method: 'email' }, lifetimes, now).then((s) => s.token)));
    const asked = [...tokens, tokens[0]!, 'x'.repeat(43)];
    const found = await Promise.all(asked.map((token) => findActiveSession(t.db.db, token, lifetimes, now)));
    expect(found.slice(0, 30).map((f) => f?.user.id)).toEqual(others.map((u) => u.id));
    expect(found[30]?.user.id).toBe(others[0]!.id);
    expect(found[31]).toBeUndefined();
    expect(JSON.stringify(found)).not.toContain('not-a-real-hash');
    // Nothing is remembered between checks: a session ended a moment ago is gone for the next one.
    await t.db.db.delete(sessions).where(eq(sessions.tokenHash, hashSecretToken(tokens[1]!)));
    expect(await findActiveSession(t.db.db, tokens[1]!, lifetimes, now)).toBeUndefined();
  });

  it('fails every check of a shared query when the database fails, none half answered', async () => {
    const own = await openTestDb();
    const [u] = await own.db.insert(users).values({ email: 'kees@example.nl' }).returning();
    const { token } = await createSession(own.db, { userId: u!.id, method: 'email' }, lifetimes);
    await own.close();
    const results = await Promise.allSettled([token, token, 'y'.repeat(43)].map((t2) => findActiveSession(own.db, t2, lifetimes)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
  });

  it('writes a session and its audit event together, every column as given (the login\'s prepared statement)', async () => {
    const now = new Date('2026-03-02T10:00:00.000Z');
    const audit = { type: 'login', outcome: 'success', userId, method: 'email', reason: 'test_reason', details: { step: 'één' } } as const;
    const origin = { ip: '192.0.2.7', userAgent: 'Test/1.0', requestId: 'req-audited-1' };
    // Twice on the same handle: the second call runs the statement prepared by the first.
    for (const attributes of [{ kvk: '12345678' }, {}] as Array<Record<string, string>>) {
      const { token, session } = await createAuditedSession(t.db.db, { userId, method: 'email', level: 'substantial', attributes }, lifetimes, audit, origin, now);
      const [row] = await t.db.db.select().from(sessions).where(eq(sessions.tokenHash, hashSecretToken(token)));
      expect(row).toEqual(session);
      expect(row).toMatchObject({ userId, method: 'email', level: 'substantial', actingFor: null, organisationChoicePending: false, attributes, createdAt: now, lastSeenAt: now, ...initialExpiry(now, lifetimes) });
    }
    const events = await t.db.db.select().from(auditEvents).where(eq(auditEvents.requestId, 'req-audited-1'));
    expect(events).toHaveLength(2);
    for (const event of events) {
      expect(event).toMatchObject({ ...audit, ...origin, organisationId: null, actorId: null, broker: null, level: null, application: null });
      expect(event.at).toBeInstanceOf(Date);
    }
  });

  it('ends every session of a user at once', async () => {
    await createSession(t.db.db, { userId, method: 'email' }, lifetimes);
    expect(await deleteUserSessions(t.db.db, userId)).toBeGreaterThan(0);
    expect(await t.db.db.select().from(sessions).where(eq(sessions.userId, userId))).toEqual([]);
  });

  describe('GET /poort/api/session and POST /poort/api/logout', () => {
    it('answers 401 in the error shape without a cookie, and with an unknown one', async () => {
      for (const headers of [{}, { cookie: 'poort_session=forged' }] as Array<Record<string, string>>) {
        const res = await t.app.request('/poort/api/session', { headers });
        expect(res.status).toBe(401);
        expect((await res.json()).error.code).toBe('unauthenticated');
      }
    });

    it('describes the session, then logs out server-side and clears the cookie', async () => {
      const { token } = await createSession(t.db.db, { userId, method: 'eherkenning', level: 'loa3', attributes: { kvk: '12345678' } }, lifetimes);
      const cookie = `poort_session=${token}`;
      const res = await t.app.request('/poort/api/session', { headers: { cookie } });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        user: { id: userId, email: 'sanne@example.nl', role: 'user' },
        method: 'eherkenning',
        level: 'loa3',
        attributes: { kvk: '12345678' },
        expiresAt: expect.any(String),
      });

      const out = await t.app.request('/poort/api/logout', { method: 'POST', headers: { cookie, 'sec-fetch-site': 'same-origin' } });
      expect(out.status).toBe(204);
      expect(out.headers.get('set-cookie')).toMatch(/poort_session=;.*Max-Age=0/i);
      expect(await t.db.db.select().from(sessions).where(eq(sessions.tokenHash, hashSecretToken(token)))).toEqual([]);
      const [event] = await t.db.db.select().from(auditEvents).where(eq(auditEvents.type, 'logout'));
      expect(event).toMatchObject({ userId, outcome: 'success', method: 'eherkenning' });
      expect((await t.app.request('/poort/api/session', { headers: { cookie } })).status).toBe(401);
    });

    it('refuses a cross-site logout (CSRF) and keeps the session', async () => {
      const { token } = await createSession(t.db.db, { userId, method: 'email' }, lifetimes);
      const res = await t.app.request('/poort/api/logout', { method: 'POST', headers: { cookie: `poort_session=${token}`, 'sec-fetch-site': 'cross-site' } });
      expect(res.status).toBe(403);
      expect(await t.db.db.select().from(sessions).where(eq(sessions.tokenHash, hashSecretToken(token)))).toHaveLength(1);
    });

    it('uses the __Host- cookie on https', async () => {
      const { token } = await createSession(t.db.db, { userId, method: 'email' }, lifetimes);
      const plain = await t.app.request('https://poort.example/poort/api/session', { headers: { cookie: `poort_session=${token}` } });
      expect(plain.status).toBe(401);
      const host = await t.app.request('https://poort.example/poort/api/session', { headers: { cookie: `__Host-poort_session=${token}` } });
      expect(host.status).toBe(200);
    });
  });
});
