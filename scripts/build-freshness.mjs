// Whether `npm start` must build first: dist/.built (written last by a finished build) is missing
// or older than any file the build reads.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the build reads. A production install (package.json, the lock file and dist/) has none of
 * the directories, so its built tree is used as it is. */
export const buildSources = ['bff', 'db', 'demo-site', 'widget', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
const skipped = new Set(['node_modules', 'dist']);

function newestChange(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) if (!skipped.has(entry)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

export function buildState(root) {
  const built = statSync(join(root, 'dist', '.built'), { throwIfNoEntry: false })?.mtimeMs;
  if (built === undefined) return 'missing';
  return Math.max(...buildSources.map((source) => newestChange(join(root, source)))) > built ? 'stale' : 'fresh';
}
