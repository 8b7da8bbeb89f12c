// The text editor's page: a shell in the person's language (the texts API does the checking), and
// its script. An unknown language falls back to the browser's, then Dutch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /poort/editor', () => {
  it('answers the editor page in the language asked for, under the strict CSP, never cached', async () => {
    for (const [query, header, lang, title] of [
      ['?lang=en', 'nl', 'en', 'Manage texts'],
      ['', 'nl-BE,nl;q=0.9', 'nl-BE', 'Teksten beheren'],
      ['?lang=fr', 'fr', 'nl', 'Teksten beheren'],
      ['?lang=%3Cscript%3E', 'en-GB', 'en', 'Manage texts'],
    ]) {
      const res = await t.app.request(`/poort/editor${query}`, { headers: { 'accept-language': header!, accept: 'text/html' } });
      expect(res.status, query).toBe(200);
      const html = await res.text();
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(`<title>${title}</title>`);
      expect(html).toContain(`<poort-text-editor lang="${lang}" bff="/poort"></poort-text-editor>`);
      expect(html).toContain('<script type="module" src="/poort/editor/poort-text-editor.js"></script>');
      expect(html).not.toContain('<script>');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
  });

  it('serves its script as JavaScript (built by npm run build), and nothing else under /poort/editor/', async () => {
    const res = await t.app.request('/poort/editor/poort-text-editor.js');
    // The build makes it; a checkout that was never built answers 404, saying so.
    if (res.status === 200) {
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(await res.text()).toContain('poort-text-editor');
    } else expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'The text editor is not built: run npm run build.' } });
    for (const path of ['/poort/editor/../package.json', '/poort/editor/x.js', '/poort/editor/poort-text-editor.js.map']) {
      expect((await t.app.request(path)).status, path).toBe(404);
    }
  });
});
