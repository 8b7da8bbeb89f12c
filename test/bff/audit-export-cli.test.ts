// `audit export` (the service desk's CLI) writes a period of the audit log as the API's CSV, every
// organisation included, and records that it did. Run in-process on both databases; the real
// process (exit codes, --help) is test/e2e/audit-export-cli.test.ts.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema.js';
import { serviceDeskCli } from '../../bff/src/accounts/admin-scope.js';
import { UsageError, commands, type CommandIo } from '../../bff/src/cli/commands.js';
import { ApiError } from '../../bff/src/http/api-error.js';
import { makeOrganisation, makeUser } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let dir: string;
const exportCommand = commands['audit export']!;

function io(): CommandIo & { text: string; lines: string[] } {
  const sink = { text: '', lines: [] as string[] };
  return Object.assign(sink, {
    out: (line: string) => void sink.lines.push(line),
    write: async (text: string) => void (sink.text += text),
    readStdin: async () => '',
  });
}

const run = (values: Record<string, string>, output = io()) => exportCommand.run({ db: t.db.db, site: t.site, env: t.env, actor: serviceDeskCli, via: 'cli' }, values, output).then(() => output);

beforeAll(async () => {
  t = await createTestApp();
  dir = mkdtempSync(join(tmpdir(), 'poort-audit-export-'));
  const a = await makeOrganisation(t, ['a.example.nl'], 'A');
  const b = await makeOrganisation(t, ['b.example.nl'], 'B');
  const piet = await makeUser(t, 'piet@a.example.nl', { organisationId: a.id });
  const kees = await makeUser(t, 'kees@b.example.nl', { organisationId: b.id });
  await t.db.db.insert(auditEvents).values([
    { type: 'login', outcome: 'success', userId: piet.id, method: 'email', at: new Date('2026-01-31T23:59:59Z') },
    { type: 'login', outcome: 'success', userId: piet.id, method: 'email', at: new Date('2026-02-01T00:00:00Z') },
    { type: 'login', outcome: 'failure', userId: kees.id, method: 'email', reason: 'wrong_password', at: new Date('2026-02-28T23:59:59Z') },
    { type: 'logout', outcome: 'success', userId: kees.id, at: new Date('2026-03-01T00:00:00Z') },
  ]);
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

describe('audit export', () => {
  it('writes every organisation’s events of the period, both days included, to standard output', async () => {
    const { text } = await run({ from: '2026-02-01', to: '2026-02-28' });
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]!.startsWith('\uFEFFtime,event,')).toBe(true);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['2026-02-28T23:59:59.000Z,login,failure', '2026-02-01T00:00:00.000Z,login,success']);
  });

  it('writes to a file only its owner can read, says how many, and records the export', async () => {
    const file = join(dir, 'februari.csv');
    const { lines } = await run({ from: '2026-02-01', to: '2026-02-28', type: 'login', out: file });
    expect(lines).toEqual([`wrote 2 events to ${file}`]);
    expect(readFileSync(file, 'utf8').split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const recorded = (await t.db.db.select().from(auditEvents)).filter((e) => e.type === 'audit_exported');
    expect(recorded.at(-1)).toMatchObject({ outcome: 'success', actorId: null, details: { events: 2, via: 'cli', filters: { from: '2026-02-01', to: '2026-02-28', type: 'login' } } });
  });

  it.each<Record<string, string>>([{ from: 'februari', to: '2026-02-28' }, { from: '2026-02-01', to: '2026-02-31x' }, { from: '2026-02-01', to: '2026-02-28', type: 'a b' }])('refuses %j as wrong usage', async (values) => {
    await expect(run(values)).rejects.toBeInstanceOf(UsageError);
  });

  it('refuses a period that ends before it starts, writing nothing', async () => {
    const output = io();
    await expect(run({ from: '2026-03-01', to: '2026-02-01' }, output)).rejects.toBeInstanceOf(ApiError);
    expect(output.text).toBe('');
  });
});
