// The Beheer page's server side (issue 16, part 1): who gets the page and who gets a page saying
// why not; the people list (search, pages, methods, last login, scope); the organisations an
// admin invites into; role changes. Bad input on every route.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, identities, organisations, sessions, users } from '../../db/schema.js';
import { lifetimesFrom } from '../../bff/src/sessions/session-policy.js';
import { createSession } from '../../bff/src/sessions/session-store.js';
import { errorCode, makeUser, post, sessionCookie, twoOrganisationsWithAdmins } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let orgA: string;
let orgB: string;
const cookie = { adminA: '', adminB: '', desk: '', user: '', adminByEmail: '' };
const id = { adminA: '', piet: '', kees: '', anna: '' };

beforeAll(async () => {
  t = await createTestApp();
  const { adminA, adminB, desk, ...orgs } = await twoOrganisationsWithAdmins(t);
  ({ orgA, orgB } = orgs);
  id.adminA = adminA.id;
  id.piet = (await makeUser(t, 'piet@gemeente-a.example.nl', { organisationId: orgA })).id;
  id.anna = (await makeUser(t, 'anna@gemeente-a.example.nl', { organisationId: orgA, password: null })).id;
  await t.db.db.update(users).set({ displayName: 'Anna Öztürk' }).where(eq(users.id, id.anna));
  id.kees = (await makeUser(t, 'kees@gemeente-b.example.nl', { organisationId: orgB })).id;
  for (let i = 0; i < 30; i++) await makeUser(t, `medewerker${String(i).padStart(2, '0')}@gemeente-a.example.nl`, { organisationId: orgA, password: null });
  await t.db.db.insert(identities).values({ userId: id.piet, scheme: 'eherkenning', subject: 'piet-pseudoniem' });
  await t.db.db.insert(auditEvents).values([
    { type: 'login', outcome: 'success', userId: id.piet, method: 'email', at: new Date('2026-05-01T08:00:00Z') },
    { type: 'login', outcome: 'success', userId: id.piet, method: 'eherkenning', at: new Date('2026-05-03T08:00:00Z') },
    { type: 'login', outcome: 'failure', userId: id.piet, method: 'email', at: new Date('2026-05-04T08:00:00Z') },
  ]);
  cookie.adminA = await sessionCookie(t, adminA.id);
  cookie.adminB = await sessionCookie(t, adminB.id);
  cookie.desk = await sessionCookie(t, desk.id);
  cookie.user = await sessionCookie(t, id.piet);
  const byEmail = await createSession(t.db.db, { userId: adminA.id, method: 'email' }, lifetimesFrom(t.site.sessions));
  cookie.adminByEmail = `poort_session=${byEmail.token}`;
});
afterAll(() => t.close());

const get = (path: string, who: keyof typeof cookie | '', headers: Record<string, string> = {}) =>
  t.app.request(path, { headers: { ...(who ? { cookie: cookie[who] } : {}), ...headers } });

describe('GET /poort/beheer/', () => {
  it('serves an admin logged in with eHerkenning the page that loads the Beheer elements, in their language', async () => {
    const res = await get('/poort/beheer/', 'adminA', { accept: 'text/html', 'accept-language': 'en-GB,en;q=0.8' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const page = await res.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<script type="module" src="/poort/beheer/beheer.js"></script>');
    expect(page).toContain('<poort-beheer lang="en" bff="/poort">');
  });

  it.each([
    ['', 401, 'not_logged_in', 'Log eerst in'],
    ['user', 403, 'not_an_admin', 'Geen toegang tot Beheer'],
    ['adminByEmail', 403, 'level_too_low', 'eH2+'],
  ] as const)('answers %j with %i and a page that says why (%s)', async (who, status, refusal, text) => {
    const res = await get('/poort/beheer/', who, { accept: 'text/html' });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await res.text();
    expect(page).toContain(`data-poort-refusal="${refusal}"`);
    expect(page).toContain(text);
    expect(page).toContain('<a href="/">');
    expect(page).not.toContain('beheer.js');
  });

  it('speaks Flemish to a Flemish browser', async () => {
    const page = await (await get('/poort/beheer/', '', { 'accept-language': 'nl-BE' })).text();
    expect(page).toContain('Meld u eerst aan');
  });

  it('takes no language it does not speak, and no markup, from the address', async () => {
    const res = await get('/poort/beheer/?lang=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'adminA');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<html lang="nl">');
    expect(page).not.toContain('<script>');
  });

  it('sends /poort/beheer to /poort/beheer/', async () => {
    const res = await get('/poort/beheer', 'adminA');
    expect([res.status, res.headers.get('location')]).toEqual([301, '/poort/beheer/']);
  });
});

describe('GET /api/admin/people', () => {
  it('pages through the people of the admin’s organisations, never another’s', async () => {
    const first = (await (await get('/poort/api/admin/people?limit=25', 'adminA')).json()) as { people: { email: string }[]; total: number };
    expect(first.total).toBe(33);
    expect(first.people).toHaveLength(25);
    const second = (await (await get('/poort/api/admin/people?limit=25&offset=25', 'adminA')).json()) as { people: { email: string }[] };
    expect(second.people).toHaveLength(8);
    const all = [...first.people, ...second.people].map((p) => p.email);
    expect(new Set(all).size).toBe(33);
    expect(all).not.toContain('kees@gemeente-b.example.nl');
  });

  it('finds people by part of their address or name, without minding accents or case', async () => {
    const found = async (search: string) => ((await (await get(`/poort/api/admin/people?search=${encodeURIComponent(search)}`, 'adminA')).json()) as { people: { email: string }[] }).people.map((p) => p.email);
    expect(await found('ozturk')).toEqual(['anna@gemeente-a.example.nl']);
    expect(await found('PIET@')).toEqual(['piet@gemeente-a.example.nl']);
    expect(await found('kees')).toEqual([]);
  });

  it('shows how each person logs in, their status and their last successful login', async () => {
    const { people } = (await (await get('/poort/api/admin/people?search=piet', 'adminA')).json()) as { people: unknown[] };
    expect(people[0]).toMatchObject({ status: 'active', role: 'user', organisations: ['Gemeente A'], methods: ['eherkenning', 'email'], lastLoginAt: '2026-05-03T08:00:00.000Z' });
    const anna = ((await (await get('/poort/api/admin/people?search=anna', 'adminA')).json()) as { people: unknown[] }).people[0];
    expect(anna).toMatchObject({ status: 'invited', methods: ['email'], lastLoginAt: null });
  });

  it.each(['limit=0', 'limit=101', 'offset=-1', 'offset=x', 'colour=blue', `search=${'x'.repeat(201)}`])('refuses %s with 400', async (query) => {
    const res = await get(`/poort/api/admin/people?${query}`, 'adminA');
    expect([res.status, await errorCode(res)]).toEqual([400, 'invalid_request']);
  });

  it('refuses people who are not admins', async () => {
    expect((await get('/poort/api/admin/people', 'user')).status).toBe(403);
    expect((await get('/poort/api/admin/people', '')).status).toBe(401);
  });
});

describe('GET /api/admin/scope', () => {
  it('gives an admin their organisations with the e-mail domains an invitation must use', async () => {
    const body = await (await get('/poort/api/admin/scope', 'adminA')).json();
    expect(body).toEqual({ role: 'admin', organisations: [{ id: orgA, name: 'Gemeente A', emailDomains: ['gemeente-a.example.nl'] }], activationCodeDays: t.site.linking.activationCodeDays });
  });
  it('gives the service desk every organisation', async () => {
    const body = (await (await get('/poort/api/admin/scope', 'desk')).json()) as { organisations: { id: string }[] };
    // Every one: the test's two and any the demo set-up made (the simulated ACM/IDM's organisations).
    expect(body.organisations).toHaveLength(await t.db.db.$count(organisations));
    expect(body.organisations.map((o) => o.id)).toEqual(expect.arrayContaining([orgA, orgB]));
  });
});

describe('POST /api/admin/users/{id}/role', () => {
  it('changes the role on the account and its memberships, ends the person’s sessions and records it', async () => {
    const target = await makeUser(t, 'wordt-redacteur@gemeente-a.example.nl', { organisationId: orgA });
    await sessionCookie(t, target.id);
    const res = await post(t, `/poort/api/admin/users/${target.id}/role`, { role: 'editor' }, { cookie: cookie.adminA });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { role: string } }).user.role).toBe('editor');
    expect(await t.db.db.select().from(sessions).where(eq(sessions.userId, target.id))).toEqual([]);
    const [event] = await t.db.db.select().from(auditEvents).where(eq(auditEvents.type, 'role_changed'));
    expect(event).toMatchObject({ userId: target.id, actorId: id.adminA, details: { from: 'user', to: 'editor', sessionsEnded: 1 } });
  });

  it.each([
    ['a role above the admin’s own', () => id.piet, { role: 'servicedesk' }, 403, 'role_above_own'],
    ['their own account', () => id.adminA, { role: 'user' }, 403, 'forbidden'],
    ['another organisation’s person', () => id.kees, { role: 'editor' }, 404, 'not_found'],
    ['an unknown id', () => '00000000-0000-4000-8000-000000000000', { role: 'editor' }, 404, 'not_found'],
    ['no such role', () => id.piet, { role: 'superuser' }, 400, 'invalid_request'],
    ['an extra field', () => id.piet, { role: 'editor', organisationId: 'x' }, 400, 'invalid_request'],
    ['not an id', () => 'piet', { role: 'editor' }, 400, 'invalid_request'],
  ])('refuses %s, changing nothing', async (_what, who, body, status, code) => {
    const before = await t.db.db.select({ id: users.id, role: users.role }).from(users);
    const res = await post(t, `/poort/api/admin/users/${who()}/role`, body, { cookie: cookie.adminA });
    expect([res.status, await errorCode(res)]).toEqual([status, code]);
    expect(await t.db.db.select({ id: users.id, role: users.role }).from(users)).toEqual(before);
  });

  it('refuses people who are not admins', async () => {
    const res = await post(t, `/poort/api/admin/users/${id.piet}/role`, { role: 'editor' }, { cookie: cookie.user });
    expect(res.status).toBe(403);
  });
});
