// login.* and session.* figures, against the real server process on PostgreSQL.
//   login.single_ms            median of 20 sequential logins
//   login.per_s                closed loop: 50 workers for 10 s, each starting its next login when
//                              its last one ended (like session.rps); logins answered 200 per second
//   login.p50_ms / .p99_ms     latency of those logins
//   login.server_cpu_ms        the server process's CPU time per login in that run, from its own
//                              process.cpuUsage() (all threads: argon2 runs on libuv's pool)
//   login.argon2_cpu_ms        CPU time of one argon2 verify alone (median of 20, in this process)
//   login.hash_parallel_per_s  argon2 verifies per second alone with one in flight per core: the
//                              ceiling login.per_s can approach on this machine
//   login.floor_per_s / _cpu_ms the same closed loop against login-floor-hono.ts: the least a login
//                              can do on this stack (same HTTP adapter, driver, database, argon2,
//                              round trips, rows and answer, none of Poort): the yardstick the goals use
//   session.rps / .p99_ms      GET /poort/api/session with a valid cookie, 50 connections, 10 s
//                              (after 2 s of warm-up, as for the yardsticks below)
//   session.distinct50_rps     the same with 50 different sessions, one per connection: checks that
//                              arrive together share one query, and with one cookie they also share
//                              its row, so this is the figure for many users at once
//   session.db_floor_rps       a bare Hono route running one trivial prepared query on the same
//                              PostgreSQL per request, the same way, in the same run
//   hono.bare_rps              a bare Hono route with no I/O, the same way, in the same run
//   goal.*                     the login ratios against the floor (≤ 1.2 CPU, ≥ 0.8 throughput) and
//                              session.rps ≥ 0.8 × db_floor_rps; the first login yardsticks
//                              (argon2 alone) are printed for information (docs/development.md)
// There is no login.hash_limit_per_s any more: cores ÷ one verify's time assumed argon2 scales
// linearly over the cores, which a memory-bound machine does not give (docs/development.md).
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openDb } from '../../db/open.js';
import { users } from '../../db/schema.js';
import { hashPassword, verifyPassword } from '../../bff/src/passwords/password-hash.js';
import { sourceServer, startServer } from '../support/server-process.js';
import { createBenchDatabase } from './bench-database.js';
import { median, percentile, report } from './report.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PASSWORD = 'bench wachtwoord voor iedereen';
const EMAIL = 'bench@gemeente.example.nl';
const headers = { 'content-type': 'application/json' };

export async function benchLoginAndSession(): Promise<void> {
  const database = await createBenchDatabase();
  const db = await openDb({ url: database.url, max: 2 });
  const server = await startServer({ DATABASE_URL: database.url, LOG_LEVEL: 'warn' }, 30_000, sourceServer, ['--import', './test/bench/report-cpu-usage.ts']);
  try {
    const hash = await hashPassword(PASSWORD);
    await db.db.insert(users).values({ email: EMAIL, passwordHash: hash });
    const login = () => loginAt(`${server.url}/poort/api/login`);
    await login(); // warm-up
    const single: number[] = [];
    for (let i = 0; i < 20; i++) single.push((await login()).ms);
    report('login.single_ms', Math.round(median(single) * 10) / 10, 'ms');

    const run = await closedLoop(`${server.url}/poort/api/login`, server.child);
    const { perSecond, latencies, serverCpuMs, seconds, cpuMicros } = run;
    report('login.per_s', Math.round(perSecond * 10) / 10, '/s');
    report('login.p50_ms', Math.round(median(latencies)), 'ms');
    report('login.p99_ms', Math.round(percentile(latencies, 99)), 'ms');
    report('login.server_cpu_ms', Math.round(serverCpuMs * 100) / 100, 'ms');
    // How many of the machine's cores the server had: on a small machine the load generator (this
    // process) and PostgreSQL share them, which caps login.per_s below what argon2 alone reaches.
    report('login.server_cores', Math.round((cpuMicros / 1e6 / seconds) * 100) / 100, 'cores');

    const verifyCpu: number[] = [];
    for (let i = 0; i < 20; i++) {
      const before = process.cpuUsage();
      await verifyPassword(hash, PASSWORD);
      const used = process.cpuUsage(before);
      verifyCpu.push((used.user + used.system) / 1000);
    }
    const argon2CpuMs = median(verifyCpu);
    report('login.argon2_cpu_ms', Math.round(argon2CpuMs * 100) / 100, 'ms');

    // One verify in flight per core, nothing else running: what argon2 alone reaches here.
    const cores = availableParallelism();
    let left = 20 * cores;
    const t0 = performance.now();
    const parallelCpuBefore = process.cpuUsage();
    await Promise.all(
      Array.from({ length: cores }, async () => {
        while (left-- > 0) await verifyPassword(hash, PASSWORD);
      }),
    );
    const parallelCpu = process.cpuUsage(parallelCpuBefore);
    const hashParallel = (20 * cores * 1000) / (performance.now() - t0);
    // argon2 is memory-bound: with one hash per core the hashes contend for the shared cache and
    // memory bandwidth, and each costs more CPU time than one alone. The server runs them that way.
    const argon2ParallelCpuMs = (parallelCpu.user + parallelCpu.system) / 1000 / (20 * cores);
    report('login.hash_parallel_per_s', Math.round(hashParallel * 10) / 10, '/s');
    report('login.argon2_parallel_cpu_ms', Math.round(argon2ParallelCpuMs * 100) / 100, 'ms');
    report('goal.login_server_cpu_per_argon2_cpu', Math.round((serverCpuMs / argon2CpuMs) * 100) / 100, '× (information only: the goal is against the floor, docs/development.md)');
    report('goal.login_server_cpu_per_argon2_parallel_cpu', Math.round((serverCpuMs / argon2ParallelCpuMs) * 100) / 100, '× (the same goal against argon2 as the server runs it)');
    report('goal.login_per_s_per_hash_parallel', Math.round((perSecond / hashParallel) * 100) / 100, '× (information only: the goal is against the floor, docs/development.md)');

    // The same closed loop against the least a login can do on this stack (login-floor-hono.ts):
    // argon2 alone leaves out the HTTP, JSON and database work every login needs.
    const loginFloor = await startYardstick('test/bench/login-floor-hono.ts', { DATABASE_URL: database.url }, ['--import', './test/bench/report-cpu-usage.ts']);
    try {
      for (let i = 0; i < 20; i++) await loginAt(`${loginFloor.url}/login`); // warm-up
      const floorRun = await closedLoop(`${loginFloor.url}/login`, loginFloor.child);
      report('login.floor_per_s', Math.round(floorRun.perSecond * 10) / 10, '/s');
      report('login.floor_cpu_ms', Math.round(floorRun.serverCpuMs * 100) / 100, 'ms');
      report('goal.login_server_cpu_per_floor_cpu', Math.round((serverCpuMs / floorRun.serverCpuMs) * 100) / 100, '× (goal ≤ 1.2: Poort against the bare login on the same stack)');
      report('goal.login_per_s_per_floor', Math.round((perSecond / floorRun.perSecond) * 100) / 100, '× (goal ≥ 0.8: Poort against the bare login on the same stack)');
    } finally {
      loginFloor.stop();
    }

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

    const floor = await startYardstick('test/bench/db-floor-hono.ts', { DATABASE_URL: database.url });
    try {
      const floorRps = (await cannon(`${floor.url}/floor`, {})).requests.average;
      report('session.db_floor_rps', Math.round(floorRps), 'req/s');
      report('goal.session_rps_per_db_floor', Math.round((session.requests.average / floorRps) * 100) / 100, '× (goal ≥ 0.8)');
    } finally {
      floor.stop();
    }
  } finally {
    await server.stop();
    await db.close();
    await database.drop();
  }

  const bare = await startYardstick('test/bench/bare-hono.ts');
  try {
    report('hono.bare_rps', Math.round((await cannon(`${bare.url}/bare`, {})).requests.average), 'req/s');
  } finally {
    bare.stop();
  }
}

async function loginAt(loginUrl: string) {
  const started = performance.now();
  const res = await fetch(loginUrl, { method: 'POST', headers, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`login answered ${res.status}`);
  await res.arrayBuffer();
  return { ms: performance.now() - started, cookie: res.headers.get('set-cookie')!.split(';')[0]! };
}

/** 50 workers for 10 s, each starting its next login when one ends; the server's CPU per login from its own process.cpuUsage(). */
async function closedLoop(loginUrl: string, child: ChildProcess) {
  const latencies: number[] = [];
  const cpuBefore = await cpuUsageOf(child);
  const started = performance.now();
  const until = started + 10_000;
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (performance.now() < until) latencies.push((await loginAt(loginUrl)).ms);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuMicros = (await cpuUsageOf(child)) - cpuBefore;
  return { latencies, seconds, cpuMicros, perSecond: latencies.length / seconds, serverCpuMs: cpuMicros / 1000 / latencies.length };
}

/** 10 s measured after 2 s unmeasured, so both servers are compared with their code optimised by V8. */
async function cannon(url: string, headers: Record<string, string>, requests?: autocannon.Request[]) {
  await autocannon({ url, connections: 50, duration: 2, headers, ...(requests ? { requests } : {}) });
  return autocannon({ url, connections: 50, duration: 10, headers, ...(requests ? { requests } : {}) });
}

/** Starts one of the bench's own small servers and reads the URL it prints. */
async function startYardstick(script: string, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<{ url: string; child: ChildProcess; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...nodeArgs, script], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const match = /listens on (http:\/\/[^/\s]+)\//.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { url, child, stop: () => child.kill('SIGTERM') };
}

/** The server's own process.cpuUsage() (user + system, µs), asked for with SIGUSR2 (report-cpu-usage.ts). */
function cpuUsageOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the server did not report its CPU usage')), 5000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /cpu-usage (\d+) (\d+)\n/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve(Number(match[1]) + Number(match[2]));
    };
    child.stdout!.on('data', onData);
    child.kill('SIGUSR2');
  });
}
