// The real server process meets what a production instance meets: an error nothing catches (the
// supervisor must restart it, so it logs and exits non-zero) and a reverse proxy that keeps idle
// connections open longer than Node's 5 s default.
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { sourceServer, startServer, type ServerProcess } from '../support/server-process.js';
import { tempDataDirs } from '../support/data-dirs.js';

const dataDirs = tempDataDirs();

const failOnSignal = ['--import', './test/support/fail-on-signal.mjs'];

async function exitAfterFailure(server: ServerProcess): Promise<number | null> {
  await fetch(`${server.url}/poort/healthz`);
  return server.stop('SIGUSR2');
}

/** One HTTP/1.1 request on an open socket; resolves with the raw response head. */
function requestOn(socket: Socket, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    const onData = (chunk: Buffer) => {
      data += chunk.toString();
      const head = data.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(data);
      if (head >= 0 && length && data.length >= head + 4 + Number(length[1])) {
        socket.off('data', onData).off('close', onClose);
        resolve(data.slice(0, head));
      }
    };
    const onClose = () => reject(new Error(`connection closed by the server; received: ${JSON.stringify(data)}`));
    socket.on('data', onData).once('close', onClose);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: poort.test\r\nConnection: keep-alive\r\n\r\n`);
  });
}

describe('the server process behind a proxy, meeting an uncaught error (PGlite)', () => {
  it('keeps an idle connection open past the old 5 s, then logs an uncaught exception without credentials and exits with code 1', async () => {
    const server = await startServer({ POORT_DATA_DIR: await dataDirs.seeded(), DATABASE_URL: '' }, 30_000, sourceServer, failOnSignal);
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    try {
      // 65 s by default, above nginx's 60 s upstream keep-alive: the proxy closes idle connections.
      expect(await requestOn(socket, '/poort/healthz')).toMatch(/\r\nKeep-Alive: timeout=65\r\n/i);
      // Node's default closed an idle connection after 5 s while the proxy still meant to reuse it.
      await new Promise((r) => setTimeout(r, 5500));
      expect(await requestOn(socket, '/poort/healthz')).toMatch(/^HTTP\/1\.1 200 /);
    } finally {
      socket.destroy();
    }
    // For a supervisor (systemd Restart=on-failure, a container restart policy) to start it again.
    expect(await exitAfterFailure(server)).toBe(1);
    const fatal = server.output().split('\n').find((line) => line.includes('"level":60'));
    expect(fatal).toBeDefined();
    const entry = JSON.parse(fatal!);
    expect(entry).toMatchObject({ kind: 'uncaughtException', err: { name: 'TypeError', message: expect.stringContaining("reading 'write'") } });
    expect(entry.err.stack[0]).toMatch(/^at /);
    expect(server.output()).not.toContain('hunter2');
  });

  it('treats an unhandled rejection the same way', async () => {
    const server = await startServer({ POORT_DATA_DIR: await dataDirs.seeded(), DATABASE_URL: '', POORT_TEST_FAILURE: 'rejection' }, 30_000, sourceServer, failOnSignal);
    expect(await exitAfterFailure(server)).toBe(1);
    const entry = JSON.parse(server.output().split('\n').find((line) => line.includes('"level":60'))!);
    expect(entry).toMatchObject({ kind: 'unhandledRejection', err: { name: 'Error', message: 'connect failed for postgres://[redacted]@db.internal:5432/poort' } });
    expect(server.output()).not.toContain('hunter2');
  });
});

describe('keep-alive configuration and the internal metrics port (PGlite)', () => {
  it('takes its keep-alive from POORT_KEEP_ALIVE_TIMEOUT_MS and refuses a headers timeout below it', async () => {
    const server = await startServer({ POORT_DATA_DIR: await dataDirs.seeded(), DATABASE_URL: '', POORT_KEEP_ALIVE_TIMEOUT_MS: '75000', POORT_METRICS_PORT: '0' });
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    try {
      expect(await requestOn(socket, '/poort/healthz')).toMatch(/\r\nKeep-Alive: timeout=75\r\n/i);
      // POORT_METRICS_PORT: /metrics without a token on its own listener; the public port has none.
      let metricsUrl: string | undefined;
      for (let i = 0; i < 100 && !metricsUrl; i++, await new Promise((r) => setTimeout(r, 50))) metricsUrl = /Metrics on (http:\/\/\S+)/.exec(server.output())?.[1];
      const metrics = await fetch(metricsUrl!);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toMatch(/^poort_logins_started_total|^# TYPE poort_logins_started counter/m);
      expect((await fetch(`${metricsUrl!.replace(/\/metrics$/, '')}/poort/healthz`)).status).toBe(404);
      expect((await fetch(`${server.url}/poort/metrics`)).status).toBe(404);
    } finally {
      socket.destroy();
      expect(await server.stop('SIGTERM')).toBe(0);
    }
    await expect(startServer({ POORT_DATA_DIR: await dataDirs.seeded(), DATABASE_URL: '', POORT_KEEP_ALIVE_TIMEOUT_MS: '75000', POORT_HEADERS_TIMEOUT_MS: '70000' })).rejects.toThrow(
      /POORT_HEADERS_TIMEOUT_MS: must be greater than POORT_KEEP_ALIVE_TIMEOUT_MS/,
    );
  });
});
