// Acting for organisations (issue 13, behaviour 4): the session acts for the one organisation a
// person belongs to, asks when there are several, follows the organisation an eHerkenning answer
// names, and switches only to an organisation the person belongs to, with an audit event.
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, memberships, organisations } from '../../db/schema.js';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import { GOOD_PASSWORD, cookieFrom, errorCode, makeOrganisation, makeUser, post, sessionCookie } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { rowCounts } from '../support/row-counts.js';
import { brokerResponse, cookieOf, postToAcs, startLogin } from '../saml/flow.js';
import type { OrganisationsView, SessionView } from '../../contract/api-schemas.js';

let t: TestApp;
let school: { id: string };
let board: { id: string };
let foreign: { id: string };
beforeAll(async () => {
  t = await createTestApp();
  school = await makeOrganisation(t, ['school.example.nl'], 'Basisschool De Linde');
  board = await makeOrganisation(t, ['school.example.nl'], 'Stichting Scholengroep Oost');
  foreign = await makeOrganisation(t, ['elders.example.nl'], 'Gemeente Elders');
  await t.db.db.update(organisations).set({ identifiers: { kvk: '41000001' } }).where(eq(organisations.id, board.id));
  const two = await makeUser(t, 'directeur@school.example.nl', { organisationId: school.id });
  await t.db.db.insert(memberships).values({ userId: two.id, organisationId: board.id, role: 'editor', capacity: 'bestuurder' });
  await makeUser(t, 'leraar@school.example.nl', { organisationId: school.id });
  await makeUser(t, 'zonder@school.example.nl');
});
afterAll(() => t.close());

async function login(email: string): Promise<{ cookie: string; body: SessionView }> {
  const res = await post(t, '/poort/api/login', { email, password: GOOD_PASSWORD });
  expect(res.status).toBe(200);
  return { cookie: cookieFrom(res), body: (await res.json()) as SessionView };
}

const get = (path: string, cookie?: string) => t.app.request(path, cookie ? { headers: { cookie } } : {});
const switchTo = (cookie: string, body: unknown) => post(t, '/poort/api/organisations/switch', body, { cookie });

describe('the organisation a session starts with', () => {
  it('acts for the one organisation of a person with one membership', async () => {
    const { body } = await login('leraar@school.example.nl');
    expect(body.actingFor).toEqual({ id: school.id, name: 'Basisschool De Linde', identifiers: {}, role: 'user', capacity: null });
    expect(body.organisationChoiceNeeded).toBe(false);
  });

  it('acts for none, and asks nothing, for a person without memberships', async () => {
    const { body } = await login('zonder@school.example.nl');
    expect(body.actingFor).toBeNull();
    expect(body.organisationChoiceNeeded).toBe(false);
  });

  it('asks a person with several memberships, and lists them with name, numbers, role and capacity', async () => {
    const { cookie, body } = await login('directeur@school.example.nl');
    expect(body.actingFor).toBeNull();
    expect(body.organisationChoiceNeeded).toBe(true);
    const session = (await (await get('/poort/api/session', cookie)).json()) as SessionView;
    expect(session.organisationChoiceNeeded).toBe(true);
    const res = await get('/poort/api/organisations', cookie);
    expect(res.status).toBe(200);
    expect((await res.json()) as OrganisationsView).toEqual({
      actingFor: null,
      organisationChoiceNeeded: true,
      organisations: [
        { id: school.id, name: 'Basisschool De Linde', identifiers: {}, role: 'user', capacity: null },
        { id: board.id, name: 'Stichting Scholengroep Oost', identifiers: { kvk: '41000001' }, role: 'editor', capacity: 'bestuurder' },
      ],
    });
  });
});

describe('POST /api/organisations/switch', () => {
  it('acts for the chosen organisation with a new cookie, ends the old one, and audits it in the same transaction', async () => {
    const { cookie } = await login('directeur@school.example.nl');
    const res = await switchTo(cookie, { organisationId: board.id });
    expect(res.status).toBe(200);
    const body = (await res.json()) as SessionView;
    expect(body.actingFor).toMatchObject({ id: board.id, role: 'editor', capacity: 'bestuurder' });
    expect(body.organisationChoiceNeeded).toBe(false);
    const fresh = cookieFrom(res);
    expect(fresh).not.toBe(cookie);
    expect((await get('/poort/api/session', cookie)).status).toBe(401);
    const now = (await (await get('/poort/api/session', fresh)).json()) as SessionView;
    expect(now.actingFor?.id).toBe(board.id);
    expect(((await (await get('/poort/api/organisations', fresh)).json()) as OrganisationsView).actingFor).toBe(board.id);
    const [event] = await t.db.db.select().from(auditEvents).where(eq(auditEvents.type, 'organisation_switched')).orderBy(desc(auditEvents.id)).limit(1);
    expect(event).toMatchObject({ outcome: 'success', organisationId: board.id, method: 'email', details: { from: null } });

    // And back again to the school: the membership decides, not the earlier choice.
    const back = await switchTo(fresh, { organisationId: school.id });
    expect(back.status).toBe(200);
    expect(((await back.json()) as SessionView).actingFor?.id).toBe(school.id);
  });

  it('refuses an organisation the person does not belong to with 403 not_a_member, changes nothing and audits the attempt', async () => {
    const { cookie } = await login('directeur@school.example.nl');
    const before = await rowCounts(t.db.db);
    const res = await switchTo(cookie, { organisationId: foreign.id });
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('not_a_member');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await rowCounts(t.db.db)).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
    const session = (await (await get('/poort/api/session', cookie)).json()) as SessionView;
    expect(session.actingFor).toBeNull();
    expect(session.organisationChoiceNeeded).toBe(true);
    const [event] = await t.db.db.select().from(auditEvents).where(and(eq(auditEvents.type, 'organisation_switched'), eq(auditEvents.outcome, 'failure'))).orderBy(desc(auditEvents.id)).limit(1);
    expect(event).toMatchObject({ reason: 'not_a_member', organisationId: null, details: { organisationId: foreign.id } });
  });

  it('answers 404 organisation_not_found for an id of no organisation', async () => {
    const { cookie } = await login('directeur@school.example.nl');
    const res = await switchTo(cookie, { organisationId: '00000000-0000-4000-8000-000000000000' });
    expect(res.status).toBe(404);
    expect(await errorCode(res)).toBe('organisation_not_found');
  });

  it('refuses bad input with 400 and nothing changed', async () => {
    const { cookie } = await login('directeur@school.example.nl');
    for (const body of [{}, { organisationId: 'board' }, { organisationId: 42 }, { organisationId: board.id, role: 'admin' }, [board.id], 'null']) {
      const res = await switchTo(cookie, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await errorCode(res)).toBe('invalid_request');
    }
    const malformed = await switchTo(cookie, '{"organisationId":');
    expect(malformed.status).toBe(400);
    expect(await errorCode(malformed)).toBe('malformed_json');
    expect(((await (await get('/poort/api/session', cookie)).json()) as SessionView).actingFor).toBeNull();
  });

  it('needs a session: 401 for both routes without one, or with an ended one', async () => {
    expect((await get('/poort/api/organisations')).status).toBe(401);
    const res = await switchTo('poort_session=' + 'x'.repeat(43), { organisationId: board.id });
    expect(res.status).toBe(401);
    expect(await errorCode(res)).toBe('unauthenticated');
  });

  it('refuses a cross-site switch (CSRF) before looking at it', async () => {
    const { cookie } = await login('directeur@school.example.nl');
    const res = await post(t, '/poort/api/organisations/switch', { organisationId: board.id }, { cookie, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('forbidden_origin');
  });

  it('lets two switches at once each leave exactly one working session', async () => {
    const { cookie } = await login('directeur@school.example.nl');
    const answers = await Promise.all([switchTo(cookie, { organisationId: board.id }), switchTo(cookie, { organisationId: school.id })]);
    const statuses = answers.map((a) => a.status).sort();
    // One wins; the other finds the token already replaced.
    expect(statuses).toEqual([200, 401]);
  });
});

describe('eHerkenning answers that name an organisation', () => {
  async function eherkenningLogin(app: TestApp, person: string): Promise<SessionView> {
    const started = await startLogin(app, 'demo-noord');
    const { xml, relayState } = await brokerResponse(app, started, `person:${person}`);
    const res = await postToAcs(app, xml, relayState);
    expect(res.status).toBe(303);
    return (await (await app.app.request('/poort/api/session', { headers: { cookie: cookieOf(res)! } })).json()) as SessionView;
  }

  it('acts for a known organisation the person belongs to, without asking, even with several memberships', async () => {
    const first = await eherkenningLogin(t, 'jan');
    // The first login made the person (site policy create); give them the board (KvK 41000001 is not Jan's) and Jan's company.
    const [jans] = await t.db.db.insert(organisations).values({ name: 'Bakkerij De Korenschoof B.V.', identifiers: { kvk: '90001234' } }).returning();
    await t.db.db.insert(memberships).values([
      { userId: first.user.id, organisationId: jans!.id, role: 'user' },
      { userId: first.user.id, organisationId: board.id, role: 'user' },
    ]);
    const again = await eherkenningLogin(t, 'jan');
    expect(again.actingFor).toMatchObject({ id: jans!.id, identifiers: { kvk: '90001234' } });
    expect(again.organisationChoiceNeeded).toBe(false);
    const [event] = await t.db.db.select().from(auditEvents).where(eq(auditEvents.type, 'login')).orderBy(desc(auditEvents.id)).limit(1);
    expect(event).toMatchObject({ organisationId: jans!.id, method: 'eherkenning', details: { answerOrganisation: 'member' } });
  });

  it('makes no membership without the site’s consent (membershipFromAnswer find)', async () => {
    const [branch] = await t.db.db.insert(organisations).values({ name: 'Noorderlicht Groningen', identifiers: { kvk: '90005678', vestigingsnr: '000012345678' } }).returning();
    const session = await eherkenningLogin(t, 'fatima');
    expect(session.actingFor).toBeNull();
    expect(await t.db.db.select().from(memberships).where(eq(memberships.organisationId, branch!.id))).toEqual([]);
  });

  it('with consent (membershipFromAnswer create) makes the membership of the branch the answer names and acts for it, audited', async () => {
    const eherkenning = {
      entityId: 'urn:poort:demo:sp',
      serviceId: 'urn:etoegang:DV:00000001234567890000:services:1',
      serviceUuid: '8f1bd2c6-2ad6-4ac8-9a5f-e6d1b3c2a001',
      serviceName: { nl: 'Voorbeeldportaal', 'nl-BE': 'Voorbeeldtoepassing', en: 'Example portal' },
      membershipFromAnswer: 'create',
    };
    const app = await createTestApp({ site: { ...demoSiteConfig, eherkenning } });
    try {
      const [whole] = await app.db.db.insert(organisations).values({ name: 'Installatiebedrijf Noorderlicht', identifiers: { kvk: '90005678' } }).returning();
      const [branch] = await app.db.db.insert(organisations).values({ name: 'Noorderlicht Groningen', identifiers: { kvk: '90005678', vestigingsnr: '000012345678' } }).returning();
      const session = await eherkenningLogin(app, 'fatima');
      expect(session.actingFor).toEqual({ id: branch!.id, name: 'Noorderlicht Groningen', identifiers: { kvk: '90005678', vestigingsnr: '000012345678' }, role: 'user', capacity: null });
      const made = await app.db.db.select().from(memberships).where(eq(memberships.userId, session.user.id));
      expect(made.map((m) => m.organisationId)).toEqual([branch!.id]);
      expect(made.map((m) => m.organisationId)).not.toContain(whole!.id);
      const [event] = await app.db.db.select().from(auditEvents).where(eq(auditEvents.type, 'membership_created'));
      expect(event).toMatchObject({ userId: session.user.id, organisationId: branch!.id, details: { source: 'eherkenning_answer', kvk: '90005678' } });
      // The second login finds the membership: no second one, no second event.
      await eherkenningLogin(app, 'fatima');
      expect(await app.db.db.select().from(auditEvents).where(eq(auditEvents.type, 'membership_created'))).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});

describe('POST /api/admin/users/{id}/memberships', () => {
  it('lets the service desk add an organisation, audited; the next login then asks', async () => {
    const desk = await sessionCookie(t, (await makeUser(t, 'desk2@school.example.nl', { role: 'servicedesk' })).id);
    const person = await makeUser(t, 'tweede@school.example.nl', { organisationId: school.id });
    const res = await post(t, `/poort/api/admin/users/${person.id}/memberships`, { organisationId: board.id, role: 'editor', capacity: ' bestuurder ' }, { cookie: desk });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ organisationId: board.id, role: 'editor', capacity: 'bestuurder' });
    const [event] = await t.db.db.select().from(auditEvents).where(and(eq(auditEvents.type, 'membership_created'), eq(auditEvents.userId, person.id)));
    expect(event).toMatchObject({ organisationId: board.id, details: { role: 'editor', capacity: 'bestuurder' } });
    expect((await login('tweede@school.example.nl')).body.organisationChoiceNeeded).toBe(true);

    const again = await post(t, `/poort/api/admin/users/${person.id}/memberships`, { organisationId: board.id }, { cookie: desk });
    expect(again.status).toBe(400);
    for (const body of [{}, { organisationId: 'x' }, { organisationId: board.id, role: 'baas' }, { organisationId: board.id, capacity: '' }, { organisationId: board.id, extra: true }]) {
      expect((await post(t, `/poort/api/admin/users/${person.id}/memberships`, body, { cookie: desk })).status, JSON.stringify(body)).toBe(400);
    }
  });

  it('lets an admin add only organisations they administer, and no role above their own', async () => {
    const admin = await makeUser(t, 'beheer@school.example.nl', { role: 'admin', organisationId: school.id });
    const cookie = await sessionCookie(t, admin.id);
    const person = await makeUser(t, 'derde@school.example.nl', { organisationId: school.id });
    const foreignAdd = await post(t, `/poort/api/admin/users/${person.id}/memberships`, { organisationId: foreign.id }, { cookie });
    expect(foreignAdd.status).toBe(422);
    expect(await errorCode(foreignAdd)).toBe('organisation_unknown');
    const above = await post(t, `/poort/api/admin/users/${person.id}/memberships`, { organisationId: school.id, role: 'servicedesk' }, { cookie });
    expect(above.status).toBe(403);
    expect(await errorCode(above)).toBe('role_above_own');
    expect(await t.db.db.select().from(memberships).where(eq(memberships.userId, person.id))).toHaveLength(1);
  });
});

describe('organisation numbers from the service desk', () => {
  it('stores the KvK number, RSIN and Vestigingsnummer normalised, and refuses numbers of the wrong length', async () => {
    const desk = await makeUser(t, 'desk@school.example.nl', { role: 'servicedesk' });
    const cookie = await sessionCookie(t, desk.id);
    const create = (identifiers: unknown) => post(t, '/poort/api/admin/organisations', { name: 'Basisschool Het Anker', emailDomains: ['anker.example.nl'], identifiers }, { cookie });
    const res = await create({ kvk: '4100 0001', vestigingsnr: '0000.0000.0002' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ identifiers: { kvk: '41000001', vestigingsnr: '000000000002' } });
    for (const [identifiers, message] of [
      [{ kvk: '4100001' }, 'The KvK number must have 8 digits.'],
      [{ rsin: '12345678X' }, 'The RSIN must have 9 digits.'],
      [{ ovo: 'OVO12345' }, 'The OVO code must be OVO and 6 digits, e.g. OVO000123.'],
      [{ vestigingsnr: '000000000002' }, 'A Vestigingsnummer needs the KvK number too.'],
    ] as const) {
      const bad = await create(identifiers);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({ error: { code: 'invalid_request', message } });
    }
    expect((await create({ kvk: '41000001', brin: '00AA' })).status).toBe(400);
    expect(await t.db.db.select().from(organisations).where(eq(organisations.name, 'Basisschool Het Anker'))).toHaveLength(1);
  });
});

describe('the OpenAPI document', () => {
  it('describes the organisation routes and the temporary-account route', async () => {
    const doc = (await (await t.app.request('/poort/api/openapi.json')).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(Object.keys(doc.paths['/poort/api/organisations']!)).toEqual(['get']);
    expect(Object.keys(doc.paths['/poort/api/organisations/switch']!.post!.responses).sort()).toEqual(['200', '400', '401', '403', '404']);
    expect(Object.keys(doc.paths['/poort/api/admin/users/{id}/local-account-until']!)).toEqual(['put']);
  });
});
