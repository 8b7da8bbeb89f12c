// The Flemish government login (ACM/IDM) end to end in-process: start (signed AuthnRequest with
// the means good enough for the level), the simulated IdP (signed, encrypted assertion), the ACS,
// the capacities as memberships and the capacity choice through the organisations switch.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, identities, memberships, organisations, samlRequests } from '../../db/schema.js';
import { errorCode } from '../support/accounts.js';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { cookieOf } from './flow.js';
import { idpAnswers, postToAcmidmAcs, startAcmidm } from './acmidm-flow.js';
import { xmlsecVerify } from './peers/xml-tools.js';

// The demo's applications, and one that takes eHerkenning only (as a Dutch desk would).
const dutchOnly = {
  id: 'nl-only',
  name: { nl: 'Alleen eHerkenning', 'nl-BE': 'Alleen eHerkenning', en: 'eHerkenning only' },
  returnToPrefixes: ['/nl-only/'],
  levels: { eherkenning: 'loa2plus' },
  helpdesk: { nl: 'Bel 1700.', 'nl-BE': 'Bel 1700.', en: 'Call 1700.' },
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ site: { ...demoSiteConfig, applications: [...demoSiteConfig.applications, dutchOnly] } });
}, 180_000);
afterAll(() => t.close());

const json = (cookie: string) => ({ headers: { cookie, accept: 'application/json' } });
const switchTo = (cookie: string, organisationId: string | null) =>
  t.app.request('/poort/api/organisations/switch', {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', origin: t.env.publicUrl, 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ organisationId }),
  });

describe('starting an ACM/IDM login', () => {
  it('posts an AuthnRequest signed with the ACM/IDM key (xmlsec1 verifies it) asking for the means good enough for the level', async () => {
    const s = await startAcmidm(t, 'returnTo=/vl/&lang=nl-BE');
    expect(s.status).toBe(200);
    expect(s.action).toBe(`${t.env.publicUrl}/poort/dev/acmidm/sso`);
    expect(s.html).toContain('lang="nl-BE"');
    expect(s.html).toContain('Vlaamse overheid');
    expect(s.requestXml).toContain('Comparison="exact"');
    expect(s.requestXml).toContain('urn:be:vlaanderen:authmech:itsme');
    expect(s.requestXml).toContain('urn:be:vlaanderen:authmech:csamtotp');
    // The demo asks loa3: a password is not enough.
    expect(s.requestXml).not.toContain('urn:be:vlaanderen:authmech:csampassword');
    expect(s.requestXml).toContain('ForceAuthn="false"');
    const verified = xmlsecVerify(s.requestXml, t.deps.acmidm!.sp.keys.signing.cert, 'urn:oasis:names:tc:SAML:2.0:protocol:AuthnRequest');
    expect(verified.ok, verified.output).toBe(true);
  });

  it('asks a stronger level and ForceAuthn for a step-up, never a weaker level than the site', async () => {
    const up = await startAcmidm(t, 'returnTo=/mijn&level=loa4&forceAuthn=true');
    expect(up.requestXml).toContain('ForceAuthn="true"');
    expect(up.requestXml).not.toContain('csamtotp');
    expect(up.requestXml).toContain('urn:be:vlaanderen:authmech:eid');
    const down = await startAcmidm(t, 'returnTo=/mijn&level=loa2');
    expect(down.requestXml).not.toContain('csampassword');
  });

  it('refuses a return path off the site and an unknown level with 400, storing nothing', async () => {
    expect((await t.app.request('/poort/auth/acmidm/start?returnTo=https://evil.example/', { headers: { accept: 'application/json' } })).status).toBe(400);
    expect((await t.app.request('/poort/auth/acmidm/start?level=loa9', { headers: { accept: 'application/json' } })).status).toBe(400);
  });

  it("refuses a login for an unknown application (404), for one that takes no ACM/IDM, or to another application's path (400), storing nothing", async () => {
    const before = (await t.db.db.select().from(samlRequests)).length;
    const start = (query: string) => t.app.request(`/poort/auth/acmidm/start?${query}`, { headers: { accept: 'application/json' } });
    const unknown = await start('app=bestaat-niet');
    expect(unknown.status).toBe(404);
    expect(await errorCode(unknown)).toBe('unknown_application');
    // An application that names no ACM/IDM level.
    const notOffered = await start('app=nl-only&returnTo=/nl-only/');
    expect(notOffered.status).toBe(400);
    expect(await errorCode(notOffered)).toBe('method_not_offered');
    const otherPath = await start('app=app-b&returnTo=/vl/app-a/');
    expect(otherPath.status).toBe(400);
    expect(await errorCode(otherPath)).toBe('invalid_return_to');
    expect((await t.db.db.select().from(samlRequests)).length).toBe(before);
  });

  it('publishes signed SP metadata with its own entity id, ACS and certificates', async () => {
    const res = await t.app.request('/poort/auth/acmidm/metadata');
    const xml = await res.text();
    expect(res.status).toBe(200);
    expect(xml).toContain('entityID="urn:poort:demo:acmidm-sp"');
    expect(xml).toContain(`Location="${t.env.publicUrl}/poort/auth/acmidm/acs"`);
    expect(xml).toContain('urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST');
    expect(xml).not.toContain('HTTP-Artifact');
    const verified = xmlsecVerify(xml, t.deps.acmidm!.sp.keys.signing.cert, 'urn:oasis:names:tc:SAML:2.0:metadata:EntityDescriptor');
    expect(verified.ok, verified.output).toBe(true);
  });
});

describe('an ACM/IDM login with several capacities', () => {
  let cookie: string;

  it('logs in, makes the memberships with their capacity, and leaves the capacity to choose', async () => {
    const s = await startAcmidm(t, 'returnTo=/vl/');
    const { xml, relayState } = await idpAnswers(t, s, 'person:marie', 'urn:be:vlaanderen:authmech:itsme');
    expect(xml).toContain('<saml:EncryptedAssertion');
    expect(xml).not.toContain('acm-0000');
    const res = await postToAcmidmAcs(t, xml, relayState);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/vl/');
    cookie = cookieOf(res)!;
    expect(cookie).toMatch(/^poort_session=/);
    const session = await (await t.app.request('/poort/api/session', json(cookie))).json();
    expect(session).toMatchObject({ method: 'acmidm', level: 'loa4', organisationChoiceNeeded: true, actingFor: null, user: { displayName: 'Marie Peeters' } });
    const [identity] = await t.db.db.select().from(identities).where(eq(identities.subject, 'acm-0000000000000000000000000000000000000001'));
    expect(identity).toMatchObject({ scheme: 'acmidm', issuer: t.deps.devAcmidm!.entityId, level: 'loa4' });
    const rows = await t.db.db.select({ capacity: memberships.capacity, name: organisations.name }).from(memberships).innerJoin(organisations, eq(organisations.id, memberships.organisationId)).where(eq(memberships.userId, identity!.userId));
    expect(rows.map((r) => `${r.capacity} ${r.name}`).sort()).toEqual(["EA Bakkerij 't Hoekske BV", 'LB Gemeente Voorbeeldegem']);
  });

  it('lists the capacities: as a citizen and for each organisation', async () => {
    const body = await (await t.app.request('/poort/api/capacities', json(cookie))).json();
    expect(body.choiceNeeded).toBe(true);
    expect(body.capacity).toBeNull();
    expect(body.capacities.map((c: { code: string; organisation: { name: string } | null }) => `${c.code}${c.organisation ? ` ${c.organisation.name}` : ''}`)).toEqual(['BUR', "EA Bakkerij 't Hoekske BV", 'LB Gemeente Voorbeeldegem']);
  });

  it('records the chosen capacity through the organisations switch, and switches to the citizen capacity with null', async () => {
    const list = await (await t.app.request('/poort/api/capacities', json(cookie))).json();
    const municipality = list.capacities.find((c: { code: string }) => c.code === 'LB').organisation.id;
    const res = await switchTo(cookie, municipality);
    expect(res.status).toBe(200);
    cookie = cookieOf(res)!;
    const session = await res.json();
    expect(session).toMatchObject({ organisationChoiceNeeded: false, actingFor: { id: municipality, capacity: 'LB' }, attributes: { capacity: 'LB' } });
    const citizen = await switchTo(cookie, null);
    expect(citizen.status).toBe(200);
    cookie = cookieOf(citizen)!;
    expect(await citizen.json()).toMatchObject({ actingFor: null, attributes: { capacity: 'BUR' } });
    const after = await (await t.app.request('/poort/api/capacities', json(cookie))).json();
    expect(after).toMatchObject({ capacity: 'BUR', actingFor: null, choiceNeeded: false });
  });

  it('refuses a switch to an organisation this login did not offer, even one the person belongs to otherwise, and changes nothing', async () => {
    const [identity] = await t.db.db.select().from(identities).where(eq(identities.subject, 'acm-0000000000000000000000000000000000000001'));
    const [other] = await t.db.db.insert(organisations).values({ name: 'Andere organisatie', identifiers: { kbo: '0999999999' } }).returning();
    await t.db.db.insert(memberships).values({ userId: identity!.userId, organisationId: other!.id });
    const res = await switchTo(cookie, other!.id);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('capacity_not_offered');
    expect(cookieOf(res)).toBeUndefined();
    const session = await (await t.app.request('/poort/api/session', json(cookie))).json();
    expect(session).toMatchObject({ actingFor: null, attributes: { capacity: 'BUR' } });
    const [audit] = await t.db.db.select().from(auditEvents).where(and(eq(auditEvents.type, 'organisation_switched'), eq(auditEvents.outcome, 'failure')));
    expect(audit?.reason).toBe('capacity_not_offered');
  });
});

describe('other ACM/IDM answers', () => {
  it('decides the capacity at once for a person with one (citizen), as ACM/IDM skips its own screen then', async () => {
    const s = await startAcmidm(t, 'returnTo=/vl/');
    const { xml, relayState } = await idpAnswers(t, s, 'person:luc');
    const res = await postToAcmidmAcs(t, xml, relayState);
    const session = await (await t.app.request('/poort/api/session', json(cookieOf(res)!))).json();
    expect(session).toMatchObject({ method: 'acmidm', organisationChoiceNeeded: false, actingFor: null, attributes: { capacity: 'BUR' } });
  });

  it("ends a login for an application at the application's entry route, which decides whether it opens", async () => {
    const s = await startAcmidm(t, 'app=app-a&returnTo=/vl/app-a/&lang=nl-BE');
    expect(s.status).toBe(200);
    const [stored] = await t.db.db.select().from(samlRequests).where(eq(samlRequests.id, s.requestId));
    // The application asks loa2, the site loa3: the stronger one.
    expect(stored).toMatchObject({ level: 'loa3', returnTo: '/vl/app-a/' });
    const { xml, relayState } = await idpAnswers(t, s, 'person:luc');
    const res = await postToAcmidmAcs(t, xml, relayState);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/poort/auth/app/app-a?${new URLSearchParams({ returnTo: '/vl/app-a/', lang: 'nl-BE' })}`);
    const opened = await t.app.request('/poort/api/session?app=app-a', json(cookieOf(res)!));
    expect(opened.status).toBe(200);
  });

  it('brings a cancel back as cancelled (an error Response: Responder / AuthnFailed), with no session', async () => {
    const s = await startAcmidm(t, 'returnTo=/vl/');
    const { xml, relayState } = await idpAnswers(t, s, 'cancelled');
    expect(xml).toContain('urn:oasis:names:tc:SAML:2.0:status:AuthnFailed');
    const res = await postToAcmidmAcs(t, xml, relayState);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/vl/?poort-error=cancelled');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('offers a configured site the method in its public configuration', async () => {
    const config = await (await t.app.request('/poort/api/config')).json();
    expect(config.methods).toContain('acmidm');
    const bare = await createTestApp({ site: { methods: ['acmidm', 'eherkenning', 'email'] } });
    try {
      expect((await (await bare.app.request('/poort/api/config')).json()).methods).toEqual(['eherkenning', 'email']);
      expect((await bare.app.request('/poort/auth/acmidm/start?returnTo=/', { headers: { accept: 'application/json' } })).status).toBe(404);
    } finally {
      await bare.close();
    }
  }, 120_000);
});
