// The audit report (issue 16, part 2): filters, a cursor that holds while events keep being
// written, scope (an admin of A never sees B's events; the service desk sees all), the CSV export
// and bad input. Events are written as Poort writes them (recordAudit), plus one real login.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../contract/audit-schemas.js';
import { eq } from 'drizzle-orm';
import { auditEvents, users } from '../../db/schema.js';
import { recordAudit } from '../../bff/src/audit/record-audit.js';
import { GOOD_PASSWORD, errorCode, makeOrganisation, makeUser, post, sessionCookie, twoOrganisationsWithAdmins } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let orgA: string;
let orgB: string;
const cookie: Record<'adminA' | 'adminB' | 'desk' | 'user', string> = { adminA: '', adminB: '', desk: '', user: '' };
let pietA: string;
let keesB: string;

const base = new Date('2026-06-01T12:00:00Z');
const minutes = (n: number) => new Date(base.getTime() + n * 60_000);

async function event(values: Partial<typeof auditEvents.$inferInsert> & { type: string }) {
  await t.db.db.insert(auditEvents).values({ outcome: 'success', ...values });
}

async function page(who: keyof typeof cookie, query: string): Promise<AuditPage> {
  const res = await t.app.request(`/poort/api/admin/audit?${query}`, { headers: { cookie: cookie[who] } });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as AuditPage;
}

beforeAll(async () => {
  t = await createTestApp();
  const { adminA, adminB, desk, ...orgs } = await twoOrganisationsWithAdmins(t);
  ({ orgA, orgB } = orgs);
  pietA = (await makeUser(t, 'piet@gemeente-a.example.nl', { organisationId: orgA })).id;
  keesB = (await makeUser(t, 'kees@gemeente-b.example.nl', { organisationId: orgB })).id;
  const user = await makeUser(t, 'jan@gemeente-a.example.nl', { organisationId: orgA });
  cookie.adminA = await sessionCookie(t, adminA.id);
  cookie.adminB = await sessionCookie(t, adminB.id);
  cookie.desk = await sessionCookie(t, desk.id);
  cookie.user = await sessionCookie(t, user.id);

  await event({ type: 'login', userId: pietA, method: 'email', at: minutes(1), ip: '192.0.2.10', requestId: 'req-piet-1' });
  await event({ type: 'login', userId: pietA, method: 'eherkenning', level: 'loa3', broker: 'demo-noord', application: '/vergunningen/', at: minutes(2), ip: '2001:db8:1:2:3:4:5:6' });
  await event({ type: 'login', outcome: 'failure', reason: 'wrong_password', userId: keesB, method: 'email', at: minutes(3) });
  await event({ type: 'account_created', userId: keesB, organisationId: orgB, actorId: adminB.id, at: minutes(4) });
  await event({ type: 'account_created', userId: pietA, organisationId: orgA, actorId: adminA.id, at: minutes(5) });
  // A failure with no account behind it (an unknown address): nobody's but the service desk's.
  await event({ type: 'login', outcome: 'failure', reason: 'unknown_email', method: 'email', at: minutes(6) });
});
afterAll(() => t.close());

describe('scope', () => {
  it("shows an admin of A the events of A and of A's people, never B's", async () => {
    const { events } = await page('adminA', 'from=2026-06-01&to=2026-06-01');
    expect(events.map((e) => [e.type, e.person?.email])).toEqual([
      ['account_created', 'piet@gemeente-a.example.nl'],
      ['login', 'piet@gemeente-a.example.nl'],
      ['login', 'piet@gemeente-a.example.nl'],
    ]);
  });

  it('shows an admin of B only B', async () => {
    const { events } = await page('adminB', 'from=2026-06-01&to=2026-06-01');
    expect(events.every((e) => e.person?.id === keesB)).toBe(true);
    expect(events).toHaveLength(2);
  });

  it('keeps B out of reach even when the admin of A filters for it by organisation or person', async () => {
    expect((await page('adminA', `organisation=${orgB}`)).events).toEqual([]);
    expect((await page('adminA', `person=${keesB}`)).events).toEqual([]);
    expect((await page('adminA', 'person=kees')).events).toEqual([]);
  });

  it('shows the service desk every event, also those of no account', async () => {
    const { events } = await page('desk', 'from=2026-06-01&to=2026-06-01');
    expect(events).toHaveLength(6);
    expect(events[0]).toMatchObject({ type: 'login', outcome: 'failure', reason: 'unknown_email', person: null });
  });

  it('refuses people who are not admins (403) and people not logged in (401)', async () => {
    const forbidden = await t.app.request('/poort/api/admin/audit', { headers: { cookie: cookie.user } });
    expect([forbidden.status, await errorCode(forbidden)]).toEqual([403, 'forbidden']);
    const anonymous = await t.app.request('/poort/api/admin/audit');
    expect([anonymous.status, await errorCode(anonymous)]).toEqual([401, 'unauthenticated']);
  });
});

describe('filters', () => {
  const day = 'from=2026-06-01&to=2026-06-01';
  it.each([
    ['type=account_created', 2],
    ['outcome=failure', 2],
    ['method=eherkenning', 1],
    ['level=loa3', 1],
    [`application=${encodeURIComponent('/vergunningen/')}`, 1],
    ['person=PIET@gemeente', 3],
    ['person=beheer%40gemeente-a', 1],
    [`organisation=${'00000000-0000-4000-8000-000000000000'}`, 0],
    ['from=2026-06-01T12:03:00Z&to=2026-06-01T12:05:00Z', 2],
    ['from=2026-06-02', 0],
  ])('%s finds %i', async (filter, count) => {
    const query = filter.startsWith('from=') ? filter : `${day}&${filter}`;
    expect((await page('desk', query)).events).toHaveLength(count);
  });

  it('finds what an admin did by the admin as person (id), and organisation', async () => {
    expect((await page('desk', `${day}&organisation=${orgA}`)).events.map((e) => e.type)).toEqual(['account_created']);
  });

  it('shows each event with when, who, method, level, organisation, application, outcome, reason, request id and client network', async () => {
    const { events } = await page('desk', `${day}&person=${pietA}`);
    const [created, eherkenning, email] = events;
    expect(created).toMatchObject({ organisation: { id: orgA, name: 'Gemeente A' }, actor: { email: 'beheer@gemeente-a.example.nl' } });
    expect(eherkenning).toMatchObject({ method: 'eherkenning', level: 'loa3', broker: 'demo-noord', application: '/vergunningen/', clientNetwork: '2001:db8:1:2::/64' });
    expect(email).toMatchObject({ at: '2026-06-01T12:01:00.000Z', method: 'email', requestId: 'req-piet-1', clientNetwork: '192.0.2.10', outcome: 'success' });
  });

  it('writes the request id on the events a request causes, never the address tried', async () => {
    const res = await post(t, '/poort/api/login', { email: 'niemand@gemeente-a.example.nl', password: GOOD_PASSWORD }, { 'x-request-id': 'req-login-unknown' });
    expect(res.status).toBe(401);
    const { events } = await page('desk', 'type=login&outcome=failure&limit=1');
    expect(events[0]).toMatchObject({ reason: 'unknown_email', requestId: 'req-login-unknown', person: null });
    expect(JSON.stringify(events[0])).not.toContain('niemand');
  });
});

describe('cursor pagination', () => {
  it('walks every event once while new events keep arriving', async () => {
    const org = (await makeOrganisation(t, ['paging.example.nl'], 'Paging')).id;
    // Many events in the same microsecond-free second, so the order rests on the id too.
    for (let i = 0; i < 23; i++) await event({ type: 'paging', organisationId: org, at: i % 3 === 0 ? minutes(100) : minutes(100 + i) });
    const before = (await page('desk', 'type=paging&limit=200')).events.map((e) => e.id);
    expect(before).toHaveLength(23);

    const seen: string[] = [];
    let cursor: string | null = null;
    let writes = 0;
    do {
      const [result]: [AuditPage, ...unknown[]] = await Promise.all([
        page('desk', `type=paging&limit=4${cursor ? `&cursor=${cursor}` : ''}`),
        // Written while the page is read: newer ones (now), and one at the very time of older ones.
        recordAudit(t.db.db, { type: 'paging', outcome: 'success', organisationId: org }),
        event({ type: 'paging', organisationId: org, at: minutes(100) }).then(() => writes++),
      ]);
      seen.push(...result.events.map((e) => e.id));
      cursor = result.nextCursor;
    } while (cursor);
    expect(writes).toBeGreaterThan(0);
    // Each event at most once, and every event that existed before the walk is in it.
    expect(new Set(seen).size).toBe(seen.length);
    expect(before.filter((id) => !seen.includes(id))).toEqual([]);
  });
});

describe('CSV export', () => {
  it('streams UTF-8 with a BOM and a header row, quotes and line breaks escaped, formulas neutralised', async () => {
    const org = (await makeOrganisation(t, ['csv.example.nl'], 'CSV "Test", B.V.')).id;
    const hostile = await makeUser(t, 'formule@csv.example.nl', { organisationId: org });
    await t.db.db.update(users).set({ displayName: "=cmd|' /C calc'!A0" }).where(eq(users.id, hostile.id));
    await event({ type: 'csv_check', userId: hostile.id, organisationId: org, reason: 'line one\nline two', at: minutes(200), requestId: '-2+3' });
    await event({ type: 'csv_check', userId: hostile.id, organisationId: org, reason: '@SUM(A1)', at: minutes(201), application: '\tTAB' });

    const res = await t.app.request('/poort/api/admin/audit?format=csv&type=csv_check', { headers: { cookie: cookie.desk } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="poort-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('time,event,outcome,reason,person_id,person_email,person_name,actor_email,method,broker,level,organisation,application,request_id,client_network');
    expect(text).toContain(",'@SUM(A1),");
    expect(text).toContain(",'\tTAB,");
    expect(text).toContain(',"line one\nline two",');
    expect(text).toContain(",'=cmd|' /C calc'!A0,");
    expect(text).toContain(',"CSV ""Test"", B.V.",');
    expect(text).toContain(",'-2+3,");
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('gives an admin only their own events in the file, and records the export', async () => {
    const res = await t.app.request('/poort/api/admin/audit?format=csv&from=2026-06-01&to=2026-06-01', { headers: { cookie: cookie.adminB } });
    const text = await res.text();
    expect(text).toContain('kees@gemeente-b.example.nl');
    expect(text).not.toContain('piet@gemeente-a.example.nl');
    expect(text).not.toContain('unknown_email');
    const { events } = await page('desk', 'type=audit_exported&limit=1');
    expect(events[0]).toMatchObject({ person: { email: 'beheer@gemeente-b.example.nl' }, outcome: 'success' });
  });
});

describe('bad input', () => {
  it.each([
    'limit=0',
    'limit=1000',
    'limit=abc',
    'outcome=maybe',
    'organisation=not-a-uuid',
    'from=yesterday',
    'from=2026-13-45',
    'from=2026-06-02&to=2026-06-01',
    'cursor=bm9wZQ',
    'cursor=%3Cscript%3E',
    'type=%3D1%2B1',
    'colour=blue',
    'format=xlsx',
  ])('%s → 400 invalid_request, nothing recorded', async (query) => {
    const count = async () => (await t.db.db.select().from(auditEvents)).length;
    const before = await count();
    const res = await t.app.request(`/poort/api/admin/audit?${query}`, { headers: { cookie: cookie.desk } });
    expect([res.status, await errorCode(res)]).toEqual([400, 'invalid_request']);
    expect(await count()).toBe(before);
  });

  it('refuses a bad CSV request with a JSON 400, not a broken file', async () => {
    const res = await t.app.request('/poort/api/admin/audit?format=csv&from=2026-06-02&to=2026-06-01', { headers: { cookie: cookie.desk } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });
});
