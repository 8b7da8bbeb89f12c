// The yardstick for session.rps: a bare Hono route on the same Node HTTP adapter that runs one
// trivial prepared query on the same PostgreSQL per request, with the driver and pool size Poort
// uses. No session check can be cheaper than one round trip to the database.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import postgres from 'postgres';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is needed');
// postgres.js prepares every query (named statements) by default, as Poort's session lookup is.
const sql = postgres(url, { max: 10, onnotice: () => {} });
const app = new Hono().get('/floor', async (c) => {
  const [row] = await sql<{ n: number }[]>`select ${1}::int as n`;
  return c.json({ ok: row!.n === 1 });
});
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`listens on http://127.0.0.1:${info.port}/`));
