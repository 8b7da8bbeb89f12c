// Poort's patch of postgres.js (db/driver-patch/): without it, a transaction whose connection the
// server closes (PostgreSQL restarting, a backend terminated) queues its ROLLBACK on the closed
// connection, and the driver throws from a setImmediate: an uncaught TypeError that ends the process.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPatch, edits, isPatched, PATCHED_VERSION, postgresDir } from '../../db/driver-patch/postgres-socket-patch.mjs';
import { isDatabaseUnavailable } from '../../bff/src/http/database-unavailable.js';
import { openTestDb, testDbKind, type TestDb } from '../support/db.js';

const copies = ['src/connection.js', 'cjs/src/connection.js', 'cf/src/connection.js'];

/** A copy of the installed package with the edits taken out again: postgres.js as npm ships it. */
function unpatchedCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'poort-pgjs-'));
  cpSync(join(postgresDir(), 'package.json'), join(dir, 'package.json'));
  for (const file of copies) {
    cpSync(join(postgresDir(), file), join(dir, file));
    let text = readFileSync(join(dir, file), 'utf8');
    for (const edit of edits) text = text.replace(edit.replace, edit.find);
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

describe('postgres.js patch (db/driver-patch/)', () => {
  it('is applied to the installed driver', () => {
    expect(isPatched()).toBe(true);
  });

  it('fits the released driver once, changes nothing the second time, and refuses another version', () => {
    const dir = unpatchedCopy();
    try {
      expect(isPatched(dir)).toBe(false);
      expect(applyPatch(dir).sort()).toEqual([...copies].sort());
      expect(isPatched(dir)).toBe(true);
      expect(applyPatch(dir)).toEqual([]);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...pkg, version: '3.4.10' }));
      expect(() => applyPatch(dir)).toThrow(`postgres.js is 3.4.10, the patch in db/driver-patch/ is for ${PATCHED_VERSION}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// PGlite runs inside the process, without a socket: the defect and its patch exist on PostgreSQL only.
if (testDbKind === 'postgres') describe('a transaction whose connection the server closes (PostgreSQL only: PGlite has no socket)', () => {
  let h: TestDb;
  let killer: postgres.Sql;
  beforeAll(async () => {
    h = await openTestDb();
    killer = postgres(h.url!, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await killer?.end();
    await h?.close();
  });

  it('fails with a connection error the caller can catch, every time, and the pool goes on working', async () => {
    // Unpatched, the second round ends the test process with an uncaught TypeError, and the
    // server's FATAL error of one round fails the first query after the reconnect.
    for (let round = 0; round < 5; round++) {
      const tag = `poort_patch_${round}_${Date.now()}`;
      const running = h.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`select pg_sleep(5) as ${tag}`));
      });
      const outcome = running.then(
        () => 'committed',
        (error: unknown) => error,
      );
      let killed = 0;
      while (killed === 0) {
        const rows = await killer`select pg_terminate_backend(pid) as done from pg_stat_activity where query like ${`%${tag}%`} and pid <> pg_backend_pid()`;
        killed = rows.filter((r) => r.done).length;
      }
      const error = await outcome;
      expect(error).not.toBe('committed');
      expect(isDatabaseUnavailable(error)).toBe(true);
    }
    // The very next query works: nothing of the closed connections is left behind.
    expect(await h.db.execute(sql`select 1 as one`)).toEqual([{ one: 1 }]);
  });
});
