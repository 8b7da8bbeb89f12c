// The end of password login (issue 13, behaviours 6 and 7): for the site from
// localAccounts.passwordLoginUntil (everyone, or people with a linked eHerkenning identity), and for
// one temporary account from its own end date. The clock is injected and the boundary is exact:
// one millisecond before the moment a login works, at the moment it is refused.
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, identities, outbox, users } from '../../db/schema.js';
import { commands } from '../../bff/src/cli/commands.js';
import { serviceDeskCli } from '../../bff/src/accounts/admin-scope.js';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import type { PublicConfig } from '../../contract/api-schemas.js';
import { GOOD_PASSWORD, errorCode, makeOrganisation, makeUser, post, sessionCookie } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { rowCounts } from '../support/row-counts.js';

/** 1 March 2027, 00:00 in the Netherlands (CET, UTC+1). */
const CUT_OFF = new Date('2027-02-28T23:00:00.000Z');
const justBefore = new Date(CUT_OFF.getTime() - 1);

function siteWith(localAccounts: Record<string, unknown>) {
  return { ...demoSiteConfig, localAccounts };
}

async function appAt(localAccounts: Record<string, unknown>, now: Date): Promise<TestApp & { setNow(d: Date): void }> {
  const t = await createTestApp({ site: siteWith(localAccounts) });
  let current = now;
  t.deps.clock = () => current;
  return Object.assign(t, { setNow: (d: Date) => (current = d) });
}

const login = (t: TestApp, email: string, password = GOOD_PASSWORD) => post(t, '/poort/api/login', { email, password });

async function lastLoginAudit(t: TestApp) {
  const [event] = await t.db.db.select().from(auditEvents).where(eq(auditEvents.type, 'login')).orderBy(desc(auditEvents.id)).limit(1);
  return event!;
}

describe('site cut-off for everyone', () => {
  let t: Awaited<ReturnType<typeof appAt>>;
  beforeAll(async () => {
    t = await appAt({ passwordLoginUntil: '2027-03-01' }, justBefore);
    const org = await makeOrganisation(t);
    await makeUser(t, 'sanne@gemeente.example.nl', { organisationId: org.id });
  });
  afterAll(() => t.close());

  it('tells the widget the moment and the scope in GET /api/config', async () => {
    const config = (await (await t.app.request('/poort/api/config')).json()) as PublicConfig;
    expect(config.localAccounts).toMatchObject({ passwordLoginUntil: '2027-02-28T23:00:00.000Z', passwordLoginScope: 'everyone' });
  });

  it('logs in one millisecond before the moment', async () => {
    t.setNow(justBefore);
    expect((await login(t, 'sanne@gemeente.example.nl')).status).toBe(200);
  });

  it('refuses at exactly the moment with password_login_ended, saying since when and what to use, and audits it', async () => {
    t.setNow(CUT_OFF);
    const before = await rowCounts(t.db.db);
    const res = await login(t, 'sanne@gemeente.example.nl');
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      error: { code: 'password_login_ended', message: 'Logging in with an e-mail address and password ended on 1 March 2027. Log in with eHerkenning.' },
    });
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await rowCounts(t.db.db)).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
    expect(await lastLoginAudit(t)).toMatchObject({ outcome: 'failure', reason: 'password_login_ended', userId: null, method: 'email' });
  });

  it('answers every address alike after the moment, known or not, right password or not, without counting a failure', async () => {
    t.setNow(new Date(CUT_OFF.getTime() + 86_400_000));
    const answers = await Promise.all([login(t, 'sanne@gemeente.example.nl'), login(t, 'sanne@gemeente.example.nl', 'verkeerd wachtwoord'), login(t, 'niemand@gemeente.example.nl')]);
    const bodies = await Promise.all(answers.map(async (a) => [a.status, await a.text()]));
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    const [sanne] = await t.db.db.select().from(users).where(eq(users.email, 'sanne@gemeente.example.nl'));
    expect(sanne!.failedAttempts).toBe(0);
  });

  it('still lets a person reset their password (for the linking step), and still refuses the login after it', async () => {
    t.setNow(new Date(CUT_OFF.getTime() + 1000));
    expect((await post(t, '/poort/api/password/forgot', { email: 'sanne@gemeente.example.nl' })).status).toBe(202);
    const [mail] = await t.db.db.select().from(outbox).where(eq(outbox.kind, 'password_reset'));
    const token = /poort-reset=([^\s&]+)/.exec(mail!.text)![1]!;
    const reset = await post(t, '/poort/api/password/reset', { token, password: 'een-heel-nieuw-wachtwoord' });
    expect(reset.status).toBe(200);
    expect(await errorCode(await login(t, 'sanne@gemeente.example.nl', 'een-heel-nieuw-wachtwoord'))).toBe('password_login_ended');
  });
});

describe('site cut-off for people with a linked eHerkenning identity (linkedOnly)', () => {
  let t: Awaited<ReturnType<typeof appAt>>;
  beforeAll(async () => {
    t = await appAt({ passwordLoginUntil: '2027-03-01T00:00:00+01:00', passwordLoginScope: 'linkedOnly' }, CUT_OFF);
    const org = await makeOrganisation(t);
    const linked = await makeUser(t, 'gekoppeld@gemeente.example.nl', { organisationId: org.id });
    await t.db.db.insert(identities).values({ userId: linked.id, scheme: 'eherkenning', subject: 'S-linked', broker: 'demo-noord' });
    await makeUser(t, 'los@gemeente.example.nl', { organisationId: org.id });
  });
  afterAll(() => t.close());

  it('refuses someone who has linked eHerkenning from the moment on, and lets them in just before', async () => {
    t.setNow(justBefore);
    expect((await login(t, 'gekoppeld@gemeente.example.nl')).status).toBe(200);
    t.setNow(CUT_OFF);
    const res = await login(t, 'gekoppeld@gemeente.example.nl');
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('password_login_ended');
    expect(await lastLoginAudit(t)).toMatchObject({ outcome: 'failure', reason: 'password_login_ended', method: 'email' });
  });

  it('lets people without eHerkenning keep their password login', async () => {
    t.setNow(new Date('2030-01-01T00:00:00Z'));
    expect((await login(t, 'los@gemeente.example.nl')).status).toBe(200);
  });

  it('says nothing about linking to someone with a wrong password: the usual invalid_credentials', async () => {
    t.setNow(CUT_OFF);
    const res = await login(t, 'gekoppeld@gemeente.example.nl', 'verkeerd wachtwoord');
    expect(res.status).toBe(401);
    expect(await errorCode(res)).toBe('invalid_credentials');
  });

  it('exposes the scope to the widget', async () => {
    const config = (await (await t.app.request('/poort/api/config')).json()) as PublicConfig;
    expect(config.localAccounts).toMatchObject({ passwordLoginUntil: '2027-02-28T23:00:00.000Z', passwordLoginScope: 'linkedOnly' });
  });
});

describe('temporary local accounts', () => {
  let t: Awaited<ReturnType<typeof appAt>>;
  let org: { id: string };
  let admin: string;
  beforeAll(async () => {
    t = await appAt({}, justBefore);
    org = await makeOrganisation(t);
    const other = await makeOrganisation(t, ['elders.example.nl'], 'Gemeente Elders');
    await makeUser(t, 'tijdelijk@gemeente.example.nl', { organisationId: org.id });
    await makeUser(t, 'vast@gemeente.example.nl', { organisationId: org.id });
    await makeUser(t, 'buiten@elders.example.nl', { organisationId: other.id });
    admin = await sessionCookie(t, (await makeUser(t, 'beheer@gemeente.example.nl', { role: 'admin', organisationId: org.id })).id);
  });
  afterAll(() => t.close());

  const idOf = async (email: string) => (await t.db.db.select().from(users).where(eq(users.email, email)))[0]!.id;
  const setUntil = (id: string, body: unknown, cookie = admin) => post(t, `/poort/api/admin/users/${id}/local-account-until`, body, { cookie }, 'PUT');

  it('has no end date in GET /api/config and no end date for an account until an admin sets one', async () => {
    const config = (await (await t.app.request('/poort/api/config')).json()) as PublicConfig;
    expect(config.localAccounts.passwordLoginUntil).toBeUndefined();
    const list = (await (await t.app.request('/poort/api/admin/users', { headers: { cookie: admin } })).json()) as { users: Array<{ email: string; localAccountUntil: string | null }> };
    expect(list.users.find((u) => u.email === 'tijdelijk@gemeente.example.nl')!.localAccountUntil).toBeNull();
  });

  it('lets an admin set an end date, audited with who did it, and shows it in the list', async () => {
    const id = await idOf('tijdelijk@gemeente.example.nl');
    const res = await setUntil(id, { localAccountUntil: ' 2027-03-01 ' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ user: { id, email: 'tijdelijk@gemeente.example.nl' }, localAccountUntil: '2027-02-28T23:00:00.000Z' });
    const [event] = await t.db.db.select().from(auditEvents).where(eq(auditEvents.type, 'local_account_until_set'));
    expect(event).toMatchObject({ userId: id, outcome: 'success', details: { localAccountUntil: '2027-02-28T23:00:00.000Z', previous: null } });
    expect(event!.actorId).not.toBeNull();
    const list = (await (await t.app.request('/poort/api/admin/users', { headers: { cookie: admin } })).json()) as { users: Array<{ email: string; localAccountUntil: string | null }> };
    expect(list.users.find((u) => u.email === 'tijdelijk@gemeente.example.nl')!.localAccountUntil).toBe('2027-02-28T23:00:00.000Z');
  });

  it('logs the temporary account in one millisecond before its end and refuses it with local_account_ended at the end', async () => {
    t.setNow(justBefore);
    expect((await login(t, 'tijdelijk@gemeente.example.nl')).status).toBe(200);
    t.setNow(CUT_OFF);
    const res = await login(t, 'tijdelijk@gemeente.example.nl');
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      error: { code: 'local_account_ended', message: 'This temporary account ended on 1 March 2027. Log in with eHerkenning, or ask the administrator to extend the account.' },
    });
    expect(await lastLoginAudit(t)).toMatchObject({ outcome: 'failure', reason: 'local_account_ended', userId: await idOf('tijdelijk@gemeente.example.nl') });
    // The other accounts are not temporary.
    expect((await login(t, 'vast@gemeente.example.nl')).status).toBe(200);
  });

  it('does not reveal an ended account to a wrong password: the usual invalid_credentials', async () => {
    t.setNow(CUT_OFF);
    const res = await login(t, 'tijdelijk@gemeente.example.nl', 'verkeerd wachtwoord');
    expect(res.status).toBe(401);
    expect(await errorCode(res)).toBe('invalid_credentials');
  });

  it('makes the account permanent again with null', async () => {
    const id = await idOf('tijdelijk@gemeente.example.nl');
    const res = await setUntil(id, { localAccountUntil: null });
    expect(res.status).toBe(200);
    expect((await res.json()) as { localAccountUntil: null }).toMatchObject({ localAccountUntil: null });
    t.setNow(CUT_OFF);
    expect((await login(t, 'tijdelijk@gemeente.example.nl')).status).toBe(200);
  });

  it('refuses bad input with 400, naming the field, and changes nothing', async () => {
    const id = await idOf('vast@gemeente.example.nl');
    const before = await rowCounts(t.db.db);
    for (const body of [{}, { localAccountUntil: 'morgen' }, { localAccountUntil: '2027-02-30' }, { localAccountUntil: '01-03-2027' }, { localAccountUntil: 20270301 }, { localAccountUntil: '2027-03-01', extra: 1 }, { localAccountUntil: '2'.repeat(65) }]) {
      const res = await setUntil(id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await errorCode(res)).toBe('invalid_request');
    }
    expect((await setUntil('not-a-uuid', { localAccountUntil: '2027-03-01' })).status).toBe(400);
    expect(await rowCounts(t.db.db)).toEqual(before);
    const [row] = await t.db.db.select().from(users).where(eq(users.id, id));
    expect(row!.localAccountUntil).toBeNull();
  });

  it('answers 404 for an account the admin does not administer, 401 without a session and 403 for a non-admin', async () => {
    const foreign = await idOf('buiten@elders.example.nl');
    const res = await setUntil(foreign, { localAccountUntil: '2027-03-01' });
    expect(res.status).toBe(404);
    expect(await errorCode(res)).toBe('not_found');
    expect((await post(t, `/poort/api/admin/users/${foreign}/local-account-until`, { localAccountUntil: '2027-03-01' }, {}, 'PUT')).status).toBe(401);
    const plain = await sessionCookie(t, await idOf('vast@gemeente.example.nl'));
    expect((await setUntil(foreign, { localAccountUntil: '2027-03-01' }, plain)).status).toBe(403);
    const [row] = await t.db.db.select().from(users).where(eq(users.id, foreign));
    expect(row!.localAccountUntil).toBeNull();
  });

  it('lets an admin create a temporary account at once', async () => {
    const res = await post(t, '/poort/api/admin/users', { email: 'project@gemeente.example.nl', organisationId: org.id, localAccountUntil: '2027-06-30' }, { cookie: admin });
    expect(res.status).toBe(201);
    const [row] = await t.db.db.select().from(users).where(eq(users.email, 'project@gemeente.example.nl'));
    expect(row!.localAccountUntil).toEqual(new Date('2027-06-29T22:00:00.000Z'));
    const bad = await post(t, '/poort/api/admin/users', { email: 'project2@gemeente.example.nl', organisationId: org.id, localAccountUntil: 'eind juni' }, { cookie: admin });
    expect(bad.status).toBe(400);
  });

  it('lets the service desk set and clear an end date from the CLI, with the same audit', async () => {
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), write: async () => {}, readStdin: async () => '' };
    const ctx = { db: t.db.db, site: t.site, env: t.env, actor: serviceDeskCli, via: 'cli' };
    await commands['user end-date']!.run(ctx, { email: 'vast@gemeente.example.nl', date: '2027-03-01' }, io);
    expect(lines).toEqual(['password login of vast@gemeente.example.nl ends 2027-02-28T23:00:00.000Z']);
    const [event] = await t.db.db.select().from(auditEvents).where(eq(auditEvents.type, 'local_account_until_set')).orderBy(desc(auditEvents.id)).limit(1);
    expect(event).toMatchObject({ details: { via: 'cli', localAccountUntil: '2027-02-28T23:00:00.000Z' } });
    await commands['user end-date']!.run(ctx, { email: 'vast@gemeente.example.nl', none: true }, io);
    expect(lines[1]).toBe('vast@gemeente.example.nl has no end date any more');
    await expect(commands['user end-date']!.run(ctx, { email: 'vast@gemeente.example.nl', date: '2027-13-01' }, io)).rejects.toThrow(/Not a date/);
    await expect(commands['user end-date']!.run(ctx, { email: 'vast@gemeente.example.nl', date: '2027-03-01', none: true }, io)).rejects.toThrow(/either --date or --none/);
  });
});

describe('site configuration', () => {
  it('refuses a passwordLoginUntil that is not a date, naming the field and the format', async () => {
    await expect(createTestApp({ site: siteWith({ passwordLoginUntil: '1 maart 2027' }) })).rejects.toThrow(/localAccounts\.passwordLoginUntil: use a date such as 2027-03-01/);
    await expect(createTestApp({ site: siteWith({ passwordLoginUntil: '2027-03-01', passwordLoginScope: 'admins' }) })).rejects.toThrow(/passwordLoginScope/);
  });
});
