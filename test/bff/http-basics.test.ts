import { createRoute, z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoSite: true });
  // Routes that exist only in this test, to drive the shared error handling.
  t.app.openapi(
    createRoute({
      method: 'post',
      path: '/poort/api/test-echo',
      request: { body: { content: { 'application/json': { schema: z.object({ name: z.string().min(1) }) } } } },
      responses: { 200: { description: 'echo' } },
    }),
    (c) => c.json({ name: c.req.valid('json').name }, 200),
  );
  t.app.get('/poort/api/test-explode', () => {
    throw new Error('secret internal detail at /srv/poort/db.ts:42');
  });
});
afterAll(() => t.close());

const json = (body: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', ...headers },
  body,
});

describe('health', () => {
  it('answers /poort/healthz with 200 JSON', async () => {
    const res = await t.app.request('/poort/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers /poort/readyz with 200 when the database answers', async () => {
    const res = await t.app.request('/poort/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', database: t.db.kind });
  });
});

describe('one error shape', () => {
  it('answers an unknown /poort route with 404 in the error shape', async () => {
    const res = await t.app.request('/poort/api/does-not-exist');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('answers a malformed JSON body with 400 malformed_json', async () => {
    const res = await t.app.request('/poort/api/test-echo', json('{"name": '));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('malformed_json');
  });

  it('answers a body that fails its schema with 400 naming the field, not its value', async () => {
    const res = await t.app.request('/poort/api/test-echo', json('{"name": 42}'));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toContain('name');
    expect(body.error.message).not.toContain('42');
  });

  it('accepts a valid body', async () => {
    const res = await t.app.request('/poort/api/test-echo', json('{"name": "Anna"}'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: 'Anna' });
  });

  it('answers an exception with 500 and no stack trace or internal detail', async () => {
    const res = await t.app.request('/poort/api/test-explode');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal_error', message: expect.any(String) } });
    expect(text).not.toMatch(/secret|\/srv|db\.ts|at /);
  });

  it('refuses a body over 64 KB with 413', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(70 * 1024) });
    const res = await t.app.request('/poort/api/test-echo', json(big, { 'content-length': String(big.length) }));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });

  it('refuses a body over 64 KB that comes without Content-Length (streamed) with 413, and takes a small one', async () => {
    const streamed = (text: string) => {
      const bytes = new TextEncoder().encode(text);
      // In 1 KB chunks, as a chunked upload arrives: the limit counts them as they come.
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 1024) controller.enqueue(bytes.subarray(at, at + 1024));
          controller.close();
        },
      });
      return t.app.request('/poort/api/test-echo', { ...json(''), body, duplex: 'half' } as RequestInit);
    };
    const big = await streamed(JSON.stringify({ name: 'x'.repeat(70 * 1024) }));
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe('payload_too_large');
    const small = await streamed('{"name": "Anna"}');
    expect(small.status).toBe(200);
    expect(await small.json()).toEqual({ name: 'Anna' });
  });

  it('refuses a state-changing API call from another site (CSRF)', async () => {
    const res = await t.app.request('/poort/api/test-echo', json('{"name":"x"}', { 'sec-fetch-site': 'cross-site' }));
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden_origin');
  });

  it('refuses a foreign Origin when the browser sends no Sec-Fetch-Site', async () => {
    const res = await t.app.request('http://localhost/poort/api/test-echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example', host: 'localhost' },
      body: '{"name":"x"}',
    });
    expect(res.status).toBe(403);
  });

  it('refuses a form-encoded body on a JSON route (a cross-site form cannot send JSON)', async () => {
    const res = await t.app.request('/poort/api/test-echo', json('name=x', { 'content-type': 'application/x-www-form-urlencoded' }));
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe('unsupported_media_type');
  });
});

describe('security headers', () => {
  const common = (res: Response) => {
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
  };
  for (const path of ['/poort/healthz', '/', '/vl/', '/en/']) {
    it(`sets the page set on ${path}`, async () => {
      const res = await t.app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      common(res);
    });
  }

  for (const path of ['/poort/api/nothing-here', '/poort/api/session']) {
    it(`sets the API set on ${path}: a CSP that allows nothing, and no caching`, async () => {
      const res = await t.app.request(path);
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get('cache-control')).toBe('no-store');
      common(res);
    });
  }

  it('gives every response a request id', async () => {
    const res = await t.app.request('/poort/healthz');
    expect(res.headers.get('x-request-id')).toMatch(/.{8,}/);
  });

  it('marks API responses as not cacheable', async () => {
    const res = await t.app.request('/poort/api/openapi.json');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('OpenAPI description', () => {
  it('lists every /poort route the app declares', async () => {
    const res = await t.app.request('/poort/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const declared = t.app.routes
      .filter((r) => r.path.startsWith('/poort/') && r.method !== 'ALL' && !r.path.includes('/test-'))
      .filter((r) => r.path !== '/poort/api/openapi.json')
      .map((r) => `${r.method} ${r.path}`);
    expect(declared.length).toBeGreaterThan(1);
    for (const route of declared) expect(documented, route).toContain(route);
  });
});
