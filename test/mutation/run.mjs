// `npm run test:mutation [module ...] [-- stryker options]`: StrykerJS over the pure security
// modules of test/mutation/modules.mjs, one module at a time (each Stryker run boots its own
// vitest; running them side by side would only fight over the machine's cores). Not part of
// `npm test`: see docs/development.md for when to run it.
import { spawnSync } from 'node:child_process';
import { modules } from './modules.mjs';

// Module names first, then Stryker's own options (`--force`, `--mutate file:10-40`, `--concurrency 2`).
const args = process.argv.slice(2);
const firstOption = args.findIndex((a) => a.startsWith('-'));
const chosen = firstOption === -1 ? args : args.slice(0, firstOption);
const strykerArgs = firstOption === -1 ? [] : args.slice(firstOption);
const unknown = chosen.filter((n) => !(n in modules));
if (unknown.length) {
  console.error(`Unknown module ${unknown.join(', ')}; known: ${Object.keys(modules).join(', ')}`);
  process.exit(2);
}
const names = chosen.length ? chosen : Object.keys(modules);
const failed = [];
for (const name of names) {
  console.log(`\n=== mutation testing ${modules[name].file} ===`);
  const result = spawnSync('npx', ['stryker', 'run', 'test/mutation/stryker.config.mjs', ...strykerArgs], {
    stdio: 'inherit',
    env: { ...process.env, MUTATION_MODULE: name },
  });
  if (result.status !== 0) failed.push(name);
}
if (failed.length) {
  console.error(`\nMutation score below the threshold (or the run failed) for: ${failed.join(', ')}`);
  process.exit(1);
}
console.log(`\nMutation testing passed for: ${names.join(', ')}`);
