// The service-desk CLI as a real process, on the same database settings as the server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema.js';
import { runCli } from '../support/cli-process.js';
import { openTestDb } from '../support/db.js';
import { seedPgliteDataDir } from '../support/pglite-snapshot.js';
import { startServer } from '../support/server-process.js';
import { linkIn, startSmtp, type TestSmtp } from '../support/smtp.js';

const cli = runCli;

let dataDir: string;
let smtp: TestSmtp;
let env: Record<string, string>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'poort-cli-'));
  // A migrated PGlite cluster unpacked in place: spares creating one on the first command.
  await seedPgliteDataDir(dataDir);
  smtp = await startSmtp();
  // Its own PGlite data directory (end-to-end tests run once, on PGlite).
  env = { POORT_DATA_DIR: dataDir, DATABASE_URL: '', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), POORT_PUBLIC_URL: 'https://portaal.example' };
});
afterAll(async () => {
  await smtp.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run -s poort', () => {
  it('explains itself and every command, and exits 2 on wrong usage', async () => {
    const help = await cli(['--help'], env);
    expect(help.code).toBe(0);
    expect(help.out).toContain('user create');
    const commandHelp = await cli(['user', 'create', '--help'], env);
    expect(commandHelp.out).toContain('--password-stdin');
    expect(commandHelp.out).toContain('user|editor|admin|servicedesk');
    const unknown = await cli(['user', 'delete', '--email', 'a@b.nl'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/Unknown command/);
    const missing = await cli(['org', 'create', '--name', 'X'], env);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/Missing --domains/);
  });

  it('creates an organisation and accounts, mails invitations, refuses wrong domains, lists', async () => {
    const org = await cli(['org', 'create', '--name', 'Gemeente Voorbeeld', '--domains', 'gemeente.example.nl,voorbeeld.be'], env);
    expect(org.code).toBe(0);
    const orgId = org.out.trim();
    expect(orgId).toMatch(/^[0-9a-f-]{36}$/);

    const publicDomain = await cli(['org', 'create', '--name', 'Iedereen', '--domains', 'iedereen.example.nl, GMail.COM.'], env);
    expect(publicDomain.code).toBe(1);
    expect(publicDomain.err).toMatch(/^Error: gmail\.com: anyone can get an address there.*\(public_mail_domain\)$/m);

    const wrong = await cli(['user', 'create', '--email', 'jan@gmail.com', '--org', orgId], env);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/gmail\.com is not one of the e-mail domains of Gemeente Voorbeeld/);

    const invited = await cli(['user', 'create', '--email', 'an@voorbeeld.be', '--name', 'An', '--locale', 'nl-BE'], env);
    expect(invited.code).toBe(0);
    expect(invited.out).toMatch(/invitation mail queued/);
    const mail = smtp.mails.at(-1)!;
    expect(mail.to).toMatchObject({ text: 'an@voorbeeld.be' });
    // In the language the account was made with: the link opens the account page in Flemish.
    expect(linkIn(mail).href).toMatch(/^https:\/\/portaal\.example\/account\/\?poort-lang=nl-BE&poort-invitation=/);

    const withPassword = await cli(['user', 'create', '--email', 'piet@gemeente.example.nl', '--password-stdin'], env, 'een lang en goed wachtwoord\n');
    expect(withPassword.code).toBe(0);
    expect(withPassword.out).toMatch(/password set; no invitation sent/);
    expect((await cli(['user', 'unlock', '--email', 'piet@gemeente.example.nl'], env)).code).toBe(0);
    expect(smtp.mails.at(-1)!.subject).toMatch(/gedeblokkeerd/);
    expect((await cli(['user', 'disable', '--email', 'piet@gemeente.example.nl'], env)).code).toBe(0);

    const list = await cli(['user', 'list'], env);
    expect(list.out).toMatch(/an@voorbeeld\.be\tuser\tinvited\tGemeente Voorbeeld/);
    expect(list.out).toMatch(/piet@gemeente\.example\.nl\tuser\tdisabled/);
  }, 120_000);

  it('says clearly that a running server holds the PGlite data directory', async () => {
    const server = await startServer(env);
    try {
      const result = await cli(['user', 'list'], env);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/in use by the Poort server \(process \d+\)/);
      expect(result.err).toMatch(/stop the server first, or run Poort on PostgreSQL/);
    } finally {
      await server.stop();
    }
  }, 60_000);

  // Needs PostgreSQL: registered only when DATABASE_URL is set, so a run without it skips nothing.
  if (process.env.DATABASE_URL)
  it('works beside a running server on PostgreSQL', async () => {
    const db = await openTestDb({ kind: 'postgres' });
    const pgEnv = { ...env, POORT_DATA_DIR: mkdtempSync(join(tmpdir(), 'poort-cli-pg-')), DATABASE_URL: db.url! };
    const server = await startServer(pgEnv);
    try {
      await db.db.insert(users).values({ email: 'an@voorbeeld.be' });
      const result = await cli(['user', 'list'], pgEnv);
      expect(result.code, result.err).toBe(0);
      expect(result.out).toContain('an@voorbeeld.be');
    } finally {
      await server.stop();
      await db.close();
      rmSync(pgEnv.POORT_DATA_DIR, { recursive: true, force: true });
    }
  }, 60_000);
});
