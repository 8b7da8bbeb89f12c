// The service desk's CLI commands run in the test's own process (bff/src/cli/run-cli.ts: the code a
// CLI process runs, from the words to the exit code) on a PGlite data directory opened once. A CLI
// process costs 4–6 s of CPU (node with tsx, the imports, PGlite's start), which was most of some
// browser tests' set-up. For set-up before a server starts on that directory; a test of the CLI
// itself runs the real process (cli-process.ts).
import { mkdirSync } from 'node:fs';
import { loadEnvConfig } from '../../bff/src/config.js';
import { lockDataDir } from '../../db/data-dir-lock.js';
import { openDb, type DbHandle } from '../../db/open.js';
import type { CliResult } from './cli-process.js';

export type Cli = (args: string[], stdin?: string) => Promise<CliResult>;

/**
 * Calls `use` with a `cli` that runs commands on the PGlite data directory under `env`'s
 * POORT_DATA_DIR, opened (and locked, as a CLI process would) at the first command and closed when
 * `use` is done.
 */
export async function withCliInProcess<T>(env: Record<string, string>, use: (cli: Cli) => Promise<T>): Promise<T> {
  const processEnv = { ...process.env, LOG_LEVEL: 'silent', ...env };
  const config = loadEnvConfig(processEnv);
  if (config.databaseUrl) throw new Error('withCliInProcess is for PGlite data directories (DATABASE_URL is set)');
  let opened: Promise<{ handle: DbHandle; unlock: () => void }> | undefined;
  const open = () =>
    (opened ??= (async () => {
      mkdirSync(config.pgliteDir, { recursive: true });
      const unlock = lockDataDir(config.pgliteDir, 'a test running service-desk commands');
      try {
        return { handle: await openDb({ dataDir: config.pgliteDir }), unlock };
      } catch (error) {
        unlock();
        throw error;
      }
    })());
  const cli: Cli = async (args, stdin = '') => {
    // Imported at the first command: a prepare step that only writes rows needs none of the CLI's modules.
    const { runCli } = await import('../../bff/src/cli/run-cli.js');
    let out = '';
    let err = '';
    const io = {
      out: (text: string) => void (out += text),
      err: (text: string) => void (err += text),
      write: async (text: string) => void (out += text),
      readStdin: async () => stdin,
    };
    // The directory stays open between commands: each command's close() leaves it so.
    const code = await runCli(args, io, processEnv, async () => ({ db: (await open()).handle.db, close: async () => {} }));
    return { code, out, err };
  };
  try {
    return await use(cli);
  } finally {
    const done = await opened?.catch(() => undefined);
    if (done) {
      await done.handle.close();
      done.unlock();
    }
  }
}
