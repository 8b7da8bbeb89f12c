// A PostgreSQL cluster of its own for one test, so the test may stop and start it: initdb and
// pg_ctl as user postgres (the server refuses to run as root), on a free port, in a temp directory.
// Commit timestamps are kept (pg_xact_commit_timestamp): a test can tell when a row was committed.
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

export interface ThrowawayPostgres {
  url: string;
  stop(): void;
  start(): void;
  /** stop() and start() without blocking the event loop: for tests with requests in flight meanwhile. */
  stopAsync(): Promise<void>;
  startAsync(): Promise<void>;
  destroy(): void;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root) ? readdirSync(root).sort((x, y) => Number(y) - Number(x))[0] : undefined;
  if (!version) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql');
  return join(root, version, 'bin');
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'poort-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  const commandFor = (cmd: string, args: string[]) => (process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] as const : [join(bin, cmd), args] as const);
  const asPostgres = (cmd: string, args: string[]) => {
    const command = commandFor(cmd, args);
    execFileSync(command[0], [...command[1]], { stdio: 'pipe' });
  };
  const asPostgresAsync = (cmd: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const command = commandFor(cmd, args);
      execFile(command[0], [...command[1]], (error) => (error ? reject(error) : resolve()));
    });
  if (process.getuid?.() === 0) {
    const pw = execFileSync('id', ['-u', 'postgres']).toString().trim();
    const gid = execFileSync('id', ['-g', 'postgres']).toString().trim();
    chownSync(dir, Number(pw), Number(gid));
  }
  asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const startArgs = ['-D', data, '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c track_commit_timestamp=on`, '-w', 'start'];
  const stopArgs = ['-D', data, '-m', 'fast', '-w', 'stop'];
  const start = () => asPostgres('pg_ctl', startArgs);
  const stop = () => asPostgres('pg_ctl', stopArgs);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    startAsync: () => asPostgresAsync('pg_ctl', startArgs),
    stopAsync: () => asPostgresAsync('pg_ctl', stopArgs),
    destroy: () => {
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
