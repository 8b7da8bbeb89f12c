// `npm run build`: everything Poort runs or serves, under dist/ (nothing else is needed at run time):
//   dist/bff/src/, dist/db/       the BFF and database code compiled by tsc (tsconfig.build.json),
//                                 keeping the source layout, with the files they read next to them
//                                 (db/migrations/, bff/src/**/*.txt), found through import.meta.url,
//                                 and dist/db/pglite-seed.tar.gz (a migrated empty PGlite database)
//   dist/demo-site/               the demo site's server part, its pages (public/) and the Vue and React demos (vue/, react/)
//   dist/widget/                  login-chooser.js (the ES module a page loads) and the chunks it loads on
//                                 demand beside it (login-chooser-*.js: Flemish and English texts, rarely
//                                 seen steps), react.js (the @lit/react components),
//                                 themes/*.css (ready themes of design tokens) and custom-elements.json
//   dist/beheer/                  beheer.js, the Beheer page's elements (served at /poort/beheer/)
//   dist/widget/locales/          the widget's default texts, which the BFF serves with the overrides
//   dist/editor/                  poort-text-editor.js: the text editor at /poort/editor, with the widget
// The BFF and the widget chain build side by side; dist/.built is written last, so an interrupted
// build is never taken for a finished one (scripts/build-freshness.mjs).
import { spawn } from 'node:child_process';
import { cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

function run(bin, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(join(root, 'node_modules', '.bin', bin), args, { cwd: root, stdio: 'inherit' });
    child.once('error', (error) => reject(new Error(`${bin}: ${error.message} (npm run build needs the devDependencies: npm ci)`)));
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${bin} ${args.join(' ')} failed (${code})`))));
  });
}

/** Copies the files under `dir` that are not TypeScript to the same place under dist/. */
function copyRuntimeAssets(dir) {
  for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('.ts')) continue;
    const from = join(entry.parentPath, entry.name);
    cpSync(from, join(dist, relative(root, from)));
  }
}

async function buildBff() {
  await run('tsc', ['-p', 'tsconfig.build.json']);
  copyRuntimeAssets('bff/src');
  // The entry points operators type: `node dist/bff/server.js`, `node dist/bff/cli.js`. The compiled
  // tree keeps the source layout (dist/bff/src/…) so its relative imports of db/ and contract/ hold.
  writeFileSync(join(dist, 'bff/server.js'), "// Poort's server: see dist/bff/src/server.js.\nimport './src/server.js';\n");
  writeFileSync(join(dist, 'bff/cli.js'), "// Poort's command line: see dist/bff/src/cli/main.js.\nimport './src/cli/main.js';\n");
  copyRuntimeAssets('db/migrations');
  // The postgres.js patch: db/open.ts checks it at run time, and a production install's postinstall applies it from here.
  copyRuntimeAssets('db/driver-patch');
  cpSync(join(root, 'demo-site/public'), join(dist, 'demo-site/public'), { recursive: true });
  await makePgliteSeed();
}

/** dist/db/pglite-seed.tar.gz: a migrated empty database that a new PGlite data directory starts from (db/open.ts). */
async function makePgliteSeed() {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const { migrationsFolder, pgliteSeedFile } = await import(pathToFileURL(join(dist, 'db/open.js')).href);
  const client = await PGlite.create();
  try {
    await migrate(drizzle(client), { migrationsFolder });
    const dump = await client.dumpDataDir('none');
    writeFileSync(pgliteSeedFile, gzipSync(Buffer.from(await dump.arrayBuffer())));
  } finally {
    await client.close();
  }
}

async function buildWidgetAndDemo() {
  await run('vite', ['build', '--config', 'widget/vite.config.ts', '--logLevel', 'warn']);
  // react.js imports login-chooser.js as built, so after it.
  await run('vite', ['build', '--config', 'widget/react.vite.config.ts', '--logLevel', 'warn']);
  // The Beheer page (/poort/beheer/), its own module: nothing of it reaches the embedded widget.
  await run('vite', ['build', '--config', 'widget/beheer.vite.config.ts', '--logLevel', 'warn']);
  // The ready themes: plain CSS files of design tokens, served as they are (no build step).
  cpSync(join(root, 'widget/themes'), join(dist, 'widget/themes'), { recursive: true });
  // The BFF reads the widget's default texts at run time (bff/src/texts/default-texts.ts), from the
  // same place relative to its modules as in the sources; vite empties dist/widget first, so after it.
  cpSync(join(root, 'widget/locales'), join(dist, 'widget/locales'), { recursive: true });
  await run('vite', ['build', '--config', 'editor/vite.config.ts', '--logLevel', 'warn']);
  await run('cem', ['analyze', '--litelement', '--globs', 'widget/src/**/*.ts', '--exclude', 'widget/src/beheer/**', '--outdir', 'dist/widget', '--quiet']);
  // The Vue and React demos import the built widget (poort/widget), so they come after it.
  await Promise.all([run('vite', ['build', '--config', 'demo-site/vue/vite.config.ts']), run('vite', ['build', '--config', 'demo-site/react/vite.config.ts'])]);
}

export async function build() {
  rmSync(dist, { recursive: true, force: true });
  await Promise.all([buildBff(), buildWidgetAndDemo()]);
  writeFileSync(join(dist, '.built'), `${new Date().toISOString()}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  build().catch((error) => {
    console.error(`npm run build: ${error.message}`);
    process.exit(1);
  });
}
