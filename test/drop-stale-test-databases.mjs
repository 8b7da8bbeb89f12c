// Test databases, and the per-run template they are copied from (test/support/database-setup.ts),
// are named poort_t_<base36 creation time>_<random> and dropped by whoever made them; one left by a
// killed run is dropped here once it is over an hour old (younger ones may belong to a run in
// progress).
import postgres from 'postgres';

const url = process.env.DATABASE_URL;
if (!url) process.exit(0);
const sql = postgres(url, { max: 1, onnotice: () => {} });
try {
  const rows = await sql`select datname from pg_database where datname like 'poort\\_t\\_%'`;
  const hourAgo = Date.now() - 3_600_000;
  for (const { datname } of rows) {
    const created = parseInt(datname.split('_')[2], 36);
    if (Number.isFinite(created) && created < hourAgo) {
      await sql.unsafe(`drop database if exists "${datname}" with (force)`);
      console.log(`dropped stale test database ${datname}`);
    }
  }
} finally {
  await sql.end();
}
