// What a login leaves behind: the same person comes back as the same user, the role's level is
// enforced, the log carries reason codes and nothing from the message; and the simulated brokers
// do not exist in production.
import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identities, users } from '../../db/schema.js';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { GOOD_PASSWORD, cookieFrom, makeUser, post } from '../support/accounts.js';
import { bindingCookieFor, cookieOf, postToAcs } from './flow.js';
import { expectRefused, lastAudit, startAt } from './harness.js';
import { buildResponse } from './response-builder.js';

const logLines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const site = { ...demoSiteConfig, eherkenning: { ...defaults(), roleLevels: { admin: 'loa3' } } };
  t = await createTestApp({ site, logger: pino({ level: 'info' }, sink) });
});
afterAll(() => t.close());

function defaults() {
  return {
    entityId: 'urn:poort:demo:sp',
    serviceId: 'urn:etoegang:DV:00000001234567890000:services:1',
    serviceUuid: '8f1bd2c6-2ad6-4ac8-9a5f-e6d1b3c2a001',
    serviceName: { nl: 'Voorbeeldportaal', 'nl-BE': 'Voorbeeldtoepassing', en: 'Example portal' },
    level: 'loa2plus',
  };
}

describe('identities and users', () => {
  it('provisions a user without e-mail the first time and finds the same user the next time', async () => {
    const s1 = await startAt(t);
    const first = await postToAcs(t, buildResponse({ ...s1.spec, pseudonym: 'S-returning' }).xml, s1.relayState);
    const s2 = await startAt(t);
    const second = await postToAcs(t, buildResponse({ ...s2.spec, pseudonym: 'S-returning', level: 'loa4' }).xml, s2.relayState);
    const a = await (await t.app.request('/poort/api/session', { headers: { cookie: cookieOf(first)! } })).json();
    const b = await (await t.app.request('/poort/api/session', { headers: { cookie: cookieOf(second)! } })).json();
    expect(a.user.id).toBe(b.user.id);
    expect(a.user.email).toBeNull();
    const rows = await t.db.db.select().from(identities).where(eq(identities.subject, 'S-returning'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.level).toBe('loa4');
    expect(await lastAudit(t)).toMatchObject({ outcome: 'success', broker: 'demo-noord', level: 'loa4', userId: a.user.id });
  });

  // The service desk has no level of its own in the configuration: it needs at least an admin's.
  it.each(['admin', 'servicedesk'] as const)("enforces the role's stricter level: %s at loa2plus is refused with level_too_low", async (role) => {
    const pseudonym = `S-${role}`;
    const s1 = await startAt(t);
    await postToAcs(t, buildResponse({ ...s1.spec, pseudonym, level: 'loa3' }).xml, s1.relayState);
    const [identity] = await t.db.db.select().from(identities).where(eq(identities.subject, pseudonym));
    await t.db.db.update(users).set({ role }).where(eq(users.id, identity!.userId));
    const s2 = await startAt(t);
    await expectRefused(t, buildResponse({ ...s2.spec, pseudonym, level: 'loa2plus' }).xml, s2.relayState, 'level_too_low', 'level_below_role');
    const s3 = await startAt(t);
    expect((await postToAcs(t, buildResponse({ ...s3.spec, pseudonym, level: 'loa3' }).xml, s3.relayState)).headers.get('location')).toBe('/mijn');
  });

  it('logs refusals with a reason code and nothing of the message or the person', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, pseudonym: 'S-secret-pseudonym', kvk: '99887766', audience: 'urn:other' });
    await postToAcs(t, xml, s.relayState);
    const log = logLines.join('');
    expect(log).toMatch(/"reason":"audience_mismatch"/);
    expect(log).not.toMatch(/S-secret-pseudonym|99887766|<saml|SAMLResponse|urn:other/);
  });
});

describe("the browser's earlier session (L11, session fixation)", () => {
  const sessionStatus = async (cookie: string) => (await t.app.request('/poort/api/session', { headers: { cookie } })).status;

  it('ends the earlier session of the browser when an eHerkenning login succeeds: the old cookie no longer works', async () => {
    await makeUser(t, 'eerder@gemeente.example.nl');
    const passwordLogin = await post(t, '/poort/api/login', { email: 'eerder@gemeente.example.nl', password: GOOD_PASSWORD });
    expect(passwordLogin.status).toBe(200);
    const earlier = cookieFrom(passwordLogin);
    expect(await sessionStatus(earlier)).toBe(200);

    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, pseudonym: 'S-fixation' });
    const res = await postToAcs(t, xml, s.relayState, { cookie: `${bindingCookieFor(s.relayState)}; ${earlier}` });
    expect(res.headers.get('location')).toBe('/mijn');
    const fresh = cookieOf(res)!;
    expect(fresh).not.toBe(earlier);
    expect(await sessionStatus(earlier)).toBe(401);
    expect(await sessionStatus(fresh)).toBe(200);
  });

  it('leaves the earlier session alone when the eHerkenning answer is refused', async () => {
    const s1 = await startAt(t);
    const earlier = cookieOf(await postToAcs(t, buildResponse({ ...s1.spec, pseudonym: 'S-fixation-kept' }).xml, s1.relayState))!;
    const s2 = await startAt(t);
    const refused = await postToAcs(t, buildResponse({ ...s2.spec, pseudonym: 'S-fixation-kept', audience: 'urn:other' }).xml, s2.relayState, {
      cookie: `${bindingCookieFor(s2.relayState)}; ${earlier}`,
    });
    expect(new URL(refused.headers.get('location')!, 'http://x').searchParams.get('poort-error')).toBe('saml_invalid');
    expect(await lastAudit(t)).toMatchObject({ outcome: 'failure', reason: 'audience_mismatch' });
    expect(await sessionStatus(earlier)).toBe(200);
  });
});

describe('in production', () => {
  let prod: TestApp;
  beforeAll(async () => {
    prod = await createTestApp({ production: true });
  });
  afterAll(() => prod.close());

  it('has no simulated brokers, and starting a login with one says eHerkenning is unavailable', async () => {
    expect(prod.deps.devBrokers).toBeUndefined();
    expect((await prod.app.request('/poort/dev/brokers/demo-noord/metadata')).status).toBe(404);
    const res = await prod.app.request('/poort/auth/eherkenning/start?broker=demo-noord&returnTo=/');
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('eherkenning_unavailable');
  });
});
