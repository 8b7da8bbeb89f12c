// Vitest global setup of the database projects, run once per run before any test file: makes
// sure the development key pairs (test/support/test-keys.ts) exist, and the migrated PGlite image
// (pglite project) or creates the run's migrated template database (postgres project), which each
// test file copies with CREATE DATABASE … TEMPLATE (test/support/db.ts) instead of migrating a
// database of its own. The template is dropped at the end; one left by a killed run is named
// poort_t_… like the others, so test/drop-stale-test-databases.mjs removes it.
import type { TestProject } from 'vitest/node';
import { openDb } from '../../db/open.js';
import { createPostgresDatabase } from './db.js';
import { ensurePgliteImage } from './pglite-snapshot.js';
import { ensureTestKeys } from './test-keys.js';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  // The development key pairs every file copies, made before the files run side by side.
  ensureTestKeys();
  if (project.config.env?.POORT_TEST_DB !== 'postgres') {
    await ensurePgliteImage();
    return undefined;
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('the postgres test project needs DATABASE_URL');
  const template = await createPostgresDatabase(adminUrl, 'poort_t');
  try {
    // openDb migrates; the template must have no connections left when it is copied.
    await (await openDb({ url: template.url, max: 2 })).close();
  } catch (error) {
    await template.drop();
    throw error;
  }
  project.provide('postgresTemplate', template.name);
  return template.drop;
}
