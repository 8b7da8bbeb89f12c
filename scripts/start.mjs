// `npm start`: build when dist/ is missing or older than the sources, then run the built server
// (dist/bff/server.js) in this process, so Ctrl-C reaches its own shutdown. Plain node: no
// tsx, nothing compiled at run time.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildState } from './build-freshness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const state = buildState(root);
if (state !== 'fresh') {
  console.log(state === 'missing' ? 'No build yet: building…' : 'Sources changed since the last build: building…');
  const { build } = await import('./build.mjs');
  await build().catch((error) => {
    console.error(`npm start: the build failed: ${error.message}`);
    process.exit(1);
  });
}
const server = join(root, 'dist/bff/server.js');
if (!existsSync(server)) {
  console.error(`npm start: ${server} is missing: run npm run build`);
  process.exit(1);
}
process.setSourceMapsEnabled(true);
await import(pathToFileURL(server).href);
