// A fresh PostgreSQL database for one bench run, made the way the tests make theirs, on
// POORT_BENCH_DATABASE_URL or DATABASE_URL or the local default; drop() removes it.
import { createPostgresDatabase } from '../support/db.js';

export function createBenchDatabase() {
  const adminUrl = process.env.POORT_BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  return createPostgresDatabase(adminUrl, 'poort_bench');
}
