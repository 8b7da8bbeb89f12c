// One command line of the service desk's CLI, from its words to its exit code: 0 done, 1 refused
// (the message says why), 2 wrong usage. The streams and the database come from the caller:
// main.ts passes the process's own and opens (and locks) the database per command; end-to-end
// tests run a few set-up commands on a data directory they opened once, in their own process
// (test/support/cli-in-process.ts), since a CLI process spends seconds starting and opening PGlite.
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DataDirLockedError, lockDataDir } from '../../../db/data-dir-lock.js';
import { openDb, type Db } from '../../../db/open.js';
import { serviceDeskCli } from '../accounts/admin-scope.js';
import { ConfigError, loadEnvConfig, type EnvConfig } from '../config.js';
import { ApiError } from '../http/api-error.js';
import { isDatabaseUnavailable } from '../http/database-unavailable.js';
import { sendPendingMail } from '../mail/outbox-sender.js';
import { smtpTransport } from '../mail/smtp-transport.js';
import { loadSiteConfig } from '../site-config/load.js';
import { UsageError, commandHelp, commands, generalHelp } from './commands.js';

export interface CliIo {
  /** Standard output, as it is. */
  out(text: string): void;
  /** Standard error, as it is. */
  err(text: string): void;
  /** Standard output, waiting while the reader is behind. */
  write(text: string): Promise<void>;
  readStdin(): Promise<string>;
}

/** The database one command runs on; `close()` ends the command's use of it. */
export type OpenCliDatabase = (env: EnvConfig) => Promise<{ db: Db; close(): Promise<void> }>;

/** A database of the command's own; PGlite locked meanwhile (one process per data directory). */
export const openCommandDatabase: OpenCliDatabase = async (env) => {
  let unlock: (() => void) | undefined;
  if (!env.databaseUrl) {
    mkdirSync(env.pgliteDir, { recursive: true });
    unlock = lockDataDir(env.pgliteDir, 'the Poort service-desk CLI');
  }
  try {
    const handle = await openDb(env.databaseUrl ? { url: env.databaseUrl, max: 2 } : { dataDir: env.pgliteDir });
    return {
      db: handle.db,
      close: async () => {
        try {
          await handle.close();
        } finally {
          unlock?.();
        }
      },
    };
  } catch (error) {
    unlock?.();
    throw error;
  }
};

/** Runs `argv` (the words after `poort`); resolves with the exit code and never rejects. */
export async function runCli(argv: string[], io: CliIo, processEnv: NodeJS.ProcessEnv = process.env, openDatabase: OpenCliDatabase = openCommandDatabase): Promise<number> {
  try {
    return await run(argv, io, processEnv, openDatabase);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    if (error instanceof DataDirLockedError) {
      io.err(
        `Error: ${error.message}.\nPGlite allows one process at a time: stop the server first, or run Poort on PostgreSQL (DATABASE_URL), where the CLI works beside the server.\n`,
      );
    } else if (error instanceof ApiError) io.err(`Error: ${error.message} (${error.code})\n`);
    else if (error instanceof ConfigError) io.err(`Error: ${error.message}\n`);
    else if (isDatabaseUnavailable(error)) io.err('Error: the database cannot be reached. Check DATABASE_URL and try again.\n');
    else io.err(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

async function run(argv: string[], io: CliIo, processEnv: NodeJS.ProcessEnv, openDatabase: OpenCliDatabase): Promise<number> {
  const words = argv.filter((a) => !a.startsWith('-')).slice(0, 2);
  const name = words.join(' ');
  const command = commands[name];
  if (!command) {
    if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
      io.out(generalHelp());
      return argv.length === 0 ? 2 : 0;
    }
    io.err(`Unknown command: ${name || argv.join(' ')}\n\n${generalHelp()}`);
    return 2;
  }
  const rest = argv.slice(argv.indexOf(words[1]!) + 1);
  let values: Record<string, string | boolean | undefined>;
  try {
    const options = Object.fromEntries(Object.entries(command.options).map(([k, o]) => [k, { type: o.type }]));
    ({ values } = parseArgs({ args: rest, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${commandHelp(command)}`);
    return 2;
  }
  if (values.help) {
    io.out(commandHelp(command));
    return 0;
  }
  const missing = Object.entries(command.options).filter(([k, o]) => o.required && !values[k]).map(([k]) => `--${k}`);
  if (missing.length) {
    io.err(`Missing ${missing.join(', ')}\n\n${commandHelp(command)}`);
    return 2;
  }

  const env = loadEnvConfig(processEnv);
  const site = loadSiteConfig(processEnv).config;
  const db = await openDatabase(env);
  try {
    await command.run({ db: db.db, site, env, actor: serviceDeskCli, via: 'cli' }, values, {
      out: (line) => io.out(`${line}\n`),
      write: (text) => io.write(text),
      readStdin: () => io.readStdin(),
    });
    // With SMTP configured, deliver what this command queued now rather than at the server's next poll.
    if (env.mail.host) {
      const transport = smtpTransport({ ...env.mail, host: env.mail.host });
      await sendPendingMail(db.db, transport).finally(() => transport.close());
    }
    return 0;
  } finally {
    await db.close();
  }
}
