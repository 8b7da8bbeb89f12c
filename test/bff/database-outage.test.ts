// The database goes away in the middle of use: login answers 503 service_unavailable (with
// Retry-After) and writes nothing half; when the database is back, the same process works again.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDb, type DbHandle } from '../../db/open.js';
import { GOOD_PASSWORD, makeUser, post } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { rowCounts } from '../support/row-counts.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwaway-postgres.js';

const login = (t: TestApp) => post(t, '/poort/api/login', { email: 'storing@gemeente.example.nl', password: GOOD_PASSWORD });

describe('database outage', () => {
  // PostgreSQL: a cluster of the test's own is really stopped and started again. This runs in the
  // postgres project only (the machine has PostgreSQL's server binaries there).
  if (process.env.POORT_TEST_DB === 'postgres') {
    let pg: ThrowawayPostgres;
    let handle: DbHandle;
    let t: TestApp;
    beforeAll(async () => {
      pg = await startThrowawayPostgres();
      handle = await openDb({ url: pg.url, max: 3 });
      t = await createTestApp({}, handle);
      await makeUser(t, 'storing@gemeente.example.nl');
    });
    afterAll(async () => {
      await handle?.close().catch(() => {});
      pg?.destroy();
    });

    it('answers 503 while PostgreSQL is stopped and recovers without a restart', async () => {
      expect((await login(t)).status).toBe(200);
      const before = await rowCounts(t.db.db);
      pg.stop();
      const down = await login(t);
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBe('30');
      expect(await down.json()).toEqual({ error: { code: 'service_unavailable', message: expect.stringMatching(/temporarily unavailable/) } });
      expect((await post(t, '/poort/api/password/forgot', { email: 'storing@gemeente.example.nl' })).status).toBe(503);
      pg.start();
      // Nothing half written: the requests during the outage left no row behind.
      // The pool reconnects on the next query; the first ones may still meet a dead connection
      // (each can wait out the 5 s connect timeout: about 15 s in all, measured), so poll with a
      // generous deadline rather than a fixed number of quick tries.
      const poll = { timeout: 60_000, interval: 200 };
      expect(await vi.waitFor(() => rowCounts(t.db.db), poll)).toEqual(before);
      await vi.waitFor(async () => expect((await login(t)).status).toBe(200), poll);
    }, 150_000);
  }

  // PGlite lives inside the process, so it cannot go away on its own; a closed instance stands in
  // for "unreachable" and must give the same 503, never a 500.
  it('answers 503 when the embedded database is closed', async () => {
    const t = await createTestApp();
    await makeUser(t, 'storing@gemeente.example.nl');
    await t.db.close();
    const res = await login(t);
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('service_unavailable');
  });
});
