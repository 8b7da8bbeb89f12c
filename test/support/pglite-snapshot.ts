// One migrated PGlite image (`dumpDataDir()`, an uncompressed tar) that every test file loads
// instead of creating a cluster of its own: creating one (initdb in WASM) takes 3–6 s on this
// machine, loading the image about half a second, and the migrations run only once.
//
// The image is cached under node_modules/.cache/poort-tests, named by a hash of the PGlite
// version and the migration files, so a new migration or PGlite release makes a new image and
// single-file runs pay the 3–6 s only the first time. It is written under a temporary name and
// renamed, so parallel runs never read half a file.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrationsFolder } from '../../db/open.js';

const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/poort-tests', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/** Where the image for today's migrations and PGlite version lives (it may not exist yet). */
export function pgliteImagePath(): string {
  const hash = createHash('sha256');
  const pglitePackage = new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url);
  hash.update(JSON.parse(readFileSync(pglitePackage, 'utf8')).version);
  for (const file of filesUnder(migrationsFolder)) hash.update(file.slice(migrationsFolder.length)).update(readFileSync(file));
  return join(cacheDir, `pglite-${hash.digest('hex').slice(0, 16)}.tar`);
}

/** Makes the image if it is missing; returns its path. */
export async function ensurePgliteImage(): Promise<string> {
  const path = pgliteImagePath();
  if (existsSync(path)) return path;
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const client = await PGlite.create();
  try {
    await migrate(drizzle(client), { migrationsFolder });
    const image = await client.dumpDataDir('none');
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${path}.${randomBytes(4).toString('hex')}.partial`;
    writeFileSync(partial, Buffer.from(await image.arrayBuffer()));
    renameSync(partial, path);
    // Images of earlier migrations are of no further use.
    for (const old of readdirSync(cacheDir)) if (old.endsWith('.tar') && join(cacheDir, old) !== path) rmSync(join(cacheDir, old), { force: true });
  } finally {
    await client.close();
  }
  return path;
}

/** The image as PGlite's `loadDataDir` wants it. */
export async function loadPgliteImage(): Promise<Blob> {
  return new Blob([readFileSync(await ensurePgliteImage())]);
}

/**
 * Unpacks the image into `<dataDir>/pglite`, where the server and the CLI keep PGlite
 * (POORT_DATA_DIR): a server process then starts on a migrated cluster instead of creating one.
 * For end-to-end tests that are not about the very first start on an empty directory.
 */
export async function seedPgliteDataDir(dataDir: string): Promise<void> {
  const target = join(dataDir, 'pglite');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xf', await ensurePgliteImage(), '-C', target], { stdio: 'pipe' });
}
