// A fresh, migrated database for one test file: in-memory PGlite loaded from the run's migrated
// image, or (POORT_TEST_DB=postgres) a new PostgreSQL database copied from the run's migrated
// template database on DATABASE_URL's server and dropped afterwards. Each file starts from the
// migrated, empty state and never sees rows of another file or an earlier run.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDb, type DbHandle } from '../../db/open.js';
import { loadPgliteImage } from './pglite-snapshot.js';

export const testDbKind = process.env.POORT_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

export interface TestDb extends DbHandle {
  /** postgres:// URL of this test database (PostgreSQL only): for a second pool or process. */
  url?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Name of the run's migrated template database (test/support/database-setup.ts). */
    postgresTemplate?: string;
  }
}

/**
 * `kind` defaults to the project's (POORT_TEST_DB); an end-to-end test that needs PostgreSQL asks
 * for it, and registers itself only when DATABASE_URL is set.
 */
export async function openTestDb({ kind = testDbKind }: { kind?: typeof testDbKind } = {}): Promise<TestDb> {
  if (kind === 'pglite') return openDb({ pgliteImage: await loadPgliteImage(), migrate: false });
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('a PostgreSQL test database needs DATABASE_URL');
  // Imported here so the bench can use createPostgresDatabase outside vitest.
  const { inject } = await import('vitest');
  const template = inject('postgresTemplate');
  const database = await createPostgresDatabase(adminUrl, 'poort_t', template);
  // Without a template (a run without the global setup) the database is empty: migrate it here.
  const handle = await openDb({ url: database.url, max: 5, migrate: !template });
  return {
    ...handle,
    url: database.url,
    close: async () => {
      await handle.close();
      await database.drop();
    },
  };
}

/**
 * Creates a database `<prefix>_<time>_<random>` on adminUrl's server, empty or as a copy of
 * `template`; drop() removes it.
 */
export async function createPostgresDatabase(adminUrl: string, prefix: string, template?: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"${template ? ` template "${template}"` : ''}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
      await cleanup.end();
    },
  };
}
