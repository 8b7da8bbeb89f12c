// Poort's patch of postgres.js (db/driver-patch/): without it, a transaction whose connection the
// server closes (PostgreSQL restarting, a backend terminated) queues its ROLLBACK on the closed
// connection, and the driver throws from a setImmediate: an uncaught TypeError that ends the process;
// and a new connection whose database goes away while the driver reads its array types rejects a
// promise nobody handles: an unhandled rejection, which ends a Poort process just as well.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPatch, edits, isPatched, PATCHED_VERSION, postgresDir } from '../../db/driver-patch/postgres-socket-patch.mjs';
import { isDatabaseUnavailable } from '../../bff/src/http/database-unavailable.js';
import { openTestDb, testDbKind, type TestDb } from '../support/db.js';

const copies = ['src/connection.js', 'cjs/src/connection.js', 'cf/src/connection.js'];

/**
 * A copy of the installed package with the edits taken out again: postgres.js as npm ships it.
 * `whole`: the entire package (to run it), else package.json and the patched files only.
 */
function unpatchedCopy(whole = false): string {
  const dir = mkdtempSync(join(tmpdir(), 'poort-pgjs-'));
  if (whole) cpSync(postgresDir(), dir, { recursive: true });
  else cpSync(join(postgresDir(), 'package.json'), join(dir, 'package.json'));
  for (const file of copies) {
    if (!whole) cpSync(join(postgresDir(), file), join(dir, file));
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

/**
 * A TCP proxy in front of PostgreSQL that plays a restart at the worst moment for a new
 * connection: start-up and authentication pass, and when the driver sends its array-types query
 * (fetch_types) the proxy closes the connection and stops listening, so the driver's reconnect
 * for the waiting query is refused (ECONNREFUSED), as while PostgreSQL is down.
 */
function restartDuringTypesQuery(upstream: URL): Promise<{ port: number; close(): void }> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const db = connect(Number(upstream.port || 5432), upstream.hostname);
    sockets.add(client).add(db);
    client.on('data', (chunk: Buffer) => {
      if (chunk.includes('typarray')) {
        server.close();
        for (const s of sockets) s.destroy();
        return;
      }
      db.write(chunk);
    });
    db.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('error', () => db.destroy());
    db.on('error', () => client.destroy());
    client.on('close', () => db.destroy());
    db.on('close', () => client.destroy());
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as { port: number }).port,
        close: () => {
          server.close();
          for (const s of sockets) s.destroy();
        },
      }),
    ),
  );
}

/**
 * Runs one query through `proxyPort` with postgres.js from `packageDir`, with Poort's connection
 * settings (db/open.ts), in a process of its own (an unhandled rejection there must not touch
 * the test runner): what the query got, and every unhandled rejection the process saw.
 */
function queryInOwnProcess(packageDir: string, proxyPort: number, database: URL): Promise<{ queryError: string; unhandled: string[] }> {
  const url = new URL(database);
  url.hostname = '127.0.0.1';
  url.port = String(proxyPort);
  const script = `
    const { default: postgres } = await import(${JSON.stringify(pathToFileURL(join(packageDir, 'src/index.js')).href)});
    const unhandled = [];
    process.on('unhandledRejection', (e) => unhandled.push(String(e?.code ?? e?.message ?? e)));
    const sql = postgres(${JSON.stringify(url.href)}, { max: 1, onnotice: () => {}, connect_timeout: 3, idle_timeout: 30, backoff: () => 0.05 });
    const queryError = await sql\`select 1 as one\`.then(() => 'none', (e) => String(e?.code ?? e?.message));
    await new Promise((r) => setTimeout(r, 500));
    console.log(JSON.stringify({ queryError, unhandled }));
    await sql.end({ timeout: 0 }).catch(() => {});
    process.exit(0);
  `;
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ['--input-type=module', '-e', script], { timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as { queryError: string; unhandled: string[] });
    }),
  );
}

if (testDbKind === 'postgres') describe('a new connection whose database goes away during its array-types query (PostgreSQL only)', () => {
  const database = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');

  it('released postgres.js: the query fails and the types query\'s ECONNREFUSED is an unhandled rejection (the soak\'s crash)', async () => {
    const dir = unpatchedCopy(true);
    const proxy = await restartDuringTypesQuery(database);
    try {
      const seen = await queryInOwnProcess(dir, proxy.port, database);
      // The refused reconnect's error (a reset, should the close race the driver's last write).
      expect(['ECONNREFUSED', 'ECONNRESET']).toContain(seen.queryError);
      expect(seen.unhandled).toEqual([seen.queryError]);
    } finally {
      proxy.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('patched: the query fails with the same error, a database outage the request answers 503 for, and nothing is unhandled', async () => {
    const proxy = await restartDuringTypesQuery(database);
    try {
      const seen = await queryInOwnProcess(postgresDir(), proxy.port, database);
      expect(['ECONNREFUSED', 'ECONNRESET']).toContain(seen.queryError);
      expect(isDatabaseUnavailable(Object.assign(new Error('connect'), { code: seen.queryError }))).toBe(true);
      expect(seen.unhandled).toEqual([]);
    } finally {
      proxy.close();
    }
  }, 60_000);
});
