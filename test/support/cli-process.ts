// The service-desk CLI as a real process (from the sources, with tsx), on the database settings in
// `env`. Asynchronous spawn, never spawnSync: an SMTP server in the test process must be able to
// answer the CLI's mail while it runs (docs/development.md).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  code: number | null;
  out: string;
  err: string;
}

export function runCli(args: string[], env: Record<string, string>, stdin?: string): Promise<CliResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bff/src/cli/main.ts', ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  child.stdin.end(stdin ?? '');
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
}
