// Security matrix W09: the session cookie a login sets, read off Set-Cookie. On https: the
// __Host- prefix, Secure, HttpOnly, SameSite=Lax, Path=/, no Domain, well under 4096 bytes, for
// the password login and the eHerkenning login alike, and a logout that really clears it.
// "On https" includes the usual deployment: TLS ends at a proxy that forwards plain http to Poort,
// and POORT_PUBLIC_URL (https) says what the browser sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../bff/src/app.js';
import { GOOD_PASSWORD, makeOrganisation, makeUser } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { formFields } from '../saml/flow.js';
import { buildResponse } from '../saml/response-builder.js';

let t: TestApp;
/** The same Poort, configured as deployed behind a TLS-terminating proxy. */
let behindTls: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await createTestApp();
  behindTls = createApp({ ...t.deps, env: { ...t.env, publicUrl: 'https://portaal.example' } });
  const org = await makeOrganisation(t, ['gemeente.example.nl']);
  await makeUser(t, 'sanne@gemeente.example.nl', { organisationId: org.id });
});
afterAll(() => t.close());

type Request = (path: string, init?: RequestInit) => Response | Promise<Response>;

function login(request: Request, url: string) {
  return request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ email: 'sanne@gemeente.example.nl', password: GOOD_PASSWORD }),
  });
}

/** Each attribute of one Set-Cookie header, names in lower case. */
function attributes(setCookie: string): { name: string; value: string; attrs: Map<string, string> } {
  const [pair, ...rest] = setCookie.split(';').map((p) => p.trim());
  const eq = pair!.indexOf('=');
  const attrs = new Map(rest.map((a) => [a.split('=')[0]!.toLowerCase(), a.slice(a.indexOf('=') + 1)] as [string, string]));
  return { name: pair!.slice(0, eq), value: pair!.slice(eq + 1), attrs };
}

function expectHostSessionCookie(res: Response) {
  const headers = res.headers.getSetCookie().filter((h) => h.includes('poort_session'));
  expect(headers).toHaveLength(1);
  const header = headers[0]!;
  expect(header.length).toBeLessThanOrEqual(4096);
  const { name, value, attrs } = attributes(header);
  expect(name).toBe('__Host-poort_session');
  expect(value).toMatch(/^[\w-]{43}$/);
  expect(attrs.has('secure')).toBe(true);
  expect(attrs.has('httponly')).toBe(true);
  expect(attrs.get('samesite')).toBe('Lax');
  expect(attrs.get('path')).toBe('/');
  expect(attrs.has('domain')).toBe(false);
  return `${name}=${value}`;
}

describe('the session cookie over https (W09)', () => {
  it('has every attribute after a password login on an https request', async () => {
    const res = await login(t.app.request.bind(t.app), 'https://portaal.example/poort/api/login');
    expect(res.status).toBe(200);
    expectHostSessionCookie(res);
  });

  it('has every attribute when TLS ends at a proxy and POORT_PUBLIC_URL is https, and the session works', async () => {
    const res = await login(behindTls.request.bind(behindTls), 'http://10.0.0.5:8080/poort/api/login');
    expect(res.status).toBe(200);
    const cookie = expectHostSessionCookie(res);
    expect((await behindTls.request('http://10.0.0.5:8080/poort/api/session', { headers: { cookie } })).status).toBe(200);
    // The plain name is not read there: a cookie planted over http or from a subdomain does not count.
    expect((await behindTls.request('http://10.0.0.5:8080/poort/api/session', { headers: { cookie: cookie.replace('__Host-', '') } })).status).toBe(401);
  });

  it('is cleared on logout with the attributes a browser needs to accept the clearing of a __Host- cookie', async () => {
    const cookie = expectHostSessionCookie(await login(t.app.request.bind(t.app), 'https://portaal.example/poort/api/login'));
    const out = await t.app.request('https://portaal.example/poort/api/logout', { method: 'POST', headers: { cookie, 'sec-fetch-site': 'same-origin' } });
    expect(out.status).toBe(204);
    const { name, value, attrs } = attributes(out.headers.get('set-cookie')!);
    expect({ name, value, maxAge: attrs.get('max-age'), path: attrs.get('path'), secure: attrs.has('secure'), domain: attrs.has('domain') }).toEqual({
      name: '__Host-poort_session',
      value: '',
      maxAge: '0',
      path: '/',
      secure: true,
      domain: false,
    });
  });

  it('has every attribute after an eHerkenning login', async () => {
    const start = await t.app.request('https://portaal.example/poort/auth/eherkenning/start?broker=demo-noord&returnTo=/mijn');
    const binding = start.headers.get('set-cookie')!.split(';')[0]!;
    expect(binding).toMatch(/^__Host-poort_login=/);
    const { fields } = formFields(await start.text());
    const requestId = /ID="([^"]+)"/.exec(Buffer.from(fields.SAMLRequest!, 'base64').toString('utf8'))![1]!;
    const broker = t.deps.devBrokers!.get('demo-noord')!;
    const saml = t.deps.saml!;
    const { xml } = buildResponse({
      brokerEntityId: broker.entityId,
      brokerKeys: broker.keys,
      sp: { entityId: saml.sp.entityId, acsUrl: saml.sp.acsUrl, encryptionCert: saml.sp.keys.encryption.cert },
      inResponseTo: requestId,
      signAssertion: true,
      pseudonym: 'S-cookie-attributes',
    });
    const acs = await t.app.request('https://portaal.example/poort/auth/eherkenning/acs', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: binding },
      body: new URLSearchParams({ SAMLResponse: Buffer.from(xml).toString('base64'), RelayState: fields.RelayState! }).toString(),
    });
    expect(acs.status).toBe(303);
    expect(acs.headers.get('location')).toBe('/mijn');
    expectHostSessionCookie(acs);
  });
});

describe('the session cookie in development over http', () => {
  it('drops only what http cannot have (Secure, and with it the __Host- prefix)', async () => {
    const res = await login(t.app.request.bind(t.app), 'http://localhost:8080/poort/api/login');
    const { name, attrs } = attributes(res.headers.get('set-cookie')!);
    expect(name).toBe('poort_session');
    expect({ httpOnly: attrs.has('httponly'), sameSite: attrs.get('samesite'), path: attrs.get('path'), domain: attrs.has('domain'), secure: attrs.has('secure') }).toEqual({
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      domain: false,
      secure: false,
    });
  });
});
