// Where a login sends the browser back to (matrix W10, issue 10 item 1): start → broker → ACS,
// and the ACS's Location must stay on the site, read the way a browser reads it (WHATWG URL,
// resolved against the ACS address the browser posted to).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samlRequests } from '../../db/schema.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { cookieOf, postToAcs } from './flow.js';
import { startAt } from './harness.js';
import { buildResponse } from './response-builder.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const json = { headers: { accept: 'application/json' } };

/** What a browser makes of a Location header at the ACS. */
function browserTarget(location: string): URL {
  return new URL(location, `${t.env.publicUrl}/poort/auth/eherkenning/acs`);
}

const offSite = [
  '/.//evil.example',
  '/x/..//evil.example',
  '/%2e%2e//evil.example',
  '/%2E%2E//evil.example',
  '/./%2e//evil.example',
  '/x/%2e%2e/%2e%2e//evil.example',
  '//evil.example',
  '///evil.example',
  'https:evil.example',
  'https://evil.example/',
  'http:/evil.example',
  '/\\evil.example',
  '/%5Cevil.example',
  '/%2F%2Fevil.example',
  '/%252F%252Fevil.example',
  '/%252e%252e//evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/.\t//evil.example',
  'javascript:alert(1)',
  'evil.example',
];

describe('return paths that would leave the site (W10)', () => {
  it.each(offSite)('refuses %j at the start with 400 invalid_return_to and stores nothing', async (returnTo) => {
    const res = await t.app.request(`/poort/auth/eherkenning/start?broker=demo-noord&returnTo=${encodeURIComponent(returnTo)}`, json);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_return_to');
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});

describe('return paths on the site', () => {
  it.each([
    ['/mijn', '/mijn'],
    ['/mijn/./overzicht', '/mijn/overzicht'],
    ['/mijn/x/../overzicht?tab=1#top', '/mijn/overzicht?tab=1#top'],
    ['/mijn/%2e%2e/account/', '/account/'],
    ['/zoek?q=a b', '/zoek?q=a%20b'],
  ])('logs in and sends the browser to %j as %j, on the site', async (returnTo, want) => {
    const s = await startAt(t, 'demo-noord', returnTo);
    expect(s.status).toBe(200);
    const res = await postToAcs(t, buildResponse({ ...s.spec, pseudonym: `S-return-${want}` }).xml, s.relayState);
    expect(res.status).toBe(303);
    expect(cookieOf(res)).toBeDefined();
    const location = res.headers.get('location')!;
    expect(location).toBe(want);
    expect(browserTarget(location).origin).toBe(t.env.publicUrl);
  });
});

describe('return paths stored before the rule was fixed', () => {
  it('are checked again at the ACS: a stored //evil.example sends the browser to the site root instead, logged in or refused', async () => {
    const s = await startAt(t, 'demo-noord', '/mijn');
    await t.db.db.update(samlRequests).set({ returnTo: '//evil.example' }).where(eq(samlRequests.id, s.requestId));
    const res = await postToAcs(t, buildResponse({ ...s.spec, pseudonym: 'S-return-stored' }).xml, s.relayState);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const refused = await startAt(t, 'demo-noord', '/mijn');
    await t.db.db.update(samlRequests).set({ returnTo: '/.//evil.example' }).where(eq(samlRequests.id, refused.requestId));
    const res2 = await postToAcs(t, buildResponse({ ...refused.spec, audience: 'urn:other' }).xml, refused.relayState);
    expect(res2.headers.get('location')).toBe('/?poort-error=saml_invalid');
    expect(browserTarget(res2.headers.get('location')!).origin).toBe(t.env.publicUrl);
  });
});
