// start.healthz_ms: from launching the server on a fresh PGlite directory to its first 200 on
// /poort/healthz (which includes creating and migrating the database), median of 3.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../support/server-process.js';
import { median, report } from './report.js';

export async function benchStartup(): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'poort-bench-'));
    const started = performance.now();
    const server = await startServer({ POORT_DATA_DIR: dir, DATABASE_URL: '' });
    for (;;) {
      const res = await fetch(`${server.url}/poort/healthz`).catch(() => undefined);
      if (res?.status === 200) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    times.push(performance.now() - started);
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  report('start.healthz_ms', Math.round(median(times)), 'ms');
}
