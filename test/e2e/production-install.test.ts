// A production install: only package.json, the lock file and the built tree (dist/, from `npm run
// build`, which npm test runs first), installed with `npm ci --omit=dev`, runs with plain node.
// No tsx, vite, samlify or lit: the compiled BFF, its migrations, texts and PGlite seed, and the
// built widget and demo site must all be inside dist/.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase } from '../support/db.js';
import { builtServer, startServer } from '../support/server-process.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
// PGlite always; PostgreSQL too when DATABASE_URL is set (there the driver patch must have been
// applied by the production install's own postinstall, or the server refuses to start).
const databases = [false, ...(process.env.DATABASE_URL ? [true] : [])];
let dir: string;

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

beforeAll(async () => {
  if (!existsSync(join(root, 'dist/.built'))) throw new Error('dist/ is missing or incomplete: run `npm run build` first (npm test does).');
  dir = mkdtempSync(join(tmpdir(), 'poort-production-'));
  for (const file of ['package.json', 'package-lock.json', 'dist']) cpSync(join(root, file), join(dir, file), { recursive: true });
  const install = await run('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
  if (install.code !== 0) throw new Error(`npm ci --omit=dev failed:\n${install.output}`);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a production install of the built tree', () => {
  it('has none of the development-only packages', () => {
    const present = ['tsx', 'vite', 'samlify', 'lit', 'typescript'].filter((name) => existsSync(join(dir, 'node_modules', name)));
    expect(present).toEqual([]);
  });

  for (const onPostgres of databases)
    it(`starts with plain node on ${onPostgres ? 'PostgreSQL' : 'a fresh PGlite directory'}, answers /poort/healthz and serves the demo site; the CLI then works on the same data`, async () => {
      const database = onPostgres ? await createPostgresDatabase(process.env.DATABASE_URL!, 'poort_t') : undefined;
      const env = { NODE_ENV: 'production', POORT_DATA_DIR: join(dir, '.poort'), DATABASE_URL: database?.url ?? '' };
      try {
        const server = await startServer({ ...env, POORT_DEMO_SITE: '1' }, 60_000, builtServer(dir));
        try {
          expect((await fetch(`${server.url}/poort/healthz`)).status).toBe(200);
          expect(await (await fetch(`${server.url}/poort/readyz`)).json()).toEqual({ status: 'ready', database: onPostgres ? 'postgres' : 'pglite' });
          const page = await fetch(`${server.url}/`);
          expect(page.status).toBe(200);
          expect(await page.text()).toContain('<login-chooser');
          const widget = await fetch(`${server.url}/widget/login-chooser.js`);
          expect(widget.status).toBe(200);
          expect(widget.headers.get('content-type')).toMatch(/javascript/);
          // A login runs argon2 (a native module) against the database: refused, as nobody has an account.
          const login = await fetch(`${server.url}/poort/api/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: server.url },
            body: JSON.stringify({ email: 'nobody@example.nl', password: 'wrong password here' }),
          });
          expect(login.status).toBe(401);
        } finally {
          expect(await server.stop()).toBe(0);
        }
        // The service-desk CLI, plain node too, on the database the server made (PGlite: the data
        // directory it started from the built seed, reopened).
        const created = await run(process.execPath, ['dist/bff/cli.js', 'org', 'create', '--name', 'Gemeente Voorbeeld', '--domains', 'voorbeeld.nl'], dir, env);
        expect(created.output).toMatch(/^[0-9a-f-]{36}\s*$/);
        expect(created.code).toBe(0);
      } finally {
        await database?.drop();
      }
    }, 120_000);

  it('says that the simulated brokers need the development dependencies when started in development mode', async () => {
    const started = startServer({ NODE_ENV: 'development', POORT_DATA_DIR: join(dir, '.poort-dev'), DATABASE_URL: '' }, 60_000, builtServer(dir));
    await expect(started).rejects.toThrow(/Poort cannot start: the simulated eHerkenning brokers .* need the development dependencies/);
  }, 90_000);
});
