// The yardstick for login.per_s and login.server_cpu_ms: the least a password login can do on the
// same stack (Hono on Node's HTTP adapter, postgres.js, the same PostgreSQL, the same argon2id at
// one hash per core), with none of Poort: no middleware, no validation library, no ORM, no commit
// guard, no metrics. It does what a Poort login must do, the same way, so the two differ only in
// Poort's own overhead (docs/development.md, "Reading the login and session bench figures"):
// - the same round trips: count the attempt per client (a fixed window that starts again once it
//   ended), read the account with what the login decides on (lockout, end date, role,
//   memberships), verify, write the session with its audit row in one statement, take the count
//   back;
// - the same data: every session column, the audit row with client address, browser and request id;
// - the same answer: the session view Poort sends, its cookie, its security headers and request id.
// Keep it in step when Poort's login changes what it must do (not how it does it).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { serve, type HttpBindings } from '@hono/node-server';
import { verify } from '@node-rs/argon2';
import { Hono } from 'hono';
import postgres from 'postgres';
import { concurrencyLimit } from '../../bff/src/passwords/concurrency-limit.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is needed');
const sql = postgres(url, { max: 10, onnotice: () => {} });
const slot = concurrencyLimit(availableParallelism());
const WINDOW_MS = 15 * 60_000;
const IDLE_MS = 30 * 60_000;
const ABSOLUTE_MS = 8 * 60 * 60_000;
const headers = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'Cache-Control': 'no-store',
};

interface Account {
  id: string;
  email: string;
  display_name: string | null;
  role: string;
  password_hash: string | null;
  failed_attempts: number;
  locked_at: Date | null;
  disabled_at: Date | null;
  local_account_until: Date | null;
  locale: string | null;
  membership_ids: string[];
}

const app = new Hono<{ Bindings: HttpBindings }>().post('/login', async (c) => {
  const requestId = randomUUID();
  const { email, password } = await c.req.json<{ email: string; password: string }>();
  const ip = c.env.incoming.socket.remoteAddress ?? null;
  const userAgent = c.req.header('user-agent') ?? null;
  const key = `login:client:${ip}`;
  const now = new Date();
  const end = new Date(now.getTime() + WINDOW_MS).toISOString();
  await sql`insert into rate_limits (key, count, window_started_at, expires_at) values (${key}, 1, ${now.toISOString()}::timestamptz, ${end}::timestamptz)
            on conflict (key) do update set
              count = case when rate_limits.expires_at <= excluded.window_started_at then 1 else rate_limits.count + 1 end,
              window_started_at = case when rate_limits.expires_at <= excluded.window_started_at then excluded.window_started_at else rate_limits.window_started_at end,
              expires_at = case when rate_limits.expires_at <= excluded.window_started_at then excluded.expires_at else rate_limits.expires_at end
            returning count, expires_at`;
  const [user] = await sql<Account[]>`select id, email, display_name, role, password_hash, failed_attempts, locked_at, disabled_at, local_account_until, locale,
                                        array(select organisation_id from memberships where user_id = users.id order by organisation_id) as membership_ids
                                      from users where lower(email) = ${email.toLowerCase()} limit 1`;
  if (!user?.password_hash || !(await slot(() => verify(user.password_hash!, password.normalize('NFC'))))) return c.json({ error: 'invalid_credentials' }, 401);
  if (user.disabled_at || user.locked_at || user.failed_attempts !== 0 || user.membership_ids.length) return c.json({ error: 'not_the_bench_account' }, 500);
  const token = randomBytes(32).toString('base64url');
  const hash = createHash('sha256').update(token).digest('hex');
  const at = new Date();
  const idle = new Date(at.getTime() + IDLE_MS);
  const absolute = new Date(at.getTime() + ABSOLUTE_MS);
  await sql`with s as (insert into sessions (token_hash, user_id, acting_for, organisation_choice_pending, method, level, attributes, created_at, last_seen_at, idle_expires_at, absolute_expires_at)
                       values (${hash}, ${user.id}, null, false, 'email', null, '{}', ${at}, ${at}, ${idle}, ${absolute}) returning token_hash)
            insert into audit_events (type, outcome, user_id, method, ip, user_agent, request_id)
            values ('login', 'success', ${user.id}, 'email', ${ip}, ${userAgent}, ${requestId})`;
  await sql`update rate_limits set count = count - 1 where key = ${key} and expires_at > ${new Date().toISOString()}::timestamptz and count > 0`;
  c.header('X-Request-Id', requestId);
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  c.header('Set-Cookie', `poort_session=${token}; Path=/; Expires=${absolute.toUTCString()}; HttpOnly; SameSite=Lax`);
  return c.json({
    user: { id: user.id, email: user.email, displayName: user.display_name, role: user.role },
    method: 'email',
    level: null,
    actingFor: null,
    organisationChoiceNeeded: false,
    attributes: {},
    expiresAt: idle.toISOString(),
    absoluteExpiresAt: absolute.toISOString(),
  });
});
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`listens on http://127.0.0.1:${info.port}/`));
