// Security matrix W05: a page on another site can send "simple" requests without a CORS preflight
// (text/plain, form-encoded or multipart bodies, or a Blob with no type) and the browser adds the
// person's cookies. Every state-changing API route must refuse each of them, from a modern browser
// (Sec-Fetch-Site), an older one (Origin only) and a sandboxed frame (Origin: null), and write
// nothing. From the site itself such bodies are refused as well: only declared JSON is read, and a
// JSON content type needs a preflight that Poort never grants to another origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, errorCode, makeOrganisation, makeUser, sessionCookie } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { rowCounts } from '../support/row-counts.js';

let t: TestApp;
let cookie: string;
let targetId: string;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  orgId = (await makeOrganisation(t, ['gemeente.example.nl'])).id;
  // The most powerful session there is: had any of these requests been let through, it would act.
  const desk = await makeUser(t, 'helpdesk@gemeente.example.nl', { role: 'servicedesk', organisationId: orgId });
  targetId = (await makeUser(t, 'piet@gemeente.example.nl', { organisationId: orgId })).id;
  cookie = await sessionCookie(t, desk.id);
});
afterAll(() => t.close());

const token = 'a'.repeat(43);
/** Every state-changing API route with a body it would accept from the site itself. */
const routes: Array<[method: string, path: string, body: () => unknown]> = [
  ['POST', '/poort/api/logout', () => ({})],
  ['POST', '/poort/api/login', () => ({ email: 'piet@gemeente.example.nl', password: GOOD_PASSWORD })],
  ['POST', '/poort/api/password/forgot', () => ({ email: 'piet@gemeente.example.nl' })],
  ['POST', '/poort/api/password/reset', () => ({ token, password: GOOD_PASSWORD })],
  ['POST', '/poort/api/invitation/accept', () => ({ token, password: GOOD_PASSWORD })],
  ['PUT', '/poort/api/me/preferences', () => ({ locale: 'en', notificationEmail: 'gedeeld@gemeente.example.nl' })],
  ['POST', '/poort/api/me/notification-email/confirm', () => ({ token })],
  ['POST', '/poort/api/admin/users', () => ({ email: 'nieuw@gemeente.example.nl', organisationId: orgId, role: 'servicedesk' })],
  ['POST', '/poort/api/admin/users/{id}/invite', () => ({})],
  ['POST', '/poort/api/admin/users/{id}/unlock', () => ({})],
  ['POST', '/poort/api/admin/users/{id}/disable', () => ({})],
  ['POST', '/poort/api/admin/users/{id}/role', () => ({ role: 'servicedesk' })],
  ['POST', '/poort/api/admin/users/{id}/memberships', () => ({ organisationId: orgId, role: 'admin' })],
  ['PUT', '/poort/api/admin/users/{id}/local-account-until', () => ({ localAccountUntil: null })],
  ['POST', '/poort/api/organisations/switch', () => ({ organisationId: orgId })],
  ['POST', '/poort/api/admin/organisations', () => ({ name: 'Overgenomen', emailDomains: ['evil.example'] })],
  ['POST', '/poort/api/admin/organisations/{id}/activation-codes', () => ({ role: 'servicedesk' })],
  ['POST', '/poort/api/admin/activation-codes/{id}/revoke', () => ({})],
  ['POST', '/poort/api/link/password', () => ({ email: 'piet@gemeente.example.nl', password: GOOD_PASSWORD })],
  ['POST', '/poort/api/link/pin', () => ({ pin: '123456' })],
  ['POST', '/poort/api/link/check', () => ({ token, kind: 'invitation' })],
  ['POST', '/poort/api/link/activation-code', () => ({ code: '0000-0000-0000-0000', email: 'piet@gemeente.example.nl' })],
  ['POST', '/poort/api/link/forgot-password', () => ({ email: 'piet@gemeente.example.nl' })],
  ['POST', '/poort/api/link/organisation', () => ({ code: '0000-0000-0000-0000' })],
  ['PUT', '/poort/api/admin/texts/{locale}/{key}', () => ({ value: 'Overgenomen', version: 0 })],
  ['POST', '/poort/api/admin/texts/{locale}/{key}/revert', () => ({ to: 0, version: 0 })],
  ['POST', '/poort/api/admin/texts/{locale}/import', () => ({ title: 'Overgenomen' })],
];

/** The bodies a cross-site page can send without a preflight, as the browser labels them. */
const simpleBodies: Array<[label: string, contentType: string | null, encode: (json: string) => string]> = [
  ['text/plain JSON', 'text/plain;charset=UTF-8', (json) => json],
  ['form-encoded', 'application/x-www-form-urlencoded', (json) => new URLSearchParams({ [json]: '' }).toString()],
  ['multipart', 'multipart/form-data; boundary=poort', (json) => `--poort\r\nContent-Disposition: form-data; name="a"\r\n\r\n${json}\r\n--poort--\r\n`],
  ['untyped Blob', null, (json) => json],
];

/** Where the request comes from, in the headers each kind of browser sends. */
const crossSite: Array<[label: string, headers: Record<string, string>]> = [
  ['another site (Sec-Fetch-Site)', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }],
  ['a sibling subdomain', { 'sec-fetch-site': 'same-site', origin: 'https://evil.gemeente.example.nl' }],
  ['an older browser (Origin only)', { origin: 'https://evil.example' }],
  ['a sandboxed frame (Origin: null)', { origin: 'null' }],
];

/** A request as a browser puts it on the wire: with Content-Length whenever it has a body. */
function send(method: string, path: string, body: string | null, contentType: string | null, headers: Record<string, string>) {
  const framing: Record<string, string> = body === null ? {} : { 'content-length': String(Buffer.byteLength(body)) };
  return t.app.request(`http://localhost:8080${path.replace('{id}', path.includes('/organisations/') ? orgId : targetId).replace('{locale}', 'nl').replace('{key}', 'title')}`, {
    method,
    headers: { host: 'localhost:8080', cookie, ...framing, ...(contentType ? { 'content-type': contentType } : {}), ...headers },
    ...(body === null ? {} : { body }),
  });
}

it('covers every state-changing route the API describes', async () => {
  const doc = (await (await t.app.request('/poort/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
  const described = Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/poort/api/'))
    .flatMap(([path, ops]) => Object.keys(ops).filter((m) => !['get', 'head', 'options'].includes(m)).map((m) => `${m.toUpperCase()} ${path}`));
  expect(routes.map(([m, p]) => `${m} ${p}`).sort()).toEqual(described.sort());
});

describe.each(routes)('%s %s', (method, path, body) => {
  it('refuses every simple request from elsewhere with 403 forbidden_origin, and writes nothing', async () => {
    const before = await rowCounts(t.db.db);
    const json = JSON.stringify(body());
    for (const [, contentType, encode] of simpleBodies) {
      for (const [, headers] of crossSite) {
        const res = await send(method, path, encode(json), contentType, headers);
        expect({ status: res.status, code: await errorCode(res), contentType, headers }).toEqual({ status: 403, code: 'forbidden_origin', contentType, headers });
      }
    }
    // Without a body at all, as a bodiless no-cors fetch or a link-style POST sends it.
    for (const [, headers] of crossSite) {
      const res = await send(method, path, null, null, headers);
      expect({ status: res.status, code: await errorCode(res), headers }).toEqual({ status: 403, code: 'forbidden_origin', headers });
    }
    expect(await rowCounts(t.db.db)).toEqual(before);
  });

  it('reads no body that is not declared JSON, even from the site itself (415 unsupported_media_type)', async () => {
    const before = await rowCounts(t.db.db);
    const json = JSON.stringify(body());
    for (const [, contentType, encode] of simpleBodies) {
      for (const headers of [{ 'sec-fetch-site': 'same-origin', origin: 'http://localhost:8080' }, {}] as Array<Record<string, string>>) {
        const res = await send(method, path, encode(json), contentType, headers);
        expect({ status: res.status, code: await errorCode(res), contentType }).toEqual({ status: 415, code: 'unsupported_media_type', contentType });
      }
    }
    expect(await rowCounts(t.db.db)).toEqual(before);
  });
});

it('grants no preflight to another origin, so it cannot send JSON at all', async () => {
  const res = await t.app.request('http://localhost:8080/poort/api/login', {
    method: 'OPTIONS',
    headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
  expect(res.headers.get('access-control-allow-origin')).toBeNull();
  expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  expect(res.headers.get('access-control-allow-headers')).toBeNull();
});

it('still lets the site itself act, so the refusals above are about the request, not the session', async () => {
  const res = await send('PUT', '/poort/api/me/preferences', JSON.stringify({ locale: 'en' }), 'application/json', { 'sec-fetch-site': 'same-origin' });
  expect(res.status).toBe(200);
});
