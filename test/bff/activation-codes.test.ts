// Activation codes: issued per organisation by its admin (or the service desk), single use, valid a
// configured number of days, stored hashed. Step (b) of the linking step makes a person and
// membership with one; "Account toevoegen" adds an organisation to a logged-in account with one.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activationCodes, auditEvents, identities, memberships, outbox, users } from '../../db/schema.js';
import { serviceDeskCli } from '../../bff/src/accounts/admin-scope.js';
import { issueActivationCode } from '../../bff/src/linking/activation-codes.js';
import { hashActivationCode, normaliseActivationCode } from '../../bff/src/linking/activation-code-format.js';
import { cookieFrom, errorCode, makeOrganisation, makeUser, post, sessionCookie } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { newPersonLogin, siteWithPolicy, type PendingLogin } from '../support/linking.js';

let t: TestApp;
let school: { id: string; name: string };
let board: { id: string };
let adminCookie: string;
beforeAll(async () => {
  t = await createTestApp({
    site: siteWithPolicy('link', { linking: { activationCodeDays: 14, passwordResetTo: 'organisation-contact' } }),
  });
  school = await makeOrganisation(t, ['school.example.nl'], 'Basisschool De Regenboog');
  board = await makeOrganisation(t, ['bestuur.example.nl'], 'Stichting Primair');
  const admin = await makeUser(t, 'beheer@school.example.nl', { role: 'admin', organisationId: school.id });
  adminCookie = await sessionCookie(t, admin.id);
});
afterAll(() => t.close());

async function issue(organisationId: string, body: Record<string, unknown> = {}, cookie = adminCookie) {
  return post(t, `/poort/api/admin/organisations/${organisationId}/activation-codes`, body, { cookie });
}
async function codeFor(organisationId: string, role?: 'user' | 'admin') {
  const { code } = await issueActivationCode({ db: t.db.db, site: t.site, env: t.env, actor: serviceDeskCli, via: 'test' }, { organisationId, role });
  return code;
}
const redeem = (login: PendingLogin, code: string, email: string) => post(t, '/poort/api/link/activation-code', { code, email }, { cookie: login.browser });

describe('issuing codes', () => {
  it('gives an admin a code for their own organisation, valid the configured days, stored only as a hash', async () => {
    const res = await issue(school.id);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const days = (new Date(body.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
    const stored = await t.db.db.select().from(activationCodes);
    expect(JSON.stringify(stored)).not.toContain(body.code.replace(/-/g, ''));
    const [audit] = await t.db.db.select().from(auditEvents).where(eq(auditEvents.type, 'activation_code_issued'));
    expect(audit).toMatchObject({ organisationId: school.id, outcome: 'success' });
    expect(JSON.stringify(audit)).not.toContain(body.code);
  });

  it("answers an organisation the admin does not administer as one that does not exist, and a role above theirs with role_above_own", async () => {
    const foreign = await issue(board.id);
    const unknown = await issue('00000000-0000-4000-8000-000000000000');
    expect([foreign.status, unknown.status]).toEqual([404, 404]);
    expect(await foreign.json()).toEqual(await unknown.json());
    const above = await issue(school.id, { role: 'servicedesk' });
    expect(above.status).toBe(403);
    expect(await errorCode(above)).toBe('role_above_own');
  });

  it('refuses people who are not admins, and bad input', async () => {
    const user = await makeUser(t, 'juf@school.example.nl', { organisationId: school.id });
    expect((await issue(school.id, {}, await sessionCookie(t, user.id))).status).toBe(403);
    expect((await issue(school.id, {}, '')).status).toBe(401);
    for (const body of [{ validDays: 0 }, { validDays: 1.5 }, { role: 'koning' }, { extra: true }]) expect((await issue(school.id, body)).status).toBe(400);
    expect((await post(t, '/poort/api/admin/organisations/niet-een-id/activation-codes', {}, { cookie: adminCookie })).status).toBe(400);
  });
});

describe('step (b): a code and an address make the account', () => {
  it('makes the person and membership, links the identity and logs in; the code then answers code_used', async () => {
    const code = await codeFor(board.id);
    const login = await newPersonLogin(t);
    const res = await redeem(login, code.toLowerCase().replace(/-/g, ' '), 'directie@bestuur.example.nl');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.session.user).toMatchObject({ email: 'directie@bestuur.example.nl', role: 'user' });
    expect(cookieFrom(res)).toMatch(/^poort_session=/);
    const [user] = await t.db.db.select().from(users).where(eq(users.email, 'directie@bestuur.example.nl'));
    expect(await t.db.db.select().from(memberships).where(eq(memberships.userId, user!.id))).toMatchObject([{ organisationId: board.id, role: 'user' }]);
    expect(await t.db.db.select().from(identities).where(eq(identities.userId, user!.id))).toHaveLength(1);
    const [stored] = await t.db.db.select().from(activationCodes).where(eq(activationCodes.usedBy, user!.id));
    expect(stored!.usedAt).not.toBeNull();
    const types = (await t.db.db.select().from(auditEvents).where(eq(auditEvents.userId, user!.id))).map((a) => a.type);
    expect(types).toEqual(expect.arrayContaining(['account_created', 'activation_code_redeemed', 'identity_linked', 'login']));

    const again = await redeem(await newPersonLogin(t), code, 'tweede@bestuur.example.nl');
    expect(again.status).toBe(410);
    expect(await errorCode(again)).toBe('code_used');
  });

  it('redeems a code sent twice at once exactly once', async () => {
    const code = await codeFor(board.id);
    const [a, b] = [await newPersonLogin(t), await newPersonLogin(t)];
    const answers = await Promise.all([redeem(a, code, 'een@bestuur.example.nl'), redeem(b, code, 'twee@bestuur.example.nl')]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 410]);
    const madeByCode = await t.db.db.select().from(users).where(eq(users.email, 'een@bestuur.example.nl'));
    const madeByCode2 = await t.db.db.select().from(users).where(eq(users.email, 'twee@bestuur.example.nl'));
    expect(madeByCode.length + madeByCode2.length).toBe(1);
  });

  it('answers an unknown, an expired and a malformed code each with its own code, changing nothing', async () => {
    const login = await newPersonLogin(t);
    const unknown = await redeem(login, '0000-0000-0000-0000', 'x@bestuur.example.nl');
    expect([unknown.status, await errorCode(unknown)]).toEqual([400, 'code_unknown']);
    const malformed = await redeem(login, 'geen code', 'x@bestuur.example.nl');
    expect([malformed.status, await errorCode(malformed)]).toEqual([400, 'code_unknown']);
    const { code } = await issueActivationCode({ db: t.db.db, site: t.site, env: t.env, actor: serviceDeskCli }, { organisationId: board.id, validDays: 1 }, new Date(Date.now() - 2 * 86_400_000));
    const expired = await redeem(login, code, 'x@bestuur.example.nl');
    expect([expired.status, await errorCode(expired)]).toEqual([410, 'code_expired']);
    expect(await t.db.db.select().from(users).where(eq(users.email, 'x@bestuur.example.nl'))).toHaveLength(0);
  });

  it("refuses an address outside the organisation's domains and leaves the code usable", async () => {
    const code = await codeFor(board.id);
    const login = await newPersonLogin(t);
    const outside = await redeem(login, code, 'iemand@gmail.com');
    expect([outside.status, await errorCode(outside)]).toEqual([422, 'email_domain_not_allowed']);
    expect((await redeem(login, code, 'iemand@bestuur.example.nl')).status).toBe(200);
  });

  it('refuses a code without a pending eHerkenning login, and leaves it usable', async () => {
    const code = await codeFor(board.id);
    const res = await post(t, '/poort/api/link/activation-code', { code, email: 'y@bestuur.example.nl' });
    expect([res.status, await errorCode(res)]).toEqual([409, 'link_not_pending']);
    expect((await redeem(await newPersonLogin(t), code, 'y@bestuur.example.nl')).status).toBe(200);
  });
});

describe('Account toevoegen', () => {
  it('adds the organisation of a code to the logged-in account, audited; the same code then answers code_used', async () => {
    const person = await makeUser(t, 'meester@school.example.nl', { organisationId: school.id });
    const cookie = await sessionCookie(t, person.id);
    const code = await codeFor(board.id);
    const res = await post(t, '/poort/api/link/organisation', { code }, { cookie });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ organisation: { id: board.id, name: 'Stichting Primair' }, role: 'user' });
    expect((await t.db.db.select().from(memberships).where(eq(memberships.userId, person.id))).map((m) => m.organisationId).sort()).toEqual([school.id, board.id].sort());
    const [audit] = await t.db.db.select().from(auditEvents).where(and(eq(auditEvents.type, 'membership_added'), eq(auditEvents.userId, person.id)));
    expect(audit).toMatchObject({ organisationId: board.id, details: { via: 'activation_code', role: 'user' } });
    const again = await post(t, '/poort/api/link/organisation', { code }, { cookie });
    expect(await errorCode(again)).toBe('code_used');
  });

  it('refuses an organisation the person already belongs to and keeps the code unused; needs a session', async () => {
    const person = await makeUser(t, 'conciërge@school.example.nl', { organisationId: school.id });
    const code = await codeFor(school.id);
    const res = await post(t, '/poort/api/link/organisation', { code }, { cookie: await sessionCookie(t, person.id) });
    expect([res.status, await errorCode(res)]).toEqual([409, 'already_member']);
    const [row] = await t.db.db.select().from(activationCodes).where(eq(activationCodes.codeHash, hashActivationCode(normaliseActivationCode(code)!)));
    expect(row!.usedAt).toBeNull();
    expect((await post(t, '/poort/api/link/organisation', { code })).status).toBe(401);
    expect((await post(t, '/poort/api/link/organisation', {}, { cookie: await sessionCookie(t, person.id) })).status).toBe(400);
  });
});

describe('Wachtwoord vergeten on the linking step', () => {
  it("mails the reset link to the organisation's authorised contact where the site says so", async () => {
    const desk = await sessionCookie(t, (await makeUser(t, 'desk@school.example.nl', { role: 'servicedesk', organisationId: school.id })).id);
    const badContact = await post(t, '/poort/api/admin/organisations', { name: 'Het Anker', emailDomains: ['contact.example.nl'], contactEmail: 'geen adres' }, { cookie: desk });
    expect(badContact.status).toBe(400);
    const created = await post(t, '/poort/api/admin/organisations', { name: 'Basisschool Het Anker', emailDomains: ['contact.example.nl'], contactEmail: 'Gemachtigde@contact.example.nl' }, { cookie: desk });
    expect(created.status).toBe(201);
    await makeUser(t, 'leraar@contact.example.nl', { organisationId: ((await created.json()) as { id: string }).id });
    const login = await newPersonLogin(t);
    const res = await post(t, '/poort/api/link/forgot-password', { email: 'leraar@contact.example.nl' }, { cookie: login.browser });
    expect(res.status).toBe(202);
    const mails = await t.db.db.select().from(outbox).where(eq(outbox.kind, 'password_reset_contact'));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: 'gemachtigde@contact.example.nl' });
    expect(mails[0]!.text).toContain('leraar@contact.example.nl');
    expect(mails[0]!.text).toContain('poort-reset=');
  });

  it('falls back to the normal reset for an organisation without a contact, and answers an unknown address alike', async () => {
    await makeUser(t, 'zonder@bestuur.example.nl', { organisationId: board.id });
    const login = await newPersonLogin(t);
    const known = await post(t, '/poort/api/link/forgot-password', { email: 'zonder@bestuur.example.nl' }, { cookie: login.browser });
    const unknown = await post(t, '/poort/api/link/forgot-password', { email: 'onbekend@bestuur.example.nl' }, { cookie: login.browser });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(await known.json()).toEqual(await unknown.json());
    expect(await t.db.db.select().from(outbox).where(and(eq(outbox.kind, 'password_reset'), eq(outbox.to, 'zonder@bestuur.example.nl')))).toHaveLength(1);
  });
});
