// openDb(): the same Drizzle API over PostgreSQL (postgres.js) or embedded PGlite, migrated.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbKind = 'postgres' | 'pglite';

export interface DbHandle {
  db: Db;
  kind: DbKind;
  /** Where the data lives, without credentials: safe to print. */
  description: string;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDbOptions {
  /** postgres://… : use PostgreSQL. Absent: embedded PGlite. */
  url?: string | undefined;
  /** PGlite data directory; absent means in memory (tests). */
  dataDir?: string | undefined;
  /**
   * PGlite in memory only: start from this `dumpDataDir()` image instead of an empty cluster.
   * Creating an empty cluster (initdb in WASM) is most of PGlite's start-up; tests load one
   * migrated image per file instead (test/support/pglite-snapshot.ts).
   */
  pgliteImage?: Blob | undefined;
  /** Run the committed migrations before returning (default true). */
  migrate?: boolean;
  /** Pool size for PostgreSQL. */
  max?: number;
}

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Any arbitrary key shared by all Poort instances, so only one migrates at a time. */
const MIGRATION_LOCK = 0x706f6f7274;

export async function openDb(options: OpenDbOptions = {}): Promise<DbHandle> {
  const handle = options.url ? await openPostgres(options.url, options.max) : await openPglite(options.dataDir, options.pgliteImage);
  if (options.migrate !== false) {
    try {
      await handle.migrate();
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  return handle;
}

async function openPostgres(url: string, max = 10): Promise<DbHandle & { migrate(): Promise<void> }> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(url, {
    max,
    onnotice: () => {},
    connect_timeout: 5,
    // Idle connections are recycled so a restarted database is picked up without a restart of ours.
    idle_timeout: 30,
  });
  const db = drizzle(client, { schema }) as unknown as Db;
  const parsed = new URL(url);
  return {
    db,
    kind: 'postgres',
    description: `PostgreSQL ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
    ping: async () => {
      await client`select 1`;
    },
    close: () => client.end({ timeout: 5 }),
    migrate: async () => {
      const { migrate } = await import('drizzle-orm/postgres-js/migrator');
      // Several BFF instances may start at once against one database: serialise their migrations.
      const lock = await client.reserve();
      try {
        await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
        await migrate(drizzle(client, { schema }), { migrationsFolder });
      } finally {
        await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
        lock.release();
      }
    },
  };
}

async function openPglite(dataDir?: string, image?: Blob): Promise<DbHandle & { migrate(): Promise<void> }> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (dataDir && image) throw new Error('a PGlite image loads into memory only, not into a data directory');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = dataDir ? await PGlite.create(dataDir) : await PGlite.create(image ? { loadDataDir: image } : {});
  const db = drizzle(client, { schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    kind: 'pglite',
    description: dataDir ? `PGlite (embedded) in ${dataDir}` : 'PGlite (embedded, in memory)',
    ping: async () => {
      if (closed) throw new Error('database closed');
      await db.execute(sql`select 1`);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await client.close();
    },
    migrate: async () => {
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(drizzle(client, { schema }), { migrationsFolder });
    },
  };
}
