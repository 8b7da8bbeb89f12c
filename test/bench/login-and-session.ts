// login.* and session.* figures, against the real server process on PostgreSQL.
//   login.single_ms            median of 20 sequential logins
//   login.concurrent50_p50_ms  latency of logins with 50 in flight at once (4 rounds of 50)
//   login.concurrent50_p99_ms
//   login.per_s                logins per second in those rounds
//   login.hash_limit_per_s     cores × 1000 ÷ median time of one argon2 verify alone: the ceiling
//   login.hash_parallel_per_s  argon2 verifies per second alone with one in flight per core
//   session.rps / .p99_ms      GET /poort/api/session with a valid cookie, 50 connections, 10 s
//                              (after 2 s of warm-up, as for hono.bare_rps)
//   session.distinct50_rps     the same with 50 different sessions, one per connection: checks that
//                              arrive together share one query, and with one cookie they also share
//                              its row, so this is the figure for many users at once
//   hono.bare_rps              a bare Hono route, the same way, in the same run
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openDb } from '../../db/open.js';
import { users } from '../../db/schema.js';
import { hashPassword, verifyPassword } from '../../bff/src/passwords/password-hash.js';
import { startServer } from '../support/server-process.js';
import { createBenchDatabase } from './bench-database.js';
import { median, percentile, report } from './report.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PASSWORD = 'bench wachtwoord voor iedereen';
const headers = { 'content-type': 'application/json' };

export async function benchLoginAndSession(): Promise<void> {
  const database = await createBenchDatabase();
  const db = await openDb({ url: database.url, max: 2 });
  const server = await startServer({ DATABASE_URL: database.url, LOG_LEVEL: 'warn' });
  try {
    const hash = await hashPassword(PASSWORD);
    await db.db.insert(users).values({ email: 'bench@gemeente.example.nl', passwordHash: hash });
    const login = async () => {
      const started = performance.now();
      const res = await fetch(`${server.url}/poort/api/login`, { method: 'POST', headers, body: JSON.stringify({ email: 'bench@gemeente.example.nl', password: PASSWORD }) });
      if (res.status !== 200) throw new Error(`login answered ${res.status}`);
      await res.arrayBuffer();
      return { ms: performance.now() - started, cookie: res.headers.get('set-cookie')!.split(';')[0]! };
    };

    await login(); // warm-up
    const single: number[] = [];
    for (let i = 0; i < 20; i++) single.push((await login()).ms);
    report('login.single_ms', Math.round(median(single) * 10) / 10, 'ms');

    const latencies: number[] = [];
    const started = performance.now();
    for (let round = 0; round < 4; round++) latencies.push(...(await Promise.all(Array.from({ length: 50 }, login))).map((r) => r.ms));
    const seconds = (performance.now() - started) / 1000;
    report('login.concurrent50_p50_ms', Math.round(median(latencies)), 'ms');
    report('login.concurrent50_p99_ms', Math.round(percentile(latencies, 99)), 'ms');
    report('login.per_s', Math.round((latencies.length / seconds) * 10) / 10, '/s');

    const verifies: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      await verifyPassword(hash, PASSWORD);
      verifies.push(performance.now() - t0);
    }
    report('login.hash_limit_per_s', Math.round(((availableParallelism() * 1000) / median(verifies)) * 10) / 10, '/s');
    // hash_limit_per_s assumes verifies scale linearly over the cores. On a shared or memory-bound
    // machine they do not (19 MiB per verify), so also measure what argon2 alone reaches with one
    // verify in flight per core: the ceiling login.per_s can actually approach on this machine.
    const cores = availableParallelism();
    let left = 20 * cores;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: cores }, async () => {
      while (left-- > 0) await verifyPassword(hash, PASSWORD);
    }));
    report('login.hash_parallel_per_s', Math.round(((20 * cores * 1000) / (performance.now() - t0)) * 10) / 10, '/s');

    const { cookie } = await login();
    const session = await cannon(`${server.url}/poort/api/session`, { cookie });
    if (session.non2xx) throw new Error(`session answered non-2xx ${session.non2xx} times`);
    report('session.rps', Math.round(session.requests.average), 'req/s');
    report('session.p99_ms', session.latency.p99, 'ms');

    const cookies: string[] = [];
    for (let i = 0; i < 50; i++) cookies.push((await login()).cookie);
    let next = 0;
    const distinct = await cannon(`${server.url}/poort/api/session`, {}, [
      { setupRequest: (req) => ({ ...req, headers: { ...req.headers, cookie: cookies[next++ % cookies.length]! } }) },
    ]);
    if (distinct.non2xx) throw new Error(`session answered non-2xx ${distinct.non2xx} times`);
    report('session.distinct50_rps', Math.round(distinct.requests.average), 'req/s');
  } finally {
    await server.stop();
    await db.close();
    await database.drop();
  }

  const bare = await startBareHono();
  try {
    report('hono.bare_rps', Math.round((await cannon(`${bare.url}/bare`, {})).requests.average), 'req/s');
  } finally {
    bare.stop();
  }
}

/** 10 s measured after 2 s unmeasured, so both servers are compared with their code optimised by V8. */
async function cannon(url: string, headers: Record<string, string>, requests?: autocannon.Request[]) {
  await autocannon({ url, connections: 50, duration: 2, headers, ...(requests ? { requests } : {}) });
  return autocannon({ url, connections: 50, duration: 10, headers, ...(requests ? { requests } : {}) });
}

async function startBareHono(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/bare-hono.ts'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const match = /listens on (http:\/\/[^/\s]+)\//.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`bare Hono server exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}
