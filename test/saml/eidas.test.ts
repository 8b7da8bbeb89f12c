// eIDAS through the eHerkenning brokers (issue 18 §4): the second catalogue service in our
// metadata, the AuthnRequest that asks for it at EH3 or higher, answers verified by the same code
// as eHerkenning's, identities under scheme `eidas`, the company by its European identifier, and
// the refusals that belong to it (a weaker means, an answer for the other service).
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, identities, memberships, organisations, samlRequests, sessions, users } from '../../db/schema.js';
import { DEV_EIDAS_NODE } from '../../bff/src/eherkenning/dev-brokers/dev-brokers.js';
import { NS, childElements } from '../../bff/src/saml/dom.js';
import { parseXmlStrict } from '../../bff/src/saml/xml-guard.js';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { brokerAnswers, cookieOf, form, formFields, postToAcs, startLogin, type Started } from './flow.js';
import { expectRefusal, expectRefused, sessionCount, startAt, type StartedLogin } from './harness.js';
import { pysaml2Idp, type Pysaml2Idp } from './peers/pysaml2.js';
import { xmllintValidate, xmlsecVerify } from './peers/xml-tools.js';
import { buildResponse } from './response-builder.js';

const EIDAS = demoSiteConfig.eherkenning.eidas;
const EIDAS_QUALIFIER = 'urn:etoegang:1.11:EntityConcernedID:eIDASLegalIdentifier';

let t: TestApp;
let idp: Pysaml2Idp;
beforeAll(async () => {
  // The demo configuration (eIDAS on) plus a broker whose answers pysaml2 signs with xmlsec1.
  idp = pysaml2Idp({ name: 'pysaml2-idp', commonName: 'pysaml2 test broker', entityId: 'urn:etoegang:HM:00000009999999999999:entities:0002', ssoUrl: 'https://pysaml2.example/sso' });
  const site = { ...demoSiteConfig, brokers: [...demoSiteConfig.brokers, { id: 'pysaml2', name: 'pysaml2', metadata: idp.metadata, binding: 'HTTP-POST', levels: ['loa3', 'loa4'] }] };
  t = await createTestApp({ site, baseDir: idp.dir });
}, 300_000);
afterAll(() => t?.close());

async function startEidas(broker = 'demo-noord'): Promise<Started> {
  const started = await startLogin(t, broker, '/mijn', undefined, { service: 'eidas' });
  expect(started.status).toBe(200);
  return started;
}

/** A started eIDAS login as the response builder wants it (signed by the simulated broker's key), answering for the eIDAS service. */
async function eidasSpec(broker = 'demo-noord'): Promise<StartedLogin> {
  const s = await startAt(t, broker, '/mijn', undefined, 'eidas');
  const spec = { ...s.spec, serviceId: EIDAS.serviceId, serviceUuid: EIDAS.serviceUuid, legal: { value: 'FR/NL/552100554', qualifier: EIDAS_QUALIFIER }, authority: DEV_EIDAS_NODE };
  return { ...s, spec };
}

const postEidas = (xml: string, relayState: string) => postToAcs(t, xml, relayState);

async function lastLoginAudit() {
  const [row] = await t.db.db.select().from(auditEvents).where(eq(auditEvents.type, 'login')).orderBy(desc(auditEvents.id)).limit(1);
  return row!;
}

describe('SP metadata with eIDAS', () => {
  it('lists the eIDAS service as its own AttributeConsumingService with its ServiceID and the attributes it asks for; valid by the OASIS schema', async () => {
    const xml = await (await t.app.request('/poort/auth/eherkenning/metadata')).text();
    const result = xmllintValidate(xml, 'saml-schema-metadata-2.0.xsd');
    expect(result.output).toMatch(/validates/);
    expect(result.ok).toBe(true);
    const sso = childElements(parseXmlStrict(xml).documentElement!, NS.md, 'SPSSODescriptor')[0]!;
    const services = childElements(sso, NS.md, 'AttributeConsumingService').map((s) => ({
      index: s.getAttribute('index'),
      isDefault: s.getAttribute('isDefault') || null,
      names: childElements(s, NS.md, 'ServiceName').map((n) => n.textContent),
      requested: childElements(s, NS.md, 'RequestedAttribute').map((r) => `${r.getAttribute('Name')} ${r.getAttribute('isRequired')}`),
    }));
    expect(services).toEqual([
      { index: '1', isDefault: 'true', names: ['Voorbeeldportaal', 'Example portal'], requested: [`${t.site.eherkenning.serviceId} false`, 'urn:etoegang:1.11:attribute-represented:CompanyName false'] },
      {
        index: '2',
        isDefault: null,
        names: ['Voorbeeldportaal (eIDAS)', 'Example portal (eIDAS)'],
        requested: [`${EIDAS.serviceId} false`, 'urn:etoegang:1.9:attribute:FirstName false', 'urn:etoegang:1.9:attribute:FamilyName false'],
      },
    ]);
  });

  it('has no eIDAS service where the site does not offer it, and refuses to start an eIDAS login there', { timeout: 300_000 }, async () => {
    const { eidas: _off, ...eherkenning } = demoSiteConfig.eherkenning;
    const plain = await createTestApp({ site: { ...demoSiteConfig, eherkenning } });
    try {
      const xml = await (await plain.app.request('/poort/auth/eherkenning/metadata')).text();
      expect(xml).not.toContain(EIDAS.serviceId);
      expect(xml.match(/<md:AttributeConsumingService /g)).toHaveLength(1);
      const start = await plain.app.request('/poort/auth/eherkenning/start?broker=demo-noord&service=eidas&returnTo=/mijn', { headers: { accept: 'application/json' } });
      expect(start.status).toBe(400);
      expect(((await start.json()) as { error: { code: string } }).error.code).toBe('eidas_not_offered');
      const page = await plain.app.request('/poort/auth/eherkenning/start?broker=demo-noord&service=eidas&returnTo=/mijn&lang=en', { headers: { accept: 'text/html' } });
      expect(page.status).toBe(400);
      expect(await page.text()).toContain('Logging in as a European company (eIDAS) is not offered on this site.');
      const config = (await (await plain.app.request('/poort/api/config')).json()) as { methods: string[]; eidas?: unknown };
      expect(config.methods).not.toContain('eidas');
      expect(config.eidas).toBeUndefined();
    } finally {
      await plain.close();
    }
  });
});

describe('starting an eIDAS login', () => {
  it('asks for the eIDAS service by its index and for EH3 at least, signed (xmlsec1 verifies), though the site asks only 2+', async () => {
    expect(t.site.eherkenning.level).toBe('loa2plus');
    const started = await startEidas();
    expect(started.requestXml).toContain('AttributeConsumingServiceIndex="2"');
    expect(started.requestXml).toContain('<samlp:RequestedAuthnContext Comparison="minimum"><saml:AuthnContextClassRef>urn:etoegang:core:assurance-class:loa3</saml:AuthnContextClassRef>');
    const verified = xmlsecVerify(started.requestXml, t.deps.saml!.sp.keys.signing.cert, 'urn:oasis:names:tc:SAML:2.0:protocol:AuthnRequest');
    expect(verified.ok).toBe(true);
    const [row] = await t.db.db.select().from(samlRequests).where(eq(samlRequests.relayState, started.relayState));
    expect(row).toMatchObject({ service: 'eidas', level: 'loa3' });
  });

  it('refuses an unknown service value with 400 and stores nothing', async () => {
    const before = await t.db.db.$count(sessions);
    const res = await t.app.request('/poort/auth/eherkenning/start?broker=demo-noord&service=digid&returnTo=/mijn', { headers: { accept: 'application/json' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
    expect(await t.db.db.$count(sessions)).toBe(before);
  });

  it("asks an application's own eIDAS minimum, and a step-up's stronger level with ForceAuthn, storing that level", async () => {
    // The demo loket takes European companies at EH3; a step-up asks EH4 of the same service.
    const started = await startLogin(t, 'demo-noord', '/loket/', undefined, { service: 'eidas', app: 'loket', level: 'loa4', forceAuthn: 'true' });
    expect(started.status).toBe(200);
    expect(started.requestXml).toContain('AttributeConsumingServiceIndex="2"');
    expect(started.requestXml).toContain('assurance-class:loa4</saml:AuthnContextClassRef>');
    expect(started.requestXml).toContain('ForceAuthn="true"');
    const [row] = await t.db.db.select().from(samlRequests).where(eq(samlRequests.relayState, started.relayState));
    expect(row).toMatchObject({ service: 'eidas', level: 'loa4', returnTo: '/loket/' });
  });

  it('refuses an eIDAS login for an application that takes no eIDAS (method_not_offered), though it takes eHerkenning, storing nothing', async () => {
    const before = await t.db.db.$count(samlRequests);
    const res = await t.app.request('/poort/auth/eherkenning/start?broker=demo-noord&service=eidas&app=app-a&returnTo=/vl/app-a/', { headers: { accept: 'application/json' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('method_not_offered');
    expect(await t.db.db.$count(samlRequests)).toBe(before);
  });

  it('offers eIDAS in the public configuration with its level', async () => {
    const config = (await (await t.app.request('/poort/api/config')).json()) as { methods: string[]; eidas: { level: string; serviceId: string } };
    expect(config.methods).toEqual(['eherkenning', 'eidas', 'acmidm', 'email']);
    expect(config.eidas).toMatchObject({ level: 'loa3', serviceId: EIDAS.serviceId });
  });
});

describe('an eIDAS answer', () => {
  it('logs in through the simulated broker: identity under scheme eidas from the eIDAS node, the company by its European identifier, the person named', async () => {
    const [organisation] = await t.db.db.insert(organisations).values({ name: 'Beispiel Maschinenbau GmbH', emailDomains: ['beispiel.de'], identifiers: { eidas: 'DE/NL/HRB123456' } }).returning();
    const started = await startEidas();
    const page = await t.app.request(started.action, form({ SAMLRequest: started.samlRequest, RelayState: started.relayState }));
    expect(await page.text()).toContain('Klaus Becker');
    const answer = await brokerAnswers(t, started, 'person:klaus');
    const { fields } = formFields(await answer.text());
    const res = await postEidas(Buffer.from(fields.SAMLResponse!, 'base64').toString('utf8'), fields.RelayState!);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/mijn');
    expect(cookieOf(res)).toMatch(/^poort_session=/);
    const [identity] = await t.db.db.select().from(identities).where(eq(identities.subject, 'E00000000000000000000000000000000000000000000001'));
    expect(identity).toMatchObject({ scheme: 'eidas', issuer: DEV_EIDAS_NODE, legalSubject: 'eidas:DE/NL/HRB123456', level: 'loa3', broker: 'demo-noord' });
    const [session] = await t.db.db.select().from(sessions).where(eq(sessions.userId, identity!.userId));
    expect(session).toMatchObject({ method: 'eidas', level: 'loa3' });
    expect(session!.attributes).toMatchObject({ eidas: 'DE/NL/HRB123456', personName: 'Klaus Becker', companyName: 'Beispiel Maschinenbau GmbH', serviceId: EIDAS.serviceId });
    expect(session!.attributes.kvk).toBeUndefined();
    expect((await lastLoginAudit())).toMatchObject({ outcome: 'success', method: 'eidas', broker: 'demo-noord', level: 'loa3' });
    // Not a member of the organisation the answer named (membershipFromAnswer: find): logged in without it.
    expect(session!.actingFor).toBeNull();
    expect(organisation).toBeDefined();
  });

  it('is another identity than an eHerkenning one with the same pseudonym and issuer', async () => {
    const s = await eidasSpec();
    const { xml } = buildResponse({ ...s.spec, pseudonym: 'S-shared-pseudonym' });
    expect((await postEidas(xml, s.relayState)).status).toBe(303);
    const e = await startAt(t);
    const { xml: ehXml } = buildResponse({ ...e.spec, pseudonym: 'S-shared-pseudonym', authority: DEV_EIDAS_NODE });
    expect(cookieOf(await postToAcs(t, ehXml, e.relayState))).toMatch(/^poort_session=/);
    const rows = await t.db.db.select().from(identities).where(eq(identities.subject, 'S-shared-pseudonym'));
    expect(rows.map((r) => r.scheme).sort()).toEqual(['eherkenning', 'eidas']);
    expect(new Set(rows.map((r) => r.userId)).size).toBe(2);
  });

  it('acts for the organisation with that eIDAS identifier when the person belongs to it, whatever spacing or case the answer uses', async () => {
    const [organisation] = await t.db.db.insert(organisations).values({ name: 'Exemple SA', emailDomains: ['exemple.fr'], identifiers: { eidas: 'FR/NL/552100554' } }).returning();
    // First login makes the account; the service desk then adds the membership.
    const first = await eidasSpec();
    expect((await postEidas(buildResponse({ ...first.spec, pseudonym: 'S-eidas-member' }).xml, first.relayState)).status).toBe(303);
    const [identity] = await t.db.db.select().from(identities).where(and(eq(identities.scheme, 'eidas'), eq(identities.subject, 'S-eidas-member')));
    await t.db.db.insert(memberships).values({ userId: identity!.userId, organisationId: organisation!.id });
    const again = await eidasSpec();
    const res = await postEidas(buildResponse({ ...again.spec, pseudonym: 'S-eidas-member', legal: { value: ' fr/nl/552100554 ', qualifier: EIDAS_QUALIFIER } }).xml, again.relayState);
    expect(cookieOf(res)).toMatch(/^poort_session=/);
    const [session] = await t.db.db.select().from(sessions).where(eq(sessions.userId, identity!.userId)).orderBy(desc(sessions.createdAt)).limit(1);
    expect(session!.actingFor).toBe(organisation!.id);
  });

  it('signed by pysaml2 with xmlsec1 logs in', async () => {
    const s = await startEidas('pysaml2');
    const requestId = /ID="([^"]+)"/.exec(s.requestXml)![1]!;
    const responses = idp.responses(t.deps.saml!.sp, [
      {
        name: 'eidas',
        in_response_to: requestId,
        sign_response: true,
        pseudonym: 'S-py-eidas',
        level: 'loa4',
        eidas: { service_id: EIDAS.serviceId, service_uuid: EIDAS.serviceUuid, legal: 'IT/NL/01234567890', authority: 'urn:etoegang:EB:00000000000000000000:entities:9002', first_name: 'Giulia', family_name: 'Rossi' },
      },
    ]);
    expect(responses.eidas).toContain('Signature');
    const res = await postEidas(responses.eidas!, s.relayState);
    expect(res.headers.get('location')).toBe('/mijn');
    const [identity] = await t.db.db.select().from(identities).where(eq(identities.subject, 'S-py-eidas'));
    expect(identity).toMatchObject({ scheme: 'eidas', issuer: 'urn:etoegang:EB:00000000000000000000:entities:9002', legalSubject: 'eidas:IT/NL/01234567890', level: 'loa4', broker: 'pysaml2' });
    const [user] = await t.db.db.select().from(users).where(eq(users.id, identity!.userId));
    expect(user).toBeDefined();
  });
});

describe('refused eIDAS answers', () => {
  it('below EH3 (a means at eIDAS "low") through the simulated broker: its own code, no session, nothing stored', async () => {
    const before = await sessionCount(t);
    const started = await startEidas();
    const answer = await brokerAnswers(t, started, 'person:ana');
    const { fields } = formFields(await answer.text());
    const res = await postEidas(Buffer.from(fields.SAMLResponse!, 'base64').toString('utf8'), fields.RelayState!);
    await expectRefusal(t, res, 'eidas_level_too_low', before, 'eidas_level_below_substantial');
    expect(await t.db.db.select().from(identities).where(eq(identities.subject, 'E00000000000000000000000000000000000000000000002'))).toHaveLength(0);
  });

  for (const level of ['loa2', 'loa2plus']) {
    it(`at ${level} with its own code (the floor holds even against a forged RequestedAuthnContext)`, async () => {
      const s = await eidasSpec();
      const { xml } = buildResponse({ ...s.spec, pseudonym: `S-eidas-${level}`, level });
      const before = await sessionCount(t);
      await expectRefusal(t, await postEidas(xml, s.relayState), 'eidas_level_too_low', before, 'eidas_level_below_substantial');
    });
  }

  it('a broker status NoAuthnContext to an eIDAS login shows the eIDAS level text', async () => {
    const s = await eidasSpec();
    const { xml } = buildResponse({ ...s.spec, status: { top: 'urn:oasis:names:tc:SAML:2.0:status:Responder', second: 'urn:oasis:names:tc:SAML:2.0:status:NoAuthnContext' } });
    const before = await sessionCount(t);
    await expectRefusal(t, await postEidas(xml, s.relayState), 'eidas_level_too_low', before, 'status_NoAuthnContext');
  });

  it('an eIDAS answer to an eHerkenning login (the service was not requested): refused as service_not_requested', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, pseudonym: 'S-eidas-unrequested', serviceId: EIDAS.serviceId, serviceUuid: EIDAS.serviceUuid, legal: { value: 'DE/NL/HRB1', qualifier: EIDAS_QUALIFIER } });
    await expectRefused(t, xml, s.relayState, 'service_mismatch', 'service_not_requested');
    expect(await t.db.db.select().from(identities).where(eq(identities.subject, 'S-eidas-unrequested'))).toHaveLength(0);
  });

  it('an eHerkenning answer to an eIDAS login: refused as service_not_requested', async () => {
    const s = await eidasSpec();
    const { xml } = buildResponse({ ...s.spec, serviceId: t.site.eherkenning.serviceId, serviceUuid: t.site.eherkenning.serviceUuid, legal: { value: '90001234', qualifier: 'urn:etoegang:1.9:EntityConcernedID:KvKnr' } });
    const before = await sessionCount(t);
    await expectRefusal(t, await postEidas(xml, s.relayState), 'service_mismatch', before, 'service_not_requested');
  });

  it('another DV’s service: refused as service_mismatch', async () => {
    const s = await eidasSpec();
    const { xml } = buildResponse({ ...s.spec, serviceId: 'urn:etoegang:DV:00000009999999999999:services:2', serviceUuid: '00000000-0000-4000-8000-000000000009' });
    const before = await sessionCount(t);
    await expectRefusal(t, await postEidas(xml, s.relayState), 'service_mismatch', before, 'service_mismatch');
  });

  it('a KvK number as the company of an eIDAS answer that names no service: refused', async () => {
    const s = await eidasSpec();
    const { xml } = buildResponse({ ...s.spec, serviceId: null, serviceUuid: undefined, legal: { value: '90001234', qualifier: 'urn:etoegang:1.9:EntityConcernedID:KvKnr' } });
    const before = await sessionCount(t);
    await expectRefusal(t, await postEidas(xml, s.relayState), 'saml_invalid', before, 'legal_subject_unknown_kind');
  });

  it('an eIDAS identifier that is no identifier: refused', async () => {
    const s = await eidasSpec();
    const { xml } = buildResponse({ ...s.spec, legal: { value: 'not an identifier', qualifier: EIDAS_QUALIFIER } });
    const before = await sessionCount(t);
    await expectRefusal(t, await postEidas(xml, s.relayState), 'saml_invalid', before, 'legal_subject_invalid');
  });
});
