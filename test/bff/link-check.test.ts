// POST /api/link/check: the page a mailed link opens asks whether the link still works before
// anyone types a password; the answer is the one using it would give, and nothing is used up.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens, users, type TokenPurpose } from '../../db/schema.js';
import { hashSecretToken, newSecretToken } from '../../bff/src/security/secret-token.js';
import { GOOD_PASSWORD, errorCode, makeOrganisation, makeUser, post } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { rowCounts } from '../support/row-counts.js';

let t: TestApp;
let userId: string;

beforeAll(async () => {
  t = await createTestApp();
  const org = await makeOrganisation(t, ['gemeente.example.nl']);
  userId = (await makeUser(t, 'nieuw@gemeente.example.nl', { password: null, organisationId: org.id })).id;
});
afterAll(() => t.close());

async function issue(purpose: TokenPurpose, expiresInMs = 60_000, forUser = userId) {
  const secret = newSecretToken();
  await t.db.db.insert(tokens).values({ tokenHash: hashSecretToken(secret), purpose, userId: forUser, expiresAt: new Date(Date.now() + expiresInMs) });
  return secret;
}

async function check(token: string, kind: string) {
  const res = await post(t, '/poort/api/link/check', { token, kind });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('POST /api/link/check', () => {
  it('says a fresh invitation link works, uses nothing up, and says "used" once the password is set', async () => {
    const token = await issue('invitation');
    expect(await check(token, 'invitation')).toEqual({ status: 200, body: { status: 'valid' } });
    expect(await check(token, 'invitation')).toEqual({ status: 200, body: { status: 'valid' } });
    const [row] = await t.db.db.select().from(tokens).where(eq(tokens.tokenHash, hashSecretToken(token)));
    expect(row!.usedAt).toBeNull();

    const accepted = await post(t, '/poort/api/invitation/accept', { token, password: GOOD_PASSWORD });
    expect(accepted.status).toBe(200);
    const used = await check(token, 'invitation');
    expect(used.status).toBe(410);
    expect(used.body).toEqual({ error: { code: 'token_used', message: expect.any(String) } });
  });

  it('answers what using the link would answer: expired, unknown, for another purpose', async () => {
    const expired = await issue('password_reset', -1000);
    const reset = await issue('password_reset');
    for (const [token, kind, status, code] of [
      [expired, 'reset', 410, 'token_expired'],
      [newSecretToken(), 'reset', 400, 'token_invalid'],
      [reset, 'invitation', 400, 'token_invalid'],
    ] as const) {
      const res = await post(t, '/poort/api/link/check', { token, kind });
      expect({ status: res.status, code: await errorCode(res) }).toEqual({ status, code });
    }
    expect((await check(reset, 'reset')).status).toBe(200);
  });

  it('says nothing about the account behind a link, even when it is disabled: the same token_invalid as an unknown link', async () => {
    const org = await makeOrganisation(t, ['weg.example.nl'], 'Weg');
    const gone = await makeUser(t, 'weg@weg.example.nl', { organisationId: org.id });
    await t.db.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, gone.id));
    const token = await issue('password_reset', 60_000, gone.id);
    const disabled = await check(token, 'reset');
    const unknown = await check(newSecretToken(), 'reset');
    expect(disabled).toEqual(unknown);
    expect(JSON.stringify(disabled.body)).not.toContain('weg@');
  });

  it('refuses a kind it does not check and a token of the wrong size, naming the field and writing nothing', async () => {
    for (const [body, field] of [
      [{ token: newSecretToken(), kind: 'confirm-email' }, 'kind'],
      [{ token: 'x'.repeat(5000), kind: 'reset' }, 'token'],
    ] as const) {
      const before = await rowCounts(t.db.db);
      const res = await post(t, '/poort/api/link/check', body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string; fields: string[] } }).error).toMatchObject({ code: 'invalid_request', fields: [field] });
      expect(await rowCounts(t.db.db)).toEqual(before);
    }
  });
});

describe('invalid_request names the fields at fault', () => {
  it('a 5,000-character address on login is refused at the field "email", and the value is not echoed', async () => {
    const email = `${'a'.repeat(4990)}@example.nl`;
    const res = await post(t, '/poort/api/login', { email, password: GOOD_PASSWORD });
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(JSON.parse(text).error).toMatchObject({ code: 'invalid_request', fields: ['email'] });
    expect(text).not.toContain('aaaaaaaaaa');
  });
});
