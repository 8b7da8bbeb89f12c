// How an eHerkenning identity is keyed (issuer + pseudonym, never the broker), what each
// `unknownIdentity` policy does with a new one, and admins: made by the CLI's code path, refused
// with a password, linking their eHerkenning at the first login and logging in with it after.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, identities, users } from '../../db/schema.js';
import { createAccount } from '../../bff/src/accounts/account-admin.js';
import { serviceDeskCli } from '../../bff/src/accounts/admin-scope.js';
import { listIdentities, unlinkIdentity } from '../../bff/src/linking/identity-admin.js';
import { GOOD_PASSWORD, cookieFrom, errorCode, makeOrganisation, makeUser, post } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { eherkenningLogin, newPersonLogin, pinFromOutbox, siteWithPolicy } from '../support/linking.js';
import { brokerAnswers, getAcs } from '../saml/flow.js';
import { startAt } from '../saml/harness.js';
import { buildResponse } from '../saml/response-builder.js';
import { postToAcs } from '../saml/flow.js';

describe('the identity key (policy create)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // demo-zuid makes its keys at its first use (openssl): on a loaded machine that can outlast
    // the request deadline, which this test is not about.
    t = await createTestApp({ site: siteWithPolicy('create'), env: { POORT_REQUEST_DEADLINE_MS: '60000' } });
  });
  afterAll(() => t.close());

  const sessionUser = async (res: Response) => (await (await t.app.request('/poort/api/session', { headers: { cookie: cookieFrom(res) } })).json()).user.id as string;

  it('is one identity for the same person through two brokers: the pseudonym comes from the authentication service', async () => {
    const viaPost = await eherkenningLogin(t, 'fatima', 'demo-noord');
    const started = await startAt(t, 'demo-zuid');
    const viaArtifact = await getAcs(t, (await brokerAnswers(t, started, 'person:fatima')).headers.get('location')!);
    expect(await sessionUser(viaPost.response)).toBe(await sessionUser(viaArtifact));
    const rows = await t.db.db.select().from(identities).where(eq(identities.subject, 'S00000000000000000000000000000000000000000000002'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ issuer: 'urn:etoegang:AD:00000000000000000000:entities:9999', broker: 'demo-zuid' });
  });

  it('is another identity for the same pseudonym from another issuer (A03)', async () => {
    const s1 = await startAt(t);
    const first = await postToAcs(t, buildResponse({ ...s1.spec, pseudonym: 'S00000000000000000000000000000000000000000000002' }).xml, s1.relayState);
    const fatima = await t.db.db.select().from(identities).where(eq(identities.subject, 'S00000000000000000000000000000000000000000000002'));
    expect(fatima).toHaveLength(2);
    expect(new Set(fatima.map((i) => i.userId)).size).toBe(2);
    expect(fatima.map((i) => i.issuer)).toContain('urn:etoegang:1.9:EntityConcernedID:Pseudo');
    expect(first.status).toBe(303);
  });
});

describe('identities stored before the issuer was part of the key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ site: siteWithPolicy('create') });
  });
  afterAll(() => t.close());

  it('are claimed by the first login with the same pseudonym through the same broker, so the person keeps the account', async () => {
    const person = await makeUser(t, 'voor-de-upgrade@gemeente.example.nl', { password: null });
    const other = await makeUser(t, 'andere-makelaar@gemeente.example.nl', { password: null });
    await t.db.db.insert(identities).values([
      { userId: person.id, scheme: 'eherkenning', issuer: '', subject: 'S-legacy-1', broker: 'demo-noord', level: 'loa2plus' },
      { userId: other.id, scheme: 'eherkenning', issuer: '', subject: 'S-legacy-2', broker: 'demo-zuid', level: 'loa2plus' },
    ]);
    const s1 = await startAt(t, 'demo-noord');
    const res = await postToAcs(t, buildResponse({ ...s1.spec, pseudonym: 'S-legacy-1' }).xml, s1.relayState);
    const session = await (await t.app.request('/poort/api/session', { headers: { cookie: cookieFrom(res) } })).json();
    expect(session.user.id).toBe(person.id);
    const [claimed] = await t.db.db.select().from(identities).where(eq(identities.subject, 'S-legacy-1'));
    expect(claimed!.issuer).toBe('urn:etoegang:1.9:EntityConcernedID:Pseudo');
    // The same pseudonym through another broker than the one it was stored with is not claimed.
    const s2 = await startAt(t, 'demo-noord');
    const res2 = await postToAcs(t, buildResponse({ ...s2.spec, pseudonym: 'S-legacy-2' }).xml, s2.relayState);
    const session2 = await (await t.app.request('/poort/api/session', { headers: { cookie: cookieFrom(res2) } })).json();
    expect(session2.user.id).not.toBe(other.id);
    const legacy = await t.db.db.select().from(identities).where(eq(identities.subject, 'S-legacy-2'));
    expect(legacy.map((i) => [i.userId === other.id, i.issuer]).sort()).toEqual([
      [false, 'urn:etoegang:1.9:EntityConcernedID:Pseudo'],
      [true, ''],
    ]);
  });
});

describe('policy deny', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ site: siteWithPolicy('deny') });
  });
  afterAll(() => t.close());

  it('sends a new identity back with poort-error=identity_unknown and makes nobody', async () => {
    const before = (await t.db.db.select().from(users)).length;
    const login = await newPersonLogin(t);
    expect(login.location).toBe('/mijn?poort-error=identity_unknown');
    expect(login.response.headers.get('set-cookie')).toBeNull();
    expect((await t.db.db.select().from(users)).length).toBe(before);
    const [audit] = await t.db.db.select().from(auditEvents).where(eq(auditEvents.reason, 'identity_unknown'));
    expect(audit).toMatchObject({ type: 'login', outcome: 'failure' });
  });
});

describe('admins under policy link', () => {
  let t: TestApp;
  let orgId: string;
  beforeAll(async () => {
    t = await createTestApp({ site: siteWithPolicy('link') });
    orgId = (await makeOrganisation(t)).id;
  });
  afterAll(() => t.close());

  it('refuses the password of an admin with admin_requires_eherkenning, links at the first eHerkenning login, then logs in with eHerkenning only', async () => {
    // As `npm run -s poort -- user create --role admin --password-stdin` does.
    const { user: admin } = await createAccount(
      { db: t.db.db, site: t.site, env: t.env, actor: serviceDeskCli, via: 'cli' },
      { email: 'beheerder@gemeente.example.nl', role: 'admin', organisationId: orgId, password: GOOD_PASSWORD },
    );
    const withPassword = await post(t, '/poort/api/login', { email: 'beheerder@gemeente.example.nl', password: GOOD_PASSWORD });
    expect([withPassword.status, await errorCode(withPassword)]).toEqual([403, 'admin_requires_eherkenning']);

    const first = await eherkenningLogin(t, 'jan');
    expect(first.location).toBe('/mijn?poort-link=pending');
    expect((await post(t, '/poort/api/link/password', { email: 'beheerder@gemeente.example.nl', password: GOOD_PASSWORD }, { cookie: first.browser })).status).toBe(202);
    const linked = await post(t, '/poort/api/link/pin', { pin: await pinFromOutbox(t, 'beheerder@gemeente.example.nl') }, { cookie: first.browser });
    expect(linked.status).toBe(200);
    expect((await linked.json()).session.user).toMatchObject({ id: admin.id, role: 'admin' });

    const next = await eherkenningLogin(t, 'jan');
    expect(next.location).toBe('/mijn');
    const session = await (await t.app.request('/poort/api/session', { headers: { cookie: cookieFrom(next.response) } })).json();
    expect(session.user).toMatchObject({ id: admin.id, role: 'admin' });
    expect((await post(t, '/poort/api/login', { email: 'beheerder@gemeente.example.nl', password: GOOD_PASSWORD })).status).toBe(403);
  });

  it('lists and unlinks identities for the service desk, but never the last way to log in (A05)', async () => {
    const person = await makeUser(t, 'wissel@gemeente.example.nl', { organisationId: orgId });
    const login = await newPersonLogin(t);
    await post(t, '/poort/api/link/password', { email: 'wissel@gemeente.example.nl', password: GOOD_PASSWORD }, { cookie: login.browser });
    expect((await post(t, '/poort/api/link/pin', { pin: await pinFromOutbox(t, 'wissel@gemeente.example.nl') }, { cookie: login.browser })).status).toBe(200);
    const ctx = { db: t.db.db, site: t.site, env: t.env, actor: serviceDeskCli, via: 'cli' };
    const { identities: listed } = await listIdentities(ctx, 'wissel@gemeente.example.nl');
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(login.pseudonym);

    // Without a password the identity is the last way in: refused, nothing changed.
    await t.db.db.update(users).set({ passwordHash: null }).where(eq(users.id, person.id));
    await expect(unlinkIdentity(ctx, 'wissel@gemeente.example.nl', listed[0]!.id)).rejects.toMatchObject({ code: 'last_login_method' });
    await t.db.db.update(users).set({ passwordHash: 'x' }).where(eq(users.id, person.id));
    await unlinkIdentity(ctx, 'wissel@gemeente.example.nl', listed[0]!.id);
    expect(await t.db.db.select().from(identities).where(eq(identities.userId, person.id))).toHaveLength(0);
    const [audit] = await t.db.db.select().from(auditEvents).where(eq(auditEvents.type, 'identity_unlinked'));
    expect(audit).toMatchObject({ userId: person.id, details: { via: 'cli', identityId: listed[0]!.id } });
    // The same eHerkenning login is now new again.
    expect((await newPersonLogin(t, { pseudonym: login.pseudonym })).location).toBe('/mijn?poort-link=pending');
  });

  it("refuses a link for an admin whose eHerkenning level is below the admin's: level_too_low", async () => {
    const strict = await createTestApp({ site: { ...siteWithPolicy('link'), eherkenning: { ...siteWithPolicy('link').eherkenning, roleLevels: { admin: 'loa4' } } } });
    try {
      const org = await makeOrganisation(strict);
      await makeUser(strict, 'streng@gemeente.example.nl', { role: 'admin', organisationId: org.id });
      const login = await newPersonLogin(strict);
      await post(strict, '/poort/api/link/password', { email: 'streng@gemeente.example.nl', password: GOOD_PASSWORD }, { cookie: login.browser });
      const res = await post(strict, '/poort/api/link/pin', { pin: await pinFromOutbox(strict, 'streng@gemeente.example.nl') }, { cookie: login.browser });
      expect([res.status, await errorCode(res)]).toEqual([403, 'level_too_low']);
      expect(await strict.db.db.select().from(identities)).toHaveLength(0);
    } finally {
      await strict.close();
    }
  });
});
