// `npm test`: type-check, lint, the texts check and build, then vitest (unit; the database suites on PGlite, and on
// PostgreSQL when DATABASE_URL is set; end to end), then the widget suite in headless Chromium.
// Every stage runs; any failure fails the run. The time of each stage is printed at the end.
import { spawn } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error(
    [
      'npm test needs Chromium or Chrome for the widget tests, and none was found.',
      process.env.CHROME_PATH ? `CHROME_PATH=${process.env.CHROME_PATH} is not an executable file.` : 'Looked in /usr/bin/chromium, /usr/bin/google-chrome.',
      'Install one (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROME_PATH to its executable.',
    ].join('\n'),
  );
  process.exit(1);
}

// Stages in one group run side by side (type-check, lint and the build are each single-threaded;
// on two cores together they take little more than the longest), their output printed as each
// ends. Groups run one after the other: vitest's end-to-end tests need the built widget.
const groups = [
  [
    ['type-check', 'npm', ['run', '-s', 'typecheck']],
    ['lint', 'npm', ['run', '-s', 'lint']],
    ['texts (npm run texts:check)', 'npm', ['run', '-s', 'texts:check']],
    ['build (npm run build: dist/)', 'npm', ['run', '-s', 'build']],
  ],
  [['unit, database and end to end (vitest)', 'npx', ['vitest', 'run']]],
  [['widget (web-test-runner, Chromium)', 'npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs']]],
];

function run([name, cmd, args], alone) {
  const started = Date.now();
  const env = { ...process.env, CHROME_PATH: chromium, ...(alone ? {} : { FORCE_COLOR: process.stdout.isTTY ? '1' : '0' }) };
  if (alone) console.log(`\n=== ${name} ===`);
  const child = spawn(cmd, args, { stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) =>
    child.on('close', (code) => {
      const seconds = (Date.now() - started) / 1000;
      if (!alone) process.stdout.write(`\n=== ${name} ===\n${output}`);
      console.log(`=== ${name}: ${code === 0 ? 'passed' : 'FAILED'} in ${seconds.toFixed(1)} s ===`);
      resolve({ name, ok: code === 0, seconds });
    }),
  );
}

console.log(`Database suites: PGlite${process.env.DATABASE_URL ? ' and PostgreSQL (DATABASE_URL)' : ' only (set DATABASE_URL to add PostgreSQL)'}`);
const started = Date.now();
const results = [];
for (const group of groups) results.push(...(await Promise.all(group.map((stage) => run(stage, group.length === 1)))));
console.log(`\nStages:\n${results.map((r) => `${r.seconds.toFixed(1).padStart(7)} s  ${r.name}${r.ok ? '' : ' (FAILED)'}`).join('\n')}`);
console.log(`${((Date.now() - started) / 1000).toFixed(1).padStart(7)} s  in all`);
const failed = results.filter((r) => !r.ok).map((r) => r.name);
if (failed.length) {
  console.error(`\nnpm test failed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log('\nnpm test passed');
