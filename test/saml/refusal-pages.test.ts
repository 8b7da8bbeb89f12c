// Where a person's browser lands on a refusal (issue 10 item 12): a small page in their language
// with the code, the request id, the time and a way back; JSON only for fetch callers. A 413 at the
// ACS is audited and uses up the started login.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samlRequests } from '../../db/schema.js';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { bindingCookieFor, form, postToAcs } from './flow.js';
import { expectRefused, lastAudit, sessionCount, startAt } from './harness.js';
import { buildResponse } from './response-builder.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ site: { ...demoSiteConfig, acmidm: undefined, methods: ['acmidm', 'eherkenning', 'email'] } });
});
afterAll(() => t.close());

/** What a browser's navigation sends. */
const navigation = (language = 'nl-NL,nl;q=0.9,en;q=0.5', extra: Record<string, string> = {}) => ({
  headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'accept-language': language, ...extra },
});

interface Page {
  lang: string;
  heading: string;
  code: string;
  requestId: string;
  time: string;
  back: string;
  html: string;
}

async function readPage(res: Response): Promise<Page> {
  expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/i);
  const html = await res.text();
  const pick = (re: RegExp) => re.exec(html)?.[1] ?? '';
  const page = {
    lang: pick(/<html lang="([^"]+)"/),
    heading: pick(/<h1>([^<]+)<\/h1>/),
    code: pick(/<dd data-poort-code>([^<]*)<\/dd>/),
    requestId: pick(/<dd data-poort-request-id>([^<]*)<\/dd>/),
    time: pick(/<time datetime="([^"]+)"/),
    back: pick(/<a href="([^"]*)" data-poort-back>/),
    html,
  };
  expect(page.requestId).toBe(res.headers.get('x-request-id'));
  expect(Math.abs(Date.parse(page.time) - Date.now())).toBeLessThan(60_000);
  expect(html).not.toMatch(/<script/);
  return page;
}

describe('GET /poort/auth/eherkenning/start, refused in a browser', () => {
  it('an unknown broker: 400 page in English from Accept-Language, with the code and a link back to the return path', async () => {
    const res = await t.app.request('/poort/auth/eherkenning/start?broker=nope&returnTo=%2Fmijn%2Fzaken%3Fx%3D1', navigation('en-GB,en;q=0.9'));
    expect(res.status).toBe(400);
    const page = await readPage(res);
    expect(page).toMatchObject({ lang: 'en', heading: 'Logging in did not work', code: 'unknown_broker', back: '/mijn/zaken?x=1' });
    expect(page.html).toContain('We do not know this eHerkenning supplier');
  });

  it('a missing broker: the page speaks the lang the start got (nl-BE: aanmelden), over Accept-Language', async () => {
    const res = await t.app.request('/poort/auth/eherkenning/start?returnTo=/mijn&lang=nl-BE', navigation('en'));
    expect(res.status).toBe(400);
    const page = await readPage(res);
    expect(page).toMatchObject({ lang: 'nl-BE', heading: 'Aanmelden is niet gelukt', code: 'unknown_broker', back: '/mijn' });
  });

  it('a return path off the site: 400 invalid_return_to, Dutch by default, the way back is the site root and the foreign address is not echoed', async () => {
    const res = await t.app.request(`/poort/auth/eherkenning/start?broker=demo-noord&returnTo=${encodeURIComponent('/.//evil.example/"><b>x</b>')}`, navigation(''));
    expect(res.status).toBe(400);
    const page = await readPage(res);
    expect(page).toMatchObject({ lang: 'nl', heading: 'Inloggen is niet gelukt', code: 'invalid_return_to', back: '/' });
    expect(page.html).not.toMatch(/evil\.example|<b>/);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('keeps JSON for fetch callers (Accept: application/json, or no Accept at all)', async () => {
    for (const headers of [{ accept: 'application/json' }, {}] as Record<string, string>[]) {
      const res = await t.app.request('/poort/auth/eherkenning/start?broker=nope&returnTo=/', { headers });
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('unknown_broker');
    }
  });

  // Production has no simulated brokers, so dev: metadata cannot be had: the person goes back to
  // the site, whose widget explains (broker health, issue 18 §3); a fetch caller gets the 503.
  it("an unavailable broker: back to the site with poort-error=broker_unavailable (the widget's error view)", async () => {
    const prod = await createTestApp({ site: { ...demoSiteConfig, environment: 'production' } }, t.db);
    const res = await prod.app.request('/poort/auth/eherkenning/start?broker=demo-noord&returnTo=/mijn&lang=en', navigation());
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/mijn?poort-error=broker_unavailable');
    const api = await prod.app.request('/poort/auth/eherkenning/start?broker=demo-noord&returnTo=/mijn', { headers: { accept: 'application/json' } });
    expect(api.status).toBe(503);
    expect(api.headers.get('retry-after')).toBe('30');
    expect((await api.json()).error.code).toBe('eherkenning_unavailable');
  });
});

describe('ACM/IDM on a site that does not configure it', () => {
  it('is not offered in /api/config even when the configuration lists it', async () => {
    const config = await (await t.app.request('/poort/api/config')).json();
    expect(config.methods).toEqual(['eherkenning', 'email']);
  });

  it('its start address answers a 404 page with a way back, not JSON', async () => {
    const res = await t.app.request('/poort/auth/acmidm/start?returnTo=/mijn&lang=nl', navigation());
    expect(res.status).toBe(404);
    expect(await readPage(res)).toMatchObject({ lang: 'nl', heading: 'Pagina niet gevonden', code: 'not_found', back: '/mijn' });
  });
});

describe('POST /poort/auth/eherkenning/acs, refused in a browser', () => {
  const oversized = (relayState: string) => form({ SAMLResponse: 'A'.repeat(1024 * 1024 + 10), RelayState: relayState });

  it('a body over 1 MB: 413 page in the language the login started in, an audit event, and the started login is used up', async () => {
    const s = await startAt(t, 'demo-noord', '/mijn?lang-test=1', 'en');
    expect(s.html).toContain('<html lang="en">');
    const [started] = await t.db.db.select().from(samlRequests).where(eq(samlRequests.id, s.requestId));
    expect(started!.locale).toBe('en');
    const before = await sessionCount(t);
    const body = oversized(s.relayState);
    const res = await t.app.request('/poort/auth/eherkenning/acs', { ...body, headers: { ...body.headers, ...navigation('nl').headers, cookie: bindingCookieFor(s.relayState)! } });
    expect(res.status).toBe(413);
    expect(await readPage(res)).toMatchObject({ lang: 'en', code: 'payload_too_large', back: '/mijn?lang-test=1' });
    expect(await sessionCount(t)).toBe(before);
    expect(await lastAudit(t)).toMatchObject({ type: 'login', outcome: 'failure', reason: 'payload_too_large', broker: 'demo-noord' });
    const [row] = await t.db.db.select().from(samlRequests).where(eq(samlRequests.id, s.requestId));
    expect(row!.consumedAt).not.toBeNull();
    // The genuine answer arriving after it is refused: that login was used up.
    await expectRefused(t, buildResponse(s.spec).xml, s.relayState, 'saml_invalid', 'request_consumed_or_expired');
  });

  it('a body over 1 MB from a browser without a started login: still audited, page from Accept-Language, back to the site root', async () => {
    const body = oversized('unknown');
    const res = await t.app.request('/poort/auth/eherkenning/acs', { ...body, headers: { ...body.headers, ...navigation('nl-BE').headers } });
    expect(res.status).toBe(413);
    expect(await readPage(res)).toMatchObject({ lang: 'nl-BE', code: 'payload_too_large', back: '/' });
    expect(await lastAudit(t)).toMatchObject({ outcome: 'failure', reason: 'payload_too_large', broker: null });
  });

  it('a body over 1 MB from a fetch caller: JSON payload_too_large', async () => {
    const body = oversized('unknown');
    const res = await t.app.request('/poort/auth/eherkenning/acs', { ...body, headers: { ...body.headers, accept: 'application/json' } });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });

  it('any other refusal sends the browser to the widget error view on the return path', async () => {
    const s = await startAt(t, 'demo-noord', '/mijn');
    const res = await postToAcs(t, buildResponse({ ...s.spec, audience: 'urn:other' }).xml, s.relayState);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/mijn?poort-error=saml_invalid');
    const unknown = await t.app.request('/poort/auth/eherkenning/acs?SAMLart=AAQAAA%3D%3D&RelayState=nope', navigation());
    expect(unknown.status).toBe(303);
    expect(unknown.headers.get('location')).toBe('/?poort-error=saml_invalid');
  });
});
