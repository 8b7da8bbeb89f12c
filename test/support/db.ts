// A fresh, migrated database for one test file: in-memory PGlite, or (POORT_TEST_DB=postgres) a
// new PostgreSQL database created on DATABASE_URL's server and dropped afterwards. A run never
// sees rows an earlier run left behind.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDb, type DbHandle } from '../../db/open.js';

export const testDbKind = process.env.POORT_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

export interface TestDb extends DbHandle {
  /** postgres:// URL of this test database (PostgreSQL only): for a second pool or process. */
  url?: string;
}

export async function openTestDb(): Promise<TestDb> {
  if (testDbKind === 'pglite') return openDb();
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('POORT_TEST_DB=postgres needs DATABASE_URL');
  const database = await createPostgresDatabase(adminUrl, 'poort_t');
  const handle = await openDb({ url: database.url, max: 5 });
  return {
    ...handle,
    url: database.url,
    close: async () => {
      await handle.close();
      await database.drop();
    },
  };
}

/** Creates an empty database `<prefix>_<time>_<random>` on adminUrl's server; drop() removes it. */
export async function createPostgresDatabase(adminUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
      await cleanup.end();
    },
  };
}
