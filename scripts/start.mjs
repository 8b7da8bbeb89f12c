// `npm start`: build when dist/ is missing or older than the sources, then run the built server
// (dist/bff/src/server.js) in this process. Plain node: no tsx, nothing compiled at run time.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, builtStamp } from './build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// What the build reads. In a production install (package.json, the lock file and dist/ only) none
// of these exist, so the built tree is used as it is.
const sources = ['bff', 'db', 'demo-site', 'widget', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
const skipped = new Set(['node_modules', 'dist']);

function newestChange(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) if (!skipped.has(entry)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

const built = statSync(builtStamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const changed = Math.max(...sources.map((s) => newestChange(join(root, s))));
if (!built || changed > built) {
  console.log(built ? 'Sources changed since the last build: building…' : 'No build yet: building…');
  await build();
}
const server = join(root, 'dist/bff/src/server.js');
if (!existsSync(server)) throw new Error(`${server} is missing: run npm run build`);
process.setSourceMapsEnabled(true);
await import(pathToFileURL(server).href);
