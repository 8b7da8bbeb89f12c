// The Beheer page's activation codes and end dates (issue 16): an admin lists and revokes the codes
// of the organisations they administer (never another's, never the code itself), a revoked code can
// no longer be redeemed, and an end date makes an account "temporary" in the people list. Every
// change is audited; every refusal changes nothing.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activationCodes, auditEvents, users } from '../../db/schema.js';
import { serviceDeskCli } from '../../bff/src/accounts/admin-scope.js';
import { codeStatus, issueActivationCode } from '../../bff/src/linking/activation-codes.js';
import { errorCode, makeUser, post, sessionCookie, twoOrganisationsWithAdmins } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { newPersonLogin, siteWithPolicy } from '../support/linking.js';
import { rowCounts } from '../support/row-counts.js';

let t: TestApp;
let orgA: string;
let orgB: string;
const cookie = { adminA: '', adminB: '', desk: '', editor: '' };
const id = { adminA: '', piet: '', kees: '' };

interface Listed {
  id: string;
  organisationId: string;
  organisation: string;
  role: string;
  status: string;
  createdBy: string | null;
  usedBy: string | null;
  revokedAt: string | null;
}

beforeAll(async () => {
  t = await createTestApp({ site: siteWithPolicy('link') });
  const { adminA, adminB, desk, ...orgs } = await twoOrganisationsWithAdmins(t);
  ({ orgA, orgB } = orgs);
  id.adminA = adminA.id;
  await t.db.db.update(users).set({ displayName: 'Beheerder A' }).where(eq(users.id, adminA.id));
  cookie.adminA = await sessionCookie(t, adminA.id);
  cookie.adminB = await sessionCookie(t, adminB.id);
  cookie.desk = await sessionCookie(t, desk.id);
  cookie.editor = await sessionCookie(t, (await makeUser(t, 'redactie@gemeente-a.example.nl', { role: 'editor', organisationId: orgA })).id);
  id.piet = (await makeUser(t, 'piet@gemeente-a.example.nl', { organisationId: orgA })).id;
  id.kees = (await makeUser(t, 'kees@gemeente-b.example.nl', { organisationId: orgB })).id;
});
afterAll(() => t.close());

const get = (path: string, who: keyof typeof cookie | '') => t.app.request(path, { headers: who ? { cookie: cookie[who] } : {} });
const as = (who: keyof typeof cookie) => ({ cookie: cookie[who] });
const issue = async (organisationId: string, who: keyof typeof cookie = 'adminA', body: Record<string, unknown> = {}) => {
  const res = await post(t, `/poort/api/admin/organisations/${organisationId}/activation-codes`, body, as(who));
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; code: string };
};
const listCodes = async (who: keyof typeof cookie, query = '') => {
  const res = await get(`/poort/api/admin/activation-codes${query}`, who);
  expect(res.status).toBe(200);
  return ((await res.json()) as { codes: Listed[] }).codes;
};
const revoke = (codeId: string, who: keyof typeof cookie | '' = 'adminA') => post(t, `/poort/api/admin/activation-codes/${codeId}/revoke`, {}, who ? as(who) : {});

describe('GET /api/admin/activation-codes', () => {
  it('lists the codes of the admin’s organisations, newest first, with who issued them, never the code or its hash', async () => {
    const first = await issue(orgA);
    const second = await issue(orgA, 'adminA', { role: 'editor', validDays: 3 });
    await issue(orgB, 'adminB');
    const res = await get('/poort/api/admin/activation-codes', 'adminA');
    const text = await res.text();
    expect(text).not.toContain(first.code);
    const [stored] = await t.db.db.select().from(activationCodes).where(eq(activationCodes.id, first.id));
    expect(text).not.toContain(stored!.codeHash);
    const codes = (JSON.parse(text) as { codes: Listed[] }).codes;
    expect(codes.every((c) => c.organisationId === orgA)).toBe(true);
    expect(codes.map((c) => c.id).slice(0, 2)).toEqual([second.id, first.id]);
    expect(codes[0]).toMatchObject({ organisation: 'Gemeente A', role: 'editor', status: 'open', createdBy: 'Beheerder A', usedBy: null, revokedAt: null });
  });

  it('gives the service desk every organisation’s codes, and one organisation’s when asked', async () => {
    const all = await listCodes('desk');
    expect(new Set(all.map((c) => c.organisationId))).toEqual(new Set([orgA, orgB]));
    expect((await listCodes('desk', `?organisationId=${orgB}`)).every((c) => c.organisationId === orgB)).toBe(true);
  });

  it('answers another organisation asked for by name as one that does not exist', async () => {
    const res = await get(`/poort/api/admin/activation-codes?organisationId=${orgB}`, 'adminA');
    expect([res.status, await errorCode(res)]).toEqual([404, 'not_found']);
  });

  it('shows used, expired and revoked codes as such, with who used one', async () => {
    const { code, id: usedId } = await issue(orgA);
    const login = await newPersonLogin(t);
    const redeemed = await post(t, '/poort/api/link/activation-code', { code, email: 'nieuw@gemeente-a.example.nl' }, { cookie: login.browser });
    expect(redeemed.status).toBe(200);
    const old = await issueActivationCode({ db: t.db.db, site: t.site, env: t.env, actor: serviceDeskCli }, { organisationId: orgA, validDays: 1 }, new Date(Date.now() - 2 * 86_400_000));
    const codes = await listCodes('adminA');
    expect(codes.find((c) => c.id === usedId)).toMatchObject({ status: 'used', usedBy: 'nieuw@gemeente-a.example.nl' });
    expect(codes.find((c) => c.id === old.id)).toMatchObject({ status: 'expired', createdBy: null });
  });

  it.each(['limit=0', 'limit=201', 'limit=x', 'organisationId=not-a-uuid', 'colour=blue'])('refuses %s with 400', async (query) => {
    const res = await get(`/poort/api/admin/activation-codes?${query}`, 'adminA');
    expect([res.status, await errorCode(res)]).toEqual([400, 'invalid_request']);
  });

  it('refuses people who are not admins', async () => {
    expect((await get('/poort/api/admin/activation-codes', '')).status).toBe(401);
    expect((await get('/poort/api/admin/activation-codes', 'editor')).status).toBe(403);
  });
});

describe('POST /api/admin/activation-codes/{id}/revoke', () => {
  it('revokes an open code, audited; the code then answers code_revoked and makes nobody', async () => {
    const { id: codeId, code } = await issue(orgA);
    const res = await revoke(codeId);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: codeId, status: 'revoked' });
    expect((await listCodes('adminA')).find((c) => c.id === codeId)).toMatchObject({ status: 'revoked' });
    const [event] = await t.db.db.select().from(auditEvents).where(and(eq(auditEvents.type, 'activation_code_revoked'), eq(auditEvents.actorId, id.adminA)));
    expect(event).toMatchObject({ outcome: 'success', organisationId: orgA, details: expect.objectContaining({ codeId }) });
    expect(JSON.stringify(event)).not.toContain(code);

    const before = await rowCounts(t.db.db);
    const login = await newPersonLogin(t);
    const afterLogin = await rowCounts(t.db.db);
    const redeemed = await post(t, '/poort/api/link/activation-code', { code, email: 'laat@gemeente-a.example.nl' }, { cookie: login.browser });
    expect([redeemed.status, await errorCode(redeemed)]).toEqual([410, 'code_revoked']);
    expect(await t.db.db.select().from(users).where(eq(users.email, 'laat@gemeente-a.example.nl'))).toHaveLength(0);
    expect((await rowCounts(t.db.db)).users).toBe(afterLogin.users);
    expect(afterLogin.activationCodes).toBe(before.activationCodes);
  });

  it('never lets the admin of B revoke a code of A: the same 404 as a code that does not exist, and the code stays open', async () => {
    const { id: codeId } = await issue(orgA);
    const before = await rowCounts(t.db.db);
    const other = await revoke(codeId, 'adminB');
    const unknown = await revoke('00000000-0000-4000-8000-000000000000', 'adminB');
    expect([other.status, await errorCode(other)]).toEqual([404, 'not_found']);
    expect([unknown.status, await errorCode(unknown)]).toEqual([404, 'not_found']);
    expect(await rowCounts(t.db.db)).toEqual(before);
    expect((await listCodes('adminA')).find((c) => c.id === codeId)).toMatchObject({ status: 'open' });
  });

  it('refuses a code that was revoked, used or expired already with 409 code_not_open, changing nothing', async () => {
    const { id: codeId } = await issue(orgA);
    expect((await revoke(codeId)).status).toBe(200);
    const old = await issueActivationCode({ db: t.db.db, site: t.site, env: t.env, actor: serviceDeskCli }, { organisationId: orgA, validDays: 1 }, new Date(Date.now() - 2 * 86_400_000));
    const before = await rowCounts(t.db.db);
    for (const target of [codeId, old.id]) {
      const res = await revoke(target);
      expect([res.status, await errorCode(res)]).toEqual([409, 'code_not_open']);
    }
    expect(await rowCounts(t.db.db)).toEqual(before);
  });

  it('refuses a malformed id with 400, and people who are not admins', async () => {
    const res = await revoke('not-a-uuid');
    expect([res.status, await errorCode(res)]).toEqual([400, 'invalid_request']);
    const { id: codeId } = await issue(orgA);
    expect((await revoke(codeId, '')).status).toBe(401);
    expect((await revoke(codeId, 'editor')).status).toBe(403);
    expect((await listCodes('adminA')).find((c) => c.id === codeId)).toMatchObject({ status: 'open' });
  });

  it('lets a revoke racing a redemption end one way only', async () => {
    const { id: codeId, code } = await issue(orgA);
    const login = await newPersonLogin(t);
    const [revoked, redeemed] = await Promise.all([revoke(codeId), post(t, '/poort/api/link/activation-code', { code, email: 'race@gemeente-a.example.nl' }, { cookie: login.browser })]);
    const made = await t.db.db.select().from(users).where(eq(users.email, 'race@gemeente-a.example.nl'));
    const status = (await listCodes('adminA')).find((c) => c.id === codeId)!.status;
    if (revoked.status === 200) expect([redeemed.status, made.length, status]).toEqual([410, 0, 'revoked']);
    else expect([revoked.status, redeemed.status, made.length, status]).toEqual([409, 200, 1, 'used']);
  });
});

describe('codeStatus', () => {
  const now = new Date('2027-01-01T12:00:00Z');
  it('says used and revoked before expired, and expired from the moment the code ends', () => {
    const base = { usedAt: null, revokedAt: null, expiresAt: now };
    expect(codeStatus(base, now)).toBe('expired');
    expect(codeStatus({ ...base, expiresAt: new Date(now.getTime() + 1) }, now)).toBe('open');
    expect(codeStatus({ ...base, usedAt: now, revokedAt: now }, now)).toBe('used');
    expect(codeStatus({ ...base, revokedAt: now }, now)).toBe('revoked');
  });
});

describe('end dates in the people list', () => {
  const person = async (who: keyof typeof cookie, userId: string) => {
    const res = await get('/poort/api/admin/people?limit=100', who);
    return ((await res.json()) as { people: Array<{ id: string; status: string; localAccountUntil: string | null }> }).people.find((p) => p.id === userId);
  };
  const setUntil = (userId: string, value: string | null, who: keyof typeof cookie = 'adminA') =>
    post(t, `/poort/api/admin/users/${userId}/local-account-until`, { localAccountUntil: value }, as(who), 'PUT');

  it('makes an account temporary until the date, audited, and permanent again when cleared', async () => {
    const set = await setUntil(id.piet, '2027-06-30');
    expect(set.status).toBe(200);
    expect(await person('adminA', id.piet)).toMatchObject({ status: 'temporary', localAccountUntil: '2027-06-29T22:00:00.000Z' });
    const cleared = await setUntil(id.piet, null);
    expect(cleared.status).toBe(200);
    expect(await person('adminA', id.piet)).toMatchObject({ status: 'active', localAccountUntil: null });
    const events = await t.db.db.select().from(auditEvents).where(and(eq(auditEvents.type, 'local_account_until_set'), eq(auditEvents.userId, id.piet)));
    expect(events.map((e) => (e.details as { localAccountUntil: string | null }).localAccountUntil)).toEqual(expect.arrayContaining(['2027-06-29T22:00:00.000Z', null]));
  });

  it.each([['31-06-2027'], ['2027-02-30'], ['morgen'], [''], [42]])('refuses the end date %j with 400, changing nothing', async (value) => {
    const before = await rowCounts(t.db.db);
    const res = await post(t, `/poort/api/admin/users/${id.piet}/local-account-until`, { localAccountUntil: value }, as('adminA'), 'PUT');
    expect([res.status, await errorCode(res)]).toEqual([400, 'invalid_request']);
    expect(await rowCounts(t.db.db)).toEqual(before);
  });

  it('never lets the admin of B set an end date for a person of A', async () => {
    const before = await rowCounts(t.db.db);
    const res = await setUntil(id.piet, '2027-06-30', 'adminB');
    expect([res.status, await errorCode(res)]).toEqual([404, 'not_found']);
    expect(await rowCounts(t.db.db)).toEqual(before);
    expect(await person('adminB', id.piet)).toBeUndefined();
  });
});
