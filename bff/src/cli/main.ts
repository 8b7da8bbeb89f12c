// `npm run -s poort -- …`: the service desk's command line. Exit codes: 0 done, 1 refused (the
// message says why), 2 wrong usage.
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DataDirLockedError, lockDataDir } from '../../../db/data-dir-lock.js';
import { openDb } from '../../../db/open.js';
import { serviceDeskCli } from '../accounts/admin-scope.js';
import { ConfigError, loadEnvConfig } from '../config.js';
import { ApiError } from '../http/api-error.js';
import { isDatabaseUnavailable } from '../http/database-unavailable.js';
import { sendPendingMail } from '../mail/outbox-sender.js';
import { smtpTransport } from '../mail/smtp-transport.js';
import { loadSiteConfig } from '../site-config/load.js';
import { UsageError, commandHelp, commands, generalHelp } from './commands.js';

async function main(argv: string[]): Promise<number> {
  const words = argv.filter((a) => !a.startsWith('-')).slice(0, 2);
  const name = words.join(' ');
  const command = commands[name];
  if (!command) {
    if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(generalHelp());
      return argv.length === 0 ? 2 : 0;
    }
    process.stderr.write(`Unknown command: ${name || argv.join(' ')}\n\n${generalHelp()}`);
    return 2;
  }
  const rest = argv.slice(argv.indexOf(words[1]!) + 1);
  let values: Record<string, string | boolean | undefined>;
  try {
    const options = Object.fromEntries(Object.entries(command.options).map(([k, o]) => [k, { type: o.type }]));
    ({ values } = parseArgs({ args: rest, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${commandHelp(command)}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(commandHelp(command));
    return 0;
  }
  const missing = Object.entries(command.options).filter(([k, o]) => o.required && !values[k]).map(([k]) => `--${k}`);
  if (missing.length) {
    process.stderr.write(`Missing ${missing.join(', ')}\n\n${commandHelp(command)}`);
    return 2;
  }

  const env = loadEnvConfig();
  const site = loadSiteConfig().config;
  let unlock: (() => void) | undefined;
  if (!env.databaseUrl) {
    mkdirSync(env.pgliteDir, { recursive: true });
    unlock = lockDataDir(env.pgliteDir, 'the Poort service-desk CLI');
  }
  const db = await openDb(env.databaseUrl ? { url: env.databaseUrl, max: 2 } : { dataDir: env.pgliteDir });
  try {
    await command.run({ db: db.db, site, env, actor: serviceDeskCli, via: 'cli' }, values, {
      out: (line) => process.stdout.write(`${line}\n`),
      write: (text) => (process.stdout.write(text) ? Promise.resolve() : once(process.stdout, 'drain').then(() => undefined)),
      readStdin: readAll,
    });
    // With SMTP configured, deliver what this command queued now rather than at the server's next poll.
    if (env.mail.host) {
      const transport = smtpTransport({ ...env.mail, host: env.mail.host });
      await sendPendingMail(db.db, transport).finally(() => transport.close());
    }
    return 0;
  } finally {
    await db.close();
    unlock?.();
  }
}

async function readAll(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (then Enter and Ctrl-D): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    if (error instanceof DataDirLockedError) {
      process.stderr.write(
        `Error: ${error.message}.\nPGlite allows one process at a time: stop the server first, or run Poort on PostgreSQL (DATABASE_URL), where the CLI works beside the server.\n`,
      );
    } else if (error instanceof ApiError) process.stderr.write(`Error: ${error.message} (${error.code})\n`);
    else if (error instanceof ConfigError) process.stderr.write(`Error: ${error.message}\n`);
    else if (isDatabaseUnavailable(error)) process.stderr.write('Error: the database cannot be reached. Check DATABASE_URL and try again.\n');
    else process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
