// Housekeeping (issue 10, item 13): expired sessions, spent tokens, old SAML rows and ended
// rate-limit windows are deleted; what is still in use stays; one instance per interval does it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingLinks, rateLimits, samlRequests, samlSeen, sessions, tokens, users } from '../../db/schema.js';
import { deleteStaleRows, PENDING_LINK_KEEP_MS, runHousekeeping, SPENT_TOKEN_KEEP_MS } from '../../bff/src/housekeeping/housekeeping.js';
import { hitRateLimit } from '../../bff/src/rate-limits/rate-limit-store.js';
import { hashSecretToken, newSecretToken } from '../../bff/src/security/secret-token.js';
import { openTestDb, type TestDb } from '../support/db.js';

const HOUR = 3_600_000;
const now = new Date('2026-12-01T12:00:00Z');
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

let db: TestDb;
let userId: string;
beforeAll(async () => {
  db = await openTestDb();
  const [user] = await db.db.insert(users).values({ email: 'huis@gemeente.example.nl' }).returning();
  userId = user!.id;
});
afterAll(() => db.close());

async function seed() {
  const session = (name: string, idle: number, absolute: number) => ({ tokenHash: `session-${name}`, userId, method: 'email' as const, idleExpiresAt: at(idle), absoluteExpiresAt: at(absolute) });
  await db.db.insert(sessions).values([session('active', HOUR, 8 * HOUR), session('idle-ended', -1, 8 * HOUR), session('absolute-ended', HOUR, -1)]);
  const token = (name: string, expires: number, used?: number) => ({ tokenHash: hashSecretToken(`${name}-${newSecretToken()}`), purpose: 'password_reset' as const, userId, data: { name }, expiresAt: at(expires), usedAt: used === undefined ? null : at(used) });
  await db.db.insert(tokens).values([
    token('valid', HOUR),
    token('used-recently', HOUR, -HOUR),
    token('expired-recently', -HOUR),
    token('used-long-ago', -SPENT_TOKEN_KEEP_MS - 2 * HOUR, -SPENT_TOKEN_KEEP_MS - 3 * HOUR),
    token('expired-long-ago', -SPENT_TOKEN_KEEP_MS - HOUR),
  ]);
  const request = (id: string, expires: number) => ({ id, relayState: `rs-${id}`, broker: 'demo', returnTo: '/', level: 'loa2plus', expiresAt: at(expires) });
  await db.db.insert(samlRequests).values([request('fresh', 15 * 60_000), request('expired-today', -HOUR), request('expired-days-ago', -48 * HOUR)]);
  await db.db.insert(samlSeen).values([
    { id: 'assertion:current', kind: 'assertion', expiresAt: at(HOUR) },
    { id: 'assertion:old', kind: 'assertion', expiresAt: at(-1) },
  ]);
  await db.db.insert(rateLimits).values([
    { key: 'login:client:current', count: 3, windowStartedAt: at(-60_000), expiresAt: at(60_000) },
    { key: 'login:client:ended', count: 9, windowStartedAt: at(-20 * 60_000), expiresAt: at(-5 * 60_000) },
  ]);
  const link = (returnTo: string, expires: number, ended?: number) => ({ browserBinding: 'b', scheme: 'eherkenning' as const, issuer: 'i', subject: 's', level: 'loa3', returnTo, expiresAt: at(expires), endedAt: ended === undefined ? null : at(ended) });
  await db.db.insert(pendingLinks).values([
    link('/waiting', HOUR),
    link('/ended-recently', HOUR, -HOUR),
    link('/ended-long-ago', HOUR, -PENDING_LINK_KEEP_MS - HOUR),
    link('/expired-long-ago', -PENDING_LINK_KEEP_MS - HOUR),
  ]);
}

describe('housekeeping', () => {
  it('deletes expired sessions, spent tokens, old SAML rows and ended rate-limit windows, and keeps the rest', async () => {
    await seed();
    const counts = await deleteStaleRows(db.db, now);
    expect(counts).toEqual({ sessions: 2, tokens: 2, saml: 2, rateLimits: 1, pendingLinks: 2 });
    expect((await db.db.select().from(sessions)).map((s) => s.tokenHash)).toEqual(['session-active']);
    expect((await db.db.select().from(tokens)).map((t) => t.data.name).sort()).toEqual(['expired-recently', 'used-recently', 'valid']);
    expect((await db.db.select().from(samlRequests)).map((r) => r.id).sort()).toEqual(['expired-today', 'fresh']);
    expect((await db.db.select().from(samlSeen)).map((r) => r.id)).toEqual(['assertion:current']);
    expect((await db.db.select().from(rateLimits)).map((r) => r.key)).toEqual(['login:client:current']);
    expect((await db.db.select().from(pendingLinks)).map((r) => r.returnTo).sort()).toEqual(['/ended-recently', '/waiting']);
    // A second round finds nothing more to do.
    expect(await deleteStaleRows(db.db, now)).toEqual({ sessions: 0, tokens: 0, saml: 0, rateLimits: 0, pendingLinks: 0 });
  });

  it('runs once per interval however many instances try at the same time, and again in the next interval', async () => {
    const interval = 10 * 60_000;
    const later = at(HOUR);
    const rounds = await Promise.all(Array.from({ length: 4 }, () => runHousekeeping(db.db, interval, later)));
    expect(rounds.filter((r) => r !== undefined)).toHaveLength(1);
    expect(await runHousekeeping(db.db, interval, at(HOUR + 60_000))).toBeUndefined();
    expect(await runHousekeeping(db.db, interval, at(HOUR + interval))).toBeDefined();
  });

  it('does not disturb a rate limit that is counting meanwhile', async () => {
    const rule = { name: 'test', limit: 2, windowMs: 60_000 };
    await hitRateLimit(db.db, rule, 'x', now);
    await deleteStaleRows(db.db, at(30_000));
    expect(await hitRateLimit(db.db, rule, 'x', at(31_000))).toBe(false);
    expect(await hitRateLimit(db.db, rule, 'x', at(32_000))).toBe(true);
  });
});
