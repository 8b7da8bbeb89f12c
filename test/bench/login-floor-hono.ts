// The yardstick for login.per_s and login.server_cpu_ms: the least a password login can do on the
// same stack (Hono on Node's HTTP adapter, postgres.js, the same PostgreSQL, the same argon2id at
// one hash per core), with none of Poort: no middleware, no validation library, no ORM. It makes
// the same round trips a Poort login makes: count the attempt per network, read the user, verify,
// write the session with its audit row in one statement, take the count back, set the cookie.
import { createHash, randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { serve } from '@hono/node-server';
import { verify } from '@node-rs/argon2';
import { Hono } from 'hono';
import postgres from 'postgres';
import { concurrencyLimit } from '../../bff/src/passwords/concurrency-limit.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is needed');
const sql = postgres(url, { max: 10, onnotice: () => {} });
const slot = concurrencyLimit(availableParallelism());

const app = new Hono().post('/login', async (c) => {
  const { email, password } = await c.req.json<{ email: string; password: string }>();
  const key = 'floor:127.0.0.0/24';
  const until = new Date(Date.now() + 600_000).toISOString();
  await sql`insert into rate_limits (key, count, window_started_at, expires_at) values (${key}, 1, now(), ${until}::timestamptz)
            on conflict (key) do update set count = rate_limits.count + 1 returning count`;
  const [user] = await sql<{ id: string; password_hash: string }[]>`select id, password_hash from users where lower(email) = ${email.toLowerCase()} limit 1`;
  if (!user || !(await slot(() => verify(user.password_hash, password)))) return c.json({ error: 'invalid_credentials' }, 401);
  const token = randomBytes(32).toString('base64url');
  const hash = createHash('sha256').update(token).digest('hex');
  const idle = new Date(Date.now() + 1_800_000).toISOString();
  const absolute = new Date(Date.now() + 28_800_000).toISOString();
  await sql`with s as (insert into sessions (token_hash, user_id, method, idle_expires_at, absolute_expires_at) values (${hash}, ${user.id}, 'email', ${idle}::timestamptz, ${absolute}::timestamptz) returning token_hash)
            insert into audit_events (type, outcome, user_id, method) values ('login', 'success', ${user.id}, 'email')`;
  await sql`update rate_limits set count = count - 1 where key = ${key} and count > 0`;
  c.header('Set-Cookie', `floor_session=${token}; Path=/; HttpOnly; Secure; SameSite=Lax`);
  return c.json({ user: { id: user.id, email }, method: 'email' });
});
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`listens on http://127.0.0.1:${info.port}/`));
