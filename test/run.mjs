// `npm test`: type-check, lint, the bff/db suites (PGlite, and PostgreSQL when DATABASE_URL is
// set), then the widget suite in headless Chromium. Every stage runs; any failure fails the run.
import { spawnSync } from 'node:child_process';
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

const stages = [
  ['type-check', 'npm', ['run', '-s', 'typecheck']],
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['build (npm run build: dist/)', 'npm', ['run', '-s', 'build']],
  ['bff, db and end to end (vitest)', 'npx', ['vitest', 'run']],
  ['widget (web-test-runner, Chromium)', 'npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs']],
];

console.log(`Database suites: PGlite${process.env.DATABASE_URL ? ' and PostgreSQL (DATABASE_URL)' : ' only (set DATABASE_URL to add PostgreSQL)'}`);
const failed = [];
for (const [name, cmd, args] of stages) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chromium } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) failed.push(name);
  console.log(`=== ${name}: ${result.status === 0 ? 'passed' : 'FAILED'} in ${seconds} s ===`);
}
if (failed.length) {
  console.error(`\nnpm test failed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log('\nnpm test passed');
