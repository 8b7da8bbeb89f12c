// Admins are not global (issue 10, item 8): an admin sees and acts on the accounts of the
// organisations they administer and nothing else, gives no role above their own and creates no
// organisations; the service desk does all of that. Another organisation's account gets the very
// answer an unknown one gets (404 not_found), and a refusal writes nothing.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, memberships, users } from '../../db/schema.js';
import { errorCode, makeOrganisation, makeUser, post, sessionCookie } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { rowCounts } from '../support/row-counts.js';

let t: TestApp;
let orgA: string;
let orgB: string;
const cookies: Record<'adminA' | 'adminB' | 'memberAdmin' | 'desk', string> = { adminA: '', adminB: '', memberAdmin: '', desk: '' };
const ids: Record<'adminA' | 'userA' | 'editorA' | 'userB' | 'disabledB' | 'both' | 'none' | 'deskInA', string> = {
  adminA: '',
  userA: '',
  editorA: '',
  userB: '',
  disabledB: '',
  both: '',
  none: '',
  deskInA: '',
};

beforeAll(async () => {
  t = await createTestApp();
  orgA = (await makeOrganisation(t, ['gemeente-a.example.nl'], 'Gemeente A')).id;
  orgB = (await makeOrganisation(t, ['gemeente-b.example.nl'], 'Gemeente B')).id;
  const operator = (await makeOrganisation(t, ['poort.example.nl'], 'Poort beheer')).id;

  const adminA = await makeUser(t, 'beheer@gemeente-a.example.nl', { role: 'admin', organisationId: orgA });
  const adminB = await makeUser(t, 'beheer@gemeente-b.example.nl', { role: 'admin', organisationId: orgB });
  // An admin somewhere, but only an ordinary member of A: no say in A.
  const memberAdmin = await makeUser(t, 'lid@gemeente-a.example.nl', { role: 'admin' });
  await t.db.db.insert(memberships).values({ userId: memberAdmin.id, organisationId: orgA, role: 'user' });
  const desk = await makeUser(t, 'helpdesk@poort.example.nl', { role: 'servicedesk', organisationId: operator });
  ids.adminA = adminA.id;
  ids.userA = (await makeUser(t, 'piet@gemeente-a.example.nl', { organisationId: orgA })).id;
  ids.editorA = (await makeUser(t, 'redactie@gemeente-a.example.nl', { role: 'editor', organisationId: orgA })).id;
  ids.userB = (await makeUser(t, 'kees@gemeente-b.example.nl', { organisationId: orgB })).id;
  const disabledB = await makeUser(t, 'oud@gemeente-b.example.nl', { organisationId: orgB });
  await t.db.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabledB.id));
  ids.disabledB = disabledB.id;
  const both = await makeUser(t, 'gedeeld@gemeente-a.example.nl', { organisationId: orgA });
  await t.db.db.insert(memberships).values({ userId: both.id, organisationId: orgB });
  ids.both = both.id;
  ids.none = (await makeUser(t, 'los@elders.example.nl')).id;
  // A service-desk account that is also a member of A: above an admin, so out of A's admin's reach.
  const deskInA = await makeUser(t, 'servicedesk@gemeente-a.example.nl', { role: 'servicedesk', organisationId: orgA });
  ids.deskInA = deskInA.id;

  cookies.adminA = await sessionCookie(t, adminA.id);
  cookies.adminB = await sessionCookie(t, adminB.id);
  cookies.memberAdmin = await sessionCookie(t, memberAdmin.id);
  cookies.desk = await sessionCookie(t, desk.id);
});
afterAll(() => t.close());

async function listed(cookie: string): Promise<string[]> {
  const res = await t.app.request('/poort/api/admin/users', { headers: { cookie } });
  expect(res.status).toBe(200);
  return ((await res.json()).users as Array<{ email: string }>).map((u) => u.email);
}

/** Runs a request, checks status and code, and that no table changed (no audit event either). */
async function refuses(request: () => Response | Promise<Response>, status: number, code: string): Promise<unknown> {
  const before = await rowCounts(t.db.db);
  const res = await request();
  const body = await res.json();
  expect({ status: res.status, code: body.error?.code }).toEqual({ status, code });
  expect(await rowCounts(t.db.db)).toEqual(before);
  return body;
}

describe('listing accounts', () => {
  it("shows an admin only the accounts of the organisations they administer", async () => {
    expect(await listed(cookies.adminA)).toEqual(['beheer@gemeente-a.example.nl', 'lid@gemeente-a.example.nl', 'piet@gemeente-a.example.nl', 'redactie@gemeente-a.example.nl']);
    expect(await listed(cookies.adminB)).toEqual(['beheer@gemeente-b.example.nl', 'kees@gemeente-b.example.nl', 'oud@gemeente-b.example.nl']);
  });

  it('shows an admin who is only an ordinary member of an organisation nothing', async () => {
    expect(await listed(cookies.memberAdmin)).toEqual([]);
  });

  it('shows the service desk every account, with all its organisations', async () => {
    const res = await t.app.request('/poort/api/admin/users', { headers: { cookie: cookies.desk } });
    const { users: all } = await res.json();
    expect(all).toHaveLength(11);
    expect(all).toContainEqual(expect.objectContaining({ email: 'gedeeld@gemeente-a.example.nl', organisations: ['Gemeente A', 'Gemeente B'] }));
    expect(all).toContainEqual(expect.objectContaining({ email: 'los@elders.example.nl', organisations: [] }));
  });
});

describe('acting on another organisation\'s account', () => {
  const actions = ['invite', 'unlock', 'disable'] as const;
  const unknownId = '00000000-0000-4000-8000-000000000000';

  it.each(actions)('%s: answers an admin exactly as for an unknown account (404 not_found) and writes nothing', async (action) => {
    const unknown = await refuses(() => post(t, `/poort/api/admin/users/${unknownId}/${action}`, '', { cookie: cookies.adminA }), 404, 'not_found');
    for (const id of [ids.userB, ids.disabledB, ids.both, ids.none, ids.deskInA]) {
      expect(await refuses(() => post(t, `/poort/api/admin/users/${id}/${action}`, '', { cookie: cookies.adminA }), 404, 'not_found')).toEqual(unknown);
    }
  });

  it('refuses an admin who is only an ordinary member of the organisation', () =>
    refuses(() => post(t, `/poort/api/admin/users/${ids.userA}/disable`, '', { cookie: cookies.memberAdmin }), 404, 'not_found'));

  it('leaves the other organisation\'s account as it was', async () => {
    const [b] = await t.db.db.select().from(users).where(eq(users.id, ids.userB));
    expect(b!.disabledAt).toBeNull();
  });

  it('lets an admin act on their own organisation\'s account, audited with the admin as actor', async () => {
    const res = await post(t, `/poort/api/admin/users/${ids.editorA}/unlock`, '', { cookie: cookies.adminA });
    expect(res.status).toBe(200);
    const [event] = await t.db.db.select().from(auditEvents).where(eq(auditEvents.type, 'account_unblocked'));
    expect(event).toMatchObject({ userId: ids.editorA, actorId: ids.adminA, outcome: 'success' });
  });

  it('lets the service desk act on any organisation\'s account, and on one in none', async () => {
    expect((await post(t, `/poort/api/admin/users/${ids.both}/invite`, '', { cookie: cookies.desk })).status).toBe(200);
    expect((await post(t, `/poort/api/admin/users/${ids.none}/unlock`, '', { cookie: cookies.desk })).status).toBe(200);
    const disabled = await post(t, `/poort/api/admin/users/${ids.disabledB}/unlock`, '', { cookie: cookies.desk });
    expect({ status: disabled.status, code: await errorCode(disabled) }).toEqual({ status: 400, code: 'invalid_request' });
  });
});

describe('creating accounts', () => {
  it('refuses an admin an organisation they do not administer, as if it did not exist', async () => {
    const unknown = await refuses(
      () => post(t, '/poort/api/admin/users', { email: 'nieuw@gemeente-b.example.nl', organisationId: '00000000-0000-4000-8000-000000000000' }, { cookie: cookies.adminA }),
      422,
      'organisation_unknown',
    );
    const foreign = await refuses(() => post(t, '/poort/api/admin/users', { email: 'nieuw@gemeente-b.example.nl', organisationId: orgB, role: 'admin' }, { cookie: cookies.adminA }), 422, 'organisation_unknown');
    expect(foreign).toEqual(unknown);
    await refuses(() => post(t, '/poort/api/admin/users', { email: 'nieuw@gemeente-a.example.nl', organisationId: orgA }, { cookie: cookies.memberAdmin }), 422, 'organisation_unknown');
  });

  it('refuses a role above the admin\'s own with role_above_own', () =>
    refuses(() => post(t, '/poort/api/admin/users', { email: 'nieuw@gemeente-a.example.nl', organisationId: orgA, role: 'servicedesk' }, { cookie: cookies.adminA }), 403, 'role_above_own'));

  it('lets an admin create an admin in their own organisation, with an admin membership there', async () => {
    const res = await post(t, '/poort/api/admin/users', { email: 'tweede.beheer@gemeente-a.example.nl', organisationId: orgA, role: 'admin' }, { cookie: cookies.adminA });
    expect(res.status).toBe(201);
    const { user } = await res.json();
    expect(await t.db.db.select({ organisationId: memberships.organisationId, role: memberships.role }).from(memberships).where(eq(memberships.userId, user.id))).toEqual([
      { organisationId: orgA, role: 'admin' },
    ]);
    const [event] = await t.db.db.select().from(auditEvents).where(eq(auditEvents.userId, user.id));
    expect(event).toMatchObject({ type: 'account_created', actorId: ids.adminA, organisationId: orgA });
  });

  it('lets the service desk create a service-desk account', async () => {
    const res = await post(t, '/poort/api/admin/users', { email: 'collega@gemeente-b.example.nl', organisationId: orgB, role: 'servicedesk' }, { cookie: cookies.desk });
    expect(res.status).toBe(201);
    expect((await res.json()).user.role).toBe('servicedesk');
  });
});

describe('creating organisations', () => {
  it('is refused to an admin, whatever the domain, before the body is even read', async () => {
    for (const body of [{ name: 'Eigen club', emailDomains: ['eigen-club.example.nl'] }, { name: 'Iedereen', emailDomains: ['gmail.com'] }, {}]) {
      const res = await refuses(() => post(t, '/poort/api/admin/organisations', body, { cookie: cookies.adminA }), 403, 'forbidden');
      expect(res).toMatchObject({ error: { message: 'Only the service desk creates organisations.' } });
    }
  });

  it('is the service desk\'s, audited with the service desk as actor', async () => {
    const res = await post(t, '/poort/api/admin/organisations', { name: 'Waterschap', emailDomains: ['waterschap.example.nl'] }, { cookie: cookies.desk });
    expect(res.status).toBe(201);
    const { id } = await res.json();
    const [event] = await t.db.db.select().from(auditEvents).where(eq(auditEvents.type, 'organisation_created'));
    expect(event).toMatchObject({ organisationId: id, outcome: 'success', actorId: expect.any(String) });
  });

  it('refuses a public mail domain with public_mail_domain, naming it', async () => {
    const body = await refuses(() => post(t, '/poort/api/admin/organisations', { name: 'X', emailDomains: ['x.example.nl', 'Telenet.BE'] }, { cookie: cookies.desk }), 422, 'public_mail_domain');
    expect(body).toMatchObject({ error: { message: expect.stringContaining('telenet.be') } });
  });
});

describe('the roles themselves', () => {
  it('keeps a service-desk account from logging in with a password where admins must use eHerkenning', async () => {
    const res = await post(t, '/poort/api/login', { email: 'helpdesk@poort.example.nl', password: 'paarden-batterij-niet-stapel' });
    expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 403, code: 'admin_requires_eherkenning' });
  });

  it('has the database refuse a role that does not exist', async () => {
    await expect(t.db.db.update(users).set({ role: 'superuser' as 'admin' }).where(eq(users.id, ids.userA))).rejects.toThrow();
    await expect(t.db.db.update(memberships).set({ role: 'root' as 'admin' }).where(eq(memberships.userId, ids.userA))).rejects.toThrow();
  });
});
