// `npm run test:mutation [module ...] [-- stryker options]`: StrykerJS over the pure security
// modules of test/mutation/modules.mjs, one module at a time (each Stryker run boots its own
// vitest; running them side by side would only fight over the machine's cores). Not part of
// `npm test`: see docs/development.md for when to run it.
import { spawnSync } from 'node:child_process';
import { modules } from './modules.mjs';

const args = process.argv.slice(2);
const chosen = args.filter((a) => !a.startsWith('-'));
const strykerArgs = args.filter((a) => a.startsWith('-'));
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
