// `audit export` as the service desk types it: help, exit code 2 for wrong usage, and a file
// with the header row for a period (the content is tested in-process, test/bff/audit-export-cli.test.ts).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../support/cli-process.js';
import { seedPgliteDataDir } from '../support/pglite-snapshot.js';

let dataDir: string;
const cli = (args: string[]) => runCli(args, { POORT_DATA_DIR: dataDir, DATABASE_URL: '' });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'poort-audit-cli-'));
  await seedPgliteDataDir(dataDir);
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('explains audit export, refuses a bad date with exit code 2, and writes a period to a file', async () => {
  const help = await cli(['audit', 'export', '--help']);
  expect(help.code).toBe(0);
  expect(help.out).toContain('--from');
  const bad = await cli(['audit', 'export', '--from', 'gisteren', '--to', '2026-02-01']);
  expect(bad.code).toBe(2);
  expect(bad.err).toContain('--from');
  const file = join(dataDir, 'audit.csv');
  const done = await cli(['audit', 'export', '--from', '2026-01-01', '--to', '2026-01-31', '--out', file]);
  expect(done.err).toBe('');
  expect([done.code, done.out]).toEqual([0, `wrote 0 events to ${file}\n`]);
  expect(readFileSync(file, 'utf8')).toMatch(/^\uFEFFtime,event,outcome,/);
}, 60_000);
