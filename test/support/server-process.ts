// Starts the Poort server as a real process and reads the URL it prints: from the sources with tsx
// (tests: no build needed, always the code under test), or built with plain node, the way
// `npm start` and a production install run it.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  url: string;
  output: () => string;
  child: ChildProcess;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** What to run, and where. */
export interface ServerEntry {
  cwd: string;
  args: string[];
}
export const sourceServer: ServerEntry = { cwd: root, args: ['--import', 'tsx', 'bff/src/server.ts'] };
/** The built server (`npm run build`) in `dir`: this checkout, or a copy of its built tree. */
export function builtServer(dir = root): ServerEntry {
  return { cwd: dir, args: ['dist/bff/server.js'] };
}

/**
 * `nodeArgs`: more options for node, placed after the entry's own loaders (tsx) and before the
 * script, so an `--import` may be TypeScript (the bench's CPU reporter, a test's fault injector).
 */
export function startServer(env: Record<string, string | undefined>, timeoutMs = 90_000, entry = sourceServer, nodeArgs: string[] = []): Promise<ServerProcess> {
  const script = entry.args.at(-1)!;
  const args = [...entry.args.slice(0, -1), ...nodeArgs, script];
  const child = spawn(process.execPath, args, {
    cwd: entry.cwd,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in time:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listens on (http:\/\/[^/\s]+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!.replace('localhost', '127.0.0.1'),
          output: () => out,
          child,
          stop: (signal = 'SIGINT') => {
            child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${out}`));
    });
  });
}
