// Every account route refuses bad input with the right status and code, and writes nothing.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens, users } from '../../db/schema.js';
import { hashSecretToken, newSecretToken } from '../../bff/src/security/secret-token.js';
import { GOOD_PASSWORD, errorCode, makeOrganisation, makeUser, post, sessionCookie } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { rowCounts } from '../support/row-counts.js';

let t: TestApp;
let adminCookie: string;
let serviceDeskCookie: string;
let userCookie: string;
let orgId: string;
let userId: string;

beforeAll(async () => {
  t = await createTestApp();
  orgId = (await makeOrganisation(t, ['gemeente.example.nl'])).id;
  const admin = await makeUser(t, 'beheer@gemeente.example.nl', { role: 'admin', organisationId: orgId });
  const user = await makeUser(t, 'piet@gemeente.example.nl', { organisationId: orgId });
  userId = user.id;
  adminCookie = await sessionCookie(t, admin.id);
  const desk = await makeUser(t, 'helpdesk@poort.example.nl', { role: 'servicedesk', organisationId: (await makeOrganisation(t, ['poort.example.nl'], 'Poort beheer')).id });
  serviceDeskCookie = await sessionCookie(t, desk.id);
  userCookie = await sessionCookie(t, user.id);
});
afterAll(() => t.close());

/** Runs a request and checks its status, code, and that no table changed. */
async function refuses(request: () => Response | Promise<Response>, status: number, code: string) {
  const before = await rowCounts(t.db.db);
  const res = await request();
  expect({ status: res.status, code: await errorCode(res) }).toEqual({ status, code });
  expect(await rowCounts(t.db.db)).toEqual(before);
}

const someId = '00000000-0000-4000-8000-000000000000';
const postRoutes: Array<[string, Record<string, unknown>, string?]> = [
  ['/poort/api/login', { email: 'piet@gemeente.example.nl', password: GOOD_PASSWORD }],
  ['/poort/api/password/forgot', { email: 'piet@gemeente.example.nl' }],
  ['/poort/api/password/reset', { token: newSecretToken(), password: GOOD_PASSWORD }],
  ['/poort/api/invitation/accept', { token: newSecretToken(), password: GOOD_PASSWORD }],
  ['/poort/api/me/notification-email/confirm', { token: newSecretToken() }],
  ['/poort/api/link/check', { token: newSecretToken(), kind: 'reset' }],
  ['/poort/api/admin/users', { email: 'nieuw@gemeente.example.nl', organisationId: someId }, 'admin'],
  ['/poort/api/admin/organisations', { name: 'X', emailDomains: ['x.nl'] }, 'servicedesk'],
];

describe.each(postRoutes)('POST %s with bad input', (path, valid, who) => {
  const headers = (): Record<string, string> => (who === 'admin' ? { cookie: adminCookie } : who === 'servicedesk' ? { cookie: serviceDeskCookie } : {});
  it('refuses missing fields', () => refuses(() => post(t, path, {}, headers()), 400, 'invalid_request'));
  it('refuses wrong types', async () => {
    const wrong = Object.fromEntries(Object.keys(valid).map((k) => [k, 12345]));
    await refuses(() => post(t, path, wrong, headers()), 400, 'invalid_request');
  });
  it('refuses malformed JSON', () => refuses(() => post(t, path, '{"email": ', headers()), 400, 'malformed_json'));
  it('refuses a body over 64 KB', () => refuses(() => post(t, path, { ...valid, padding: 'x'.repeat(70_000) }, headers()), 413, 'payload_too_large'));
  it('refuses a form post (not JSON)', () =>
    refuses(
      () => t.app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', ...headers() }, body: 'email=a' }),
      415,
      'unsupported_media_type',
    ));
  it('refuses a cross-site request', () => refuses(() => post(t, path, valid, { ...headers(), 'sec-fetch-site': 'cross-site' }), 403, 'forbidden_origin'));
});

describe('admin routes', () => {
  const adminCalls: Array<[string, string, unknown]> = [
    ['GET', '/poort/api/admin/users', undefined],
    ['POST', '/poort/api/admin/users', { email: 'nieuw@gemeente.example.nl', organisationId: someId }],
    ['POST', `/poort/api/admin/users/${someId}/invite`, ''],
    ['POST', `/poort/api/admin/users/${someId}/unlock`, ''],
    ['POST', `/poort/api/admin/users/${someId}/disable`, ''],
    ['POST', '/poort/api/admin/organisations', { name: 'X', emailDomains: ['x.nl'] }],
  ];
  it.each(adminCalls)('%s %s: 401 without a session, 403 for a non-admin', async (method, path, body) => {
    const call = (cookie?: string) =>
      method === 'GET' ? t.app.request(path, { headers: cookie ? { cookie } : {} }) : post(t, path, body, cookie ? { cookie } : {});
    await refuses(() => call(), 401, 'unauthenticated');
    await refuses(() => call(userCookie), 403, 'forbidden');
  });

  it('refuses an address outside the organisation\'s domains with 422, and says which domains', async () => {
    const before = await rowCounts(t.db.db);
    const res = await post(t, '/poort/api/admin/users', { email: 'piet@gmail.com', organisationId: orgId }, { cookie: adminCookie });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('email_domain_not_allowed');
    expect(body.error.message).toContain('gemeente.example.nl');
    expect(await rowCounts(t.db.db)).toEqual(before);
  });

  it('refuses a subdomain that is not listed itself', () =>
    refuses(() => post(t, '/poort/api/admin/users', { email: 'a@post.gemeente.example.nl', organisationId: orgId }, { cookie: adminCookie }), 422, 'email_domain_not_allowed'));
  it('refuses an unknown organisation', () =>
    refuses(() => post(t, '/poort/api/admin/users', { email: 'a@gemeente.example.nl', organisationId: someId }, { cookie: adminCookie }), 422, 'organisation_unknown'));
  it('refuses an address that already has an account, in any case', () =>
    refuses(() => post(t, '/poort/api/admin/users', { email: 'PIET@gemeente.example.nl', organisationId: orgId }, { cookie: adminCookie }), 409, 'email_taken'));
  it('refuses unknown fields, e.g. a password sent by an admin', () =>
    refuses(() => post(t, '/poort/api/admin/users', { email: 'a@gemeente.example.nl', organisationId: orgId, password: GOOD_PASSWORD }, { cookie: adminCookie }), 400, 'invalid_request'));
  it('answers 404 for an unknown user and 400 for a malformed id', async () => {
    await refuses(() => post(t, `/poort/api/admin/users/${someId}/unlock`, '', { cookie: adminCookie }), 404, 'not_found');
    await refuses(() => post(t, '/poort/api/admin/users/nope/unlock', '', { cookie: adminCookie }), 400, 'invalid_request');
  });
  it('refuses an organisation domain that is not a domain name', () =>
    refuses(() => post(t, '/poort/api/admin/organisations', { name: 'X', emailDomains: ['not a domain'] }, { cookie: serviceDeskCookie }), 400, 'invalid_request'));
  it('refuses a public mail domain as an organisation domain, however it is written', async () => {
    for (const domain of ['gmail.com', 'GMail.COM.', '@hotmail.nl', 'ｇｍａｉｌ．ｃｏｍ', 'gm\u00ADail.com', 'gmx.de', 'mail.telenet.be']) {
      await refuses(() => post(t, '/poort/api/admin/organisations', { name: 'X', emailDomains: ['gemeente-x.nl', domain] }, { cookie: serviceDeskCookie }), 422, 'public_mail_domain');
    }
  });
});

describe('password rules on reset and invitation', () => {
  async function resetToken(purpose: 'password_reset' | 'invitation', expiresInMs = 60_000) {
    const secret = newSecretToken();
    await t.db.db.insert(tokens).values({ tokenHash: hashSecretToken(secret), purpose, userId, expiresAt: new Date(Date.now() + expiresInMs) });
    return secret;
  }

  it.each([
    ['short', 'elf tekens!', 'password_too_short'],
    ['long', 'x'.repeat(129), 'password_too_long'],
    ['common', 'Wachtwoord2026!', 'password_too_common'],
    ['the address itself', 'piet@gemeente.example.nl', 'password_too_common'],
  ])('refuses a %s password and keeps the token usable', async (_name, password, code) => {
    const token = await resetToken('password_reset');
    // The rate-limit counter is the one row a refused reset writes: it must count refusals too.
    const res = await post(t, '/poort/api/password/reset', { token, password });
    expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 422, code });
    const [row] = await t.db.db.select().from(tokens).where(eq(tokens.tokenHash, hashSecretToken(token)));
    expect(row!.usedAt).toBeNull();
  });

  it('refuses an expired, an unknown and a wrong-purpose token, and changes no password', async () => {
    const [before] = await t.db.db.select().from(users).where(eq(users.id, userId));
    const expired = await resetToken('password_reset', -1000);
    const invitation = await resetToken('invitation');
    for (const [token, status, code] of [
      [expired, 410, 'token_expired'],
      [newSecretToken(), 400, 'token_invalid'],
      [invitation, 400, 'token_invalid'],
    ] as const) {
      const res = await post(t, '/poort/api/password/reset', { token, password: 'een heel ander wachtwoord' });
      expect({ status: res.status, code: await errorCode(res) }).toEqual({ status, code });
    }
    const [after] = await t.db.db.select().from(users).where(eq(users.id, userId));
    expect(after!.passwordHash).toBe(before!.passwordHash);
  });
});

describe('preferences', () => {
  it('needs a session', async () => {
    await refuses(() => t.app.request('/poort/api/me/preferences'), 401, 'unauthenticated');
    await refuses(() => post(t, '/poort/api/me/preferences', { locale: 'en' }, {}, 'PUT'), 401, 'unauthenticated');
  });
  it('refuses an invalid address and unknown fields', async () => {
    await refuses(() => post(t, '/poort/api/me/preferences', { notificationEmail: 'geen adres' }, { cookie: userCookie }, 'PUT'), 400, 'invalid_request');
    await refuses(() => post(t, '/poort/api/me/preferences', { role: 'admin' }, { cookie: userCookie }, 'PUT'), 400, 'invalid_request');
  });
});
