// S20: the same Response posted to two app instances on one database at the same moment gives
// exactly one session; the database (a conditional update and a primary key) decides, not memory.
// A person's first two logins at once give one account (the identity's unique key decides).
import { and, eq, isNull, notExists } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/open.js';
import { identities, sessions, users } from '../../db/schema.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { openTestDb, type TestDb } from '../support/db.js';
import { postToAcs } from './flow.js';
import { sessionCount, startAt } from './harness.js';
import { buildResponse } from './response-builder.js';

let db: TestDb;
let second: TestDb | undefined;
let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  db = await openTestDb();
  // On PostgreSQL the second instance gets its own connection pool, as a second process would.
  second = db.url ? { ...(await openDb({ url: db.url, max: 5 })) } : undefined;
  a = await createTestApp({}, db);
  b = await createTestApp({}, second ?? db);
});
afterAll(async () => {
  await second?.close();
  await db.close();
});

describe('replay across two instances', () => {
  it('lets exactly one of two simultaneous posts of one Response log in', async () => {
    for (let round = 0; round < 5; round++) {
      const s = await startAt(a);
      const { xml } = buildResponse({ ...s.spec, pseudonym: `S-race-${round}` });
      const before = await sessionCount(a);
      const results = await Promise.all([postToAcs(a, xml, s.relayState), postToAcs(b, xml, s.relayState)]);
      const locations = results.map((r) => r.headers.get('location'));
      expect(results.every((r) => r.status === 303)).toBe(true);
      expect(locations.filter((l) => l === '/mijn')).toHaveLength(1);
      expect(locations.filter((l) => l === '/mijn?poort-error=saml_invalid')).toHaveLength(1);
      expect(await sessionCount(a)).toBe(before + 1);
    }
  });

  it("gives a person's first logins, answered on two instances at once, one account between them", async () => {
    for (let round = 0; round < 5; round++) {
      const pseudonym = `S-first-${round}`;
      const [s1, s2] = [await startAt(a), await startAt(b)];
      const results = await Promise.all([
        postToAcs(a, buildResponse({ ...s1.spec, pseudonym }).xml, s1.relayState),
        postToAcs(b, buildResponse({ ...s2.spec, pseudonym }).xml, s2.relayState),
      ]);
      expect(results.map((r) => [r.status, r.headers.get('location')])).toEqual([
        [303, '/mijn'],
        [303, '/mijn'],
      ]);
      const owners = await db.db.select({ userId: identities.userId }).from(identities).where(eq(identities.subject, pseudonym));
      expect(owners).toHaveLength(1);
      const sessionsOf = await db.db.select({ userId: sessions.userId }).from(sessions).where(eq(sessions.userId, owners[0]!.userId));
      expect(sessionsOf).toHaveLength(2);
      // The account the losing insert made is gone again: no user without an identity or a password.
      expect(await db.db.select({ id: users.id }).from(users).where(and(isNull(users.email), notExists(db.db.select().from(identities).where(eq(identities.userId, users.id)))))).toEqual([]);
    }
  });

  it('lets a login started on one instance finish on the other', async () => {
    const s = await startAt(a);
    const { xml } = buildResponse({ ...s.spec, pseudonym: 'S-cross' });
    expect((await postToAcs(b, xml, s.relayState)).headers.get('location')).toBe('/mijn');
  });
});
