// openDb(): the same Drizzle API over PostgreSQL (postgres.js) or embedded PGlite, migrated.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { guardPgliteClient, guardPostgresClient } from './commit-guard.js';
import { isPatched } from './driver-patch/postgres-socket-patch.mjs';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction or the database itself: what a store function needs to read and write. */
export type DbOrTx = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;
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
  /** PostgreSQL: seconds one connection attempt may take (default 3). */
  connectTimeoutS?: number;
}

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
/**
 * An empty PGlite database with every migration applied (PGlite's dumpDataDir, gzipped), made by
 * `npm run build` next to the compiled module: dist/db/. Absent when running from source.
 */
export const pgliteSeedFile = fileURLToPath(new URL('./pglite-seed.tar.gz', import.meta.url));

/** Any arbitrary key shared by all Poort instances, so only one migrates at a time. */
const MIGRATION_LOCK = 0x706f6f7274;

export async function openDb(options: OpenDbOptions = {}): Promise<DbHandle> {
  const handle = options.url ? await openPostgres(options.url, options.max, options.connectTimeoutS) : await openPglite(options.dataDir, options.pgliteImage);
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

async function openPostgres(url: string, max = 10, connectTimeoutS = 3): Promise<DbHandle & { migrate(): Promise<void> }> {
  assertDriverPatched();
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(url, {
    max,
    onnotice: () => {},
    // A connection attempt to a database that is restarting fails fast, well inside a request's
    // deadline, instead of waiting for the operating system's TCP timeout. On a starved host a new
    // backend can take longer than that to start (POORT_DATABASE_CONNECT_TIMEOUT_S).
    connect_timeout: connectTimeoutS,
    // The driver's own back-off grows to 20 s and its count of failures is shared by the pool and
    // never reset, so after a few restarts every reconnect waited long. Ours stays under a second.
    backoff: reconnectDelaySeconds,
    // Idle connections are recycled so a restarted database is picked up without a restart of ours.
    idle_timeout: 30,
  });
  // Queries made for a request stop at its deadline (commit-guard.ts); others pass unchanged.
  const db = drizzle(guardPostgresClient(client), { schema }) as unknown as Db;
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

/** Seconds before the next connection attempt after `attempt` failed ones: short, with jitter. */
export function reconnectDelaySeconds(attempt: number): number {
  return Math.min(0.05 * 2 ** attempt, 1) * (0.5 + Math.random() / 2);
}

let patchChecked = false;
/** The driver without Poort's patch dies on a PostgreSQL restart (db/driver-patch/): refuse to run. */
function assertDriverPatched(): void {
  if (patchChecked) return;
  if (!isPatched()) {
    throw new Error('postgres.js is installed without Poort\'s patch (db/driver-patch/); install with npm ci (its postinstall applies it), not with --ignore-scripts, or run node db/driver-patch/postgres-socket-patch.mjs');
  }
  patchChecked = true;
}

async function openPglite(dataDir?: string, image?: Blob): Promise<DbHandle & { migrate(): Promise<void> }> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (dataDir && image) throw new Error('a PGlite image loads into memory only, not into a data directory');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // A new data directory starts from the built seed when there is one: unpacking it takes a
  // fraction of PostgreSQL's initdb, which dominated start-up on a fresh directory.
  const seed = dataDir && !existsSync(join(dataDir, 'PG_VERSION')) && existsSync(pgliteSeedFile) ? new Blob([gunzipSync(readFileSync(pgliteSeedFile))]) : undefined;
  const client = dataDir ? await PGlite.create({ dataDir, ...(seed ? { loadDataDir: seed } : {}) }) : await PGlite.create(image ? { loadDataDir: image } : {});
  const db = drizzle(guardPgliteClient(client), { schema }) as unknown as Db;
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
