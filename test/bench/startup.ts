// start.healthz_ms: from launching the built server (plain node, as `npm start` runs it) on a fresh
// PGlite directory to its first 200 on /poort/healthz, which includes creating and migrating the
// database and making the development SAML keys; median of 5.
// start.pglite_floor_ms: the database part alone, measured the same way in the same run: a plain
// node process that opens a fresh PGlite directory as the server does (db/open.ts: from the built
// seed, then migrate) and answers one query. start.healthz_ratio is the first over the second:
// what everything else in the server adds.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { builtServer, startServer } from '../support/server-process.js';
import { median, report } from './report.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function timeServer(dir: string): Promise<number> {
  const started = performance.now();
  const server = await startServer({ POORT_DATA_DIR: dir, DATABASE_URL: '' }, 30_000, builtServer());
  for (;;) {
    const res = await fetch(`${server.url}/poort/healthz`).catch(() => undefined);
    if (res?.status === 200) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  const elapsed = performance.now() - started;
  await server.stop();
  return elapsed;
}

async function timePgliteAlone(dir: string): Promise<number> {
  const open = pathToFileURL(join(root, 'dist/db/open.js')).href;
  const script = `const { openDb } = await import(${JSON.stringify(open)}); const db = await openDb({ dataDir: ${JSON.stringify(join(dir, 'pglite'))} }); await db.ping(); await db.close();`;
  const started = performance.now();
  const code = await new Promise<number | null>((resolve) => spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' }).once('exit', resolve));
  if (code !== 0) throw new Error(`PGlite alone exited with ${code}`);
  return performance.now() - started;
}

export async function benchStartup(): Promise<void> {
  const server: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < 5; i++) {
    for (const [times, measure] of [[server, timeServer], [floor, timePgliteAlone]] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'poort-bench-'));
      times.push(await measure(dir));
      rmSync(dir, { recursive: true, force: true });
    }
  }
  report('start.healthz_ms', Math.round(median(server)), 'ms');
  report('start.pglite_floor_ms', Math.round(median(floor)), 'ms');
  report('start.healthz_ratio', median(server) / median(floor), 'x');
}
