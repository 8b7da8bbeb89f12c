import { describe, expect, it } from 'vitest';
import { startServer } from '../support/server-process.js';
import { tempDataDirs } from '../support/data-dirs.js';

const dataDirs = tempDataDirs();
const freshDataDir = dataDirs.fresh;

// The real process on embedded PGlite, as `npm start` runs it on a fresh machine.
describe('the server process (PGlite)', () => {
  it('serves the BFF, the three demo pages and the widget, then stops cleanly and starts again on the same data', async () => {
    const dataDir = freshDataDir();
    const server = await startServer({ POORT_DATA_DIR: dataDir, DATABASE_URL: '' });
    try {
      expect(server.output()).toMatch(/Database: PGlite \(embedded\) in .*pglite/);
      expect((await fetch(`${server.url}/poort/healthz`)).status).toBe(200);
      expect(await (await fetch(`${server.url}/poort/readyz`)).json()).toEqual({ status: 'ready', database: 'pglite' });
      for (const [path, lang] of [['/', 'nl'], ['/vl/', 'nl-BE'], ['/en/', 'en']] as const) {
        const res = await fetch(`${server.url}${path}`);
        expect(res.status, path).toBe(200);
        const page = await res.text();
        expect(page).toContain(`<html lang="${lang}">`);
        expect(page).toContain('<login-chooser');
        expect(page).toContain('src="/widget/login-chooser.js"');
      }
      const widget = await fetch(`${server.url}/widget/login-chooser.js`);
      expect(widget.status).toBe(200);
      expect(widget.headers.get('content-type')).toMatch(/javascript/);
      expect(await widget.text()).toContain('login-chooser');
    } finally {
      expect(await server.stop('SIGINT')).toBe(0);
    }
    // PGlite was closed on Ctrl-C: the same data directory opens again without complaint.
    const again = await startServer({ POORT_DATA_DIR: dataDir, DATABASE_URL: '' });
    try {
      expect((await fetch(`${again.url}/poort/readyz`)).status).toBe(200);
    } finally {
      expect(await again.stop('SIGTERM')).toBe(0);
    }
  });

  it('sends the security headers over real HTTP, keeps a route\'s own CSP, and tags each response with a request id', async () => {
    // The Node adapter gets these headers another way than app.request() does (see default-headers.ts).
    // Not about the first start: a migrated cluster unpacked in place spares creating one.
    const dataDir = await dataDirs.seeded();
    const server = await startServer({ POORT_DATA_DIR: dataDir, DATABASE_URL: '' });
    try {
      const api = await fetch(`${server.url}/poort/api/session`, { headers: { 'x-request-id': 'proxy-id-42' } });
      expect(api.status).toBe(401);
      expect(api.headers.get('cache-control')).toBe('no-store');
      expect(api.headers.get('x-frame-options')).toBe('DENY');
      expect(api.headers.get('x-content-type-options')).toBe('nosniff');
      expect(api.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(api.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(api.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(api.headers.get('content-type')).toMatch(/^application\/json/);
      expect(api.headers.get('x-request-id')).toBe('proxy-id-42');
      // An id that could forge log lines is replaced by our own.
      const odd = await fetch(`${server.url}/poort/healthz`, { headers: { 'x-request-id': 'a b' } });
      expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

      const handOver = await fetch(`${server.url}/poort/auth/eherkenning/start?broker=demo-noord&returnTo=/`);
      expect(handOver.status).toBe(200);
      const csp = handOver.headers.get('content-security-policy')!;
      expect(csp).toMatch(/form-action 'self' http:\/\/[^;,]+(;|$)/);
      expect(csp).not.toContain(','); // one header: the route's, not ours next to it
      expect(handOver.headers.get('cache-control')).toBe('no-store');
      expect(handOver.headers.get('x-frame-options')).toBe('DENY');
      const page = await fetch(`${server.url}/vl/`);
      expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'self';.*script-src 'self';.*frame-ancestors 'none'$/);
      expect(page.headers.get('cache-control')).not.toBe('no-store');
    } finally {
      await server.stop();
    }
  });

  it('refuses to start with a bad setting and names it', async () => {
    await expect(startServer({ POORT_DATA_DIR: freshDataDir(), PORT: 'eighty' })).rejects.toThrow(/PORT/);
  });
});

describe('the server process (PostgreSQL)', () => {
  // End-to-end tests run once, on PGlite; this one needs PostgreSQL and is registered only when
  // DATABASE_URL is set, so a run without it has nothing skipped.
  const adminUrl = process.env.DATABASE_URL;
  if (adminUrl)
  it('migrates an empty PostgreSQL database named by DATABASE_URL, uses it and says so', async () => {
    const { createPostgresDatabase } = await import('../support/db.js');
    const db = await createPostgresDatabase(adminUrl, 'poort_t');
    try {
      const server = await startServer({ POORT_DATA_DIR: freshDataDir(), DATABASE_URL: db.url });
      try {
        expect(server.output()).toMatch(/Database: PostgreSQL 127\.0\.0\.1:5432\/poort_t_/);
        expect(await (await fetch(`${server.url}/poort/readyz`)).json()).toEqual({ status: 'ready', database: 'postgres' });
      } finally {
        expect(await server.stop()).toBe(0);
      }
    } finally {
      await db.drop();
    }
  });

  it('answers /poort/readyz with 503 when PostgreSQL does not answer', async () => {
    // Port 1 on loopback: nothing listens, so the connection is refused at once. The server
    // still has to start (it migrates first), so point it at a database that goes away instead.
    const { createTestApp } = await import('../support/app.js');
    const { openDb } = await import('../../db/open.js');
    const unreachable = await openDb({ url: 'postgres://postgres@127.0.0.1:1/none', migrate: false });
    const t = await createTestApp({}, { ...unreachable });
    try {
      const res = await t.app.request('/poort/readyz');
      expect(res.status).toBe(503);
      expect((await res.json()).error.code).toBe('service_unavailable');
    } finally {
      await unreachable.close();
    }
  });
});
