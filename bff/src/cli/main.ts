// `npm run -s poort -- …`: the service desk's command line. Exit codes: 0 done, 1 refused (the
// message says why), 2 wrong usage. What a command line does is in run-cli.ts; this is the process.
import { once } from 'node:events';
import { runCli, type CliIo } from './run-cli.js';

async function readAll(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (then Enter and Ctrl-D): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  write: (text) => (process.stdout.write(text) ? Promise.resolve() : once(process.stdout, 'drain').then(() => undefined)),
  readStdin: readAll,
};

void runCli(process.argv.slice(2), processIo).then((code) => process.exit(code));
