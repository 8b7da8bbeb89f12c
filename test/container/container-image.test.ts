// The container image (Containerfile) built with podman on a base made from Debian packages
// (container/make-base-image.sh), started on a read-only root file system as its unprivileged
// user against PostgreSQL: it migrates the database, reports healthy, and a person logs in.
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/open.js';
import { users } from '../../db/schema.js';
import { hashPassword } from '../../bff/src/passwords/password-hash.js';
import { freePort } from '../support/free-port.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwaway-postgres.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BASE = process.env.POORT_CONTAINER_BASE ?? 'localhost/poort-base:latest';
const IMAGE = 'localhost/poort-test:latest';
const NAME = `poort-test-${process.pid}`;
const exec = promisify(execFile);
// Global podman options for this machine, e.g. `--runtime runc` where crun refuses the cgroup
// layout (docs/development.md, "Container image").
const global = (process.env.POORT_PODMAN_ARGS ?? '').split(' ').filter(Boolean);

/**
 * Limits for the container within what this test may set: podman's defaults (nofile 1048576,
 * nproc 4194304) exceed what a sandbox allows, and here even nproc at its own hard limit was
 * refused, so processes get 4096 (Node needs a dozen threads).
 */
function ulimits(): string[] {
  const hardLimit = (name: string) => /^\S.*?\s+(\d+|unlimited)\s+(\d+|unlimited)/m.exec(readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith(name)) ?? '')?.[2];
  const files = hardLimit('Max open files');
  const processes = hardLimit('Max processes');
  return [
    ...(files && files !== 'unlimited' ? ['--ulimit', `nofile=${files}:${files}`] : []),
    ...(processes && processes !== 'unlimited' ? ['--ulimit', `nproc=${Math.min(4096, Number(processes))}:${Math.min(4096, Number(processes))}`] : []),
  ];
}

/** Runs a command to its end, its output kept (builds take minutes), and fails with its tail. */
function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`))));
  });
}

const podman = (...args: string[]) => exec('podman', [...global, ...args]).then((r) => r.stdout.trim());
const podmanRun = (args: string[]) => run('podman', [...global, ...args]);

let pg: ThrowawayPostgres;
let port: number;

beforeAll(async () => {
  const haveBase = await podman('image', 'exists', BASE).then(() => true, () => false);
  if (!haveBase) await run('container/make-base-image.sh', [BASE]);
  // The machine's certificate bundle for the build stage's npm ci (a registry behind a TLS-inspecting proxy).
  const bundle = '/etc/ssl/certs/ca-certificates.crt';
  const trust = existsSync(bundle) ? ['--volume', `${bundle}:${bundle}:ro`] : [];
  await podmanRun(['build', ...ulimits(), ...trust, '--format', 'docker', '--network', 'host', '--build-arg', `BASE=${BASE}`, '-t', IMAGE, '.']);
  pg = await startThrowawayPostgres();
  port = await freePort();
});

afterAll(async () => {
  await podman('rm', '--force', '--time', '5', NAME).catch(() => {});
  pg?.destroy();
});

describe('the container image', () => {
  it('runs as an unprivileged user with a health check, and its process has nothing to write to but /tmp', async () => {
    const config = JSON.parse(await podman('image', 'inspect', IMAGE, '--format', '{{json .Config}}')) as { User: string };
    expect(config.User).toBe('10001:10001');
    const healthcheck = JSON.parse(await podman('image', 'inspect', IMAGE, '--format', '{{json .HealthCheck}}')) as { Test: string[] } | null;
    expect(healthcheck?.Test.join(' ')).toContain('/poort/healthz');
    // stdout only: podman itself may complain on stderr (no systemd here for health-check timers).
    const probe = await podman('run', ...ulimits(), '--rm', '--read-only', IMAGE, 'node', '-e', "try{require('fs').writeFileSync('/srv/poort/x','')}catch(e){console.log(e.code)}; console.log(process.getuid())");
    expect(probe.trim().split('\n')).toEqual(['EROFS', '10001']);
  });

  it('starts on PostgreSQL with a read-only root file system, turns healthy, and a person logs in', async () => {
    await podmanRun([
      'run', ...ulimits(), '--detach', '--name', NAME, '--read-only', '--network', 'host',
      '-e', `PORT=${port}`, '-e', 'HOST=127.0.0.1', '-e', `DATABASE_URL=${pg.url}`, '-e', `POORT_PUBLIC_URL=http://127.0.0.1:${port}`,
      IMAGE,
    ]);
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      const ready = await fetch(`${url}/poort/readyz`).then((r) => r.status === 200, () => false);
      if (ready) break;
      if (i > 120) throw new Error(`the container did not become ready:\n${await podman('logs', NAME)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    // podman runs HEALTHCHECK on request (no systemd timers here): 0 is healthy.
    await expect(podman('healthcheck', 'run', NAME)).resolves.toBeDefined();

    // The container migrated the database; the account is made beside it, as an admin tool would.
    const handle = await openDb({ url: pg.url, max: 1, migrate: false });
    try {
      await handle.db.insert(users).values({ email: 'container@gemeente.example.nl', passwordHash: await hashPassword('paarden-batterij-niet-stapel') });
    } finally {
      await handle.close();
    }
    const login = await fetch(`${url}/poort/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ email: 'container@gemeente.example.nl', password: 'paarden-batterij-niet-stapel' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const session = await fetch(`${url}/poort/api/session`, { headers: { cookie } });
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({ user: { email: 'container@gemeente.example.nl' } });

    const wrong = await fetch(`${url}/poort/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ email: 'container@gemeente.example.nl', password: 'niet-het-goede-wachtwoord' }),
    });
    expect(wrong.status).toBe(401);

    // SIGTERM ends it cleanly (exit code 0), as a supervisor expects.
    await podman('stop', '--time', '10', NAME);
    expect(await podman('inspect', NAME, '--format', '{{.State.ExitCode}}')).toBe('0');
  });
});
