// The ACS has a deadline of its own (POORT_ACS_DEADLINE_MS), longer than every other route's: it
// answers a login the person has just completed at their broker, which a retry cannot bring back.
// Held up past the general deadline it still logs in; past its own it answers 503 like any route,
// and nothing of it commits, so the same answer may be posted again.
import { eq, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samlRequests } from '../../db/schema.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDbKind } from '../support/db.js';
import { cookieOf, postToAcs } from './flow.js';
import { sessionCount, startAt } from './harness.js';
import { buildResponse } from './response-builder.js';

const GENERAL_MS = 700;
const ACS_MS = 4000;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { POORT_REQUEST_DEADLINE_MS: String(GENERAL_MS), POORT_ACS_DEADLINE_MS: String(ACS_MS) } });
});
afterAll(() => t.close());

/**
 * Holds a lock (on PGlite: the whole database) until `ms` have passed. The stored request's row:
 * the ACS waits for it when it uses the request up; the table: a login start waits to store one.
 */
function holdRequestRow(requestId: string, ms: number): Promise<{ released: Promise<void> }> {
  return hold(sql`select id from saml_requests where id = ${requestId} for update`, ms);
}

async function hold(lock: SQL, ms: number): Promise<{ released: Promise<void> }> {
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => (locked = r));
  const done = t.db.db.transaction(async (tx) => {
    await tx.execute(lock);
    locked();
    await new Promise((r) => setTimeout(r, ms));
  });
  await isLocked;
  return { released: done };
}

async function consumed(requestId: string): Promise<boolean> {
  const [row] = await t.db.db.select({ consumedAt: samlRequests.consumedAt }).from(samlRequests).where(eq(samlRequests.id, requestId));
  return row!.consumedAt !== null;
}

describe(`the ACS deadline on ${testDbKind}`, () => {
  it('logs in when the ACS is held up past the general deadline but within its own', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse(s.spec);
    const before = await sessionCount(t);
    const held = await holdRequestRow(s.requestId, 2 * GENERAL_MS);
    const res = await postToAcs(t, xml, s.relayState);
    await held.released;
    expect(res.status).toBe(303);
    expect(new URL(res.headers.get('location')!, 'http://x').searchParams.get('poort-error')).toBeNull();
    expect(cookieOf(res)).toMatch(/^poort_session=/);
    expect(await sessionCount(t)).toBe(before + 1);
  });

  it('answers 503 past its own deadline, commits nothing, and takes the same answer once the database is free', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse(s.spec);
    const before = await sessionCount(t);
    const held = await holdRequestRow(s.requestId, ACS_MS + 2000);
    const res = await postToAcs(t, xml, s.relayState);
    await held.released;
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(await consumed(s.requestId)).toBe(false);
    expect(await sessionCount(t)).toBe(before);

    const again = await postToAcs(t, xml, s.relayState);
    expect(again.status).toBe(303);
    expect(cookieOf(again)).toMatch(/^poort_session=/);
    expect(await consumed(s.requestId)).toBe(true);
  });

  it('keeps the general deadline for every other route', async () => {
    const held = await hold(sql`lock table saml_requests in exclusive mode`, 2 * GENERAL_MS + 500);
    const res = await t.app.request('/poort/auth/eherkenning/start?broker=demo-noord&returnTo=/mijn');
    await held.released;
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
  });
});
