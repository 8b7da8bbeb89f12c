// The eHerkenning SP's hostile variants against the ACM/IDM ACS: the same verifier refuses them
// (saml/verify-response.ts, saml-login/acs-steps.ts), with the right poort-error, no session, an
// audit event with the reason, never a 5xx. Plus what is ACM/IDM's own: the means below the level
// asked for, and capacities for organisations Poort does not know.
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, identities, memberships, organisations, sessions } from '../../db/schema.js';
import { parseIdentifiers } from '../../bff/src/organisations/organisation-identifiers.js';
import { createTestApp, testKeyDir, type TestApp } from '../support/app.js';
import { ensureKeyPair } from '../../bff/src/saml/key-pair.js';
import { cookieOf } from './flow.js';
import { acmidmResponse, postToAcmidmAcs, startAcmidmWithSpec } from './acmidm-flow.js';
import { startAt } from './harness.js';
import { applyXsw, type XswVariant } from './xsw.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 180_000);
afterAll(() => t.close());

const sessionCount = async () => (await t.db.db.select().from(sessions)).length;
const subjectCount = async (sub: string) => (await t.db.db.select().from(identities).where(eq(identities.subject, sub))).length;

async function expectRefused(xml: string, relayState: string, code: string, reason: string) {
  const before = await sessionCount();
  const res = await postToAcmidmAcs(t, xml, relayState);
  expect(res.status).toBe(303);
  expect(new URL(res.headers.get('location')!, 'http://x').searchParams.get('poort-error')).toBe(code);
  expect(res.headers.get('set-cookie')).toBeNull();
  expect(await sessionCount()).toBe(before);
  const [audit] = await t.db.db.select().from(auditEvents).where(eq(auditEvents.method, 'acmidm')).orderBy(desc(auditEvents.id)).limit(1);
  expect(audit).toMatchObject({ type: 'login', outcome: 'failure', reason });
}

describe('the control case', () => {
  it('logs in with a signed, encrypted answer built like the hostile ones', async () => {
    const { started, spec } = await startAcmidmWithSpec(t);
    const res = await postToAcmidmAcs(t, acmidmResponse({ ...spec, sub: 'acm-control' }), started.relayState);
    expect(res.headers.get('location')).toBe('/mijn');
    expect(cookieOf(res)).toMatch(/^poort_session=/);
    expect(await subjectCount('acm-control')).toBe(1);
  });
});

describe('signature wrapping', () => {
  const reasons: Record<XswVariant, string> = { 1: 'assertion_misplaced', 2: 'assertion_misplaced', 3: 'multiple_assertions', 4: 'assertion_misplaced', 5: 'multiple_assertions', 6: 'assertion_misplaced', 7: 'assertion_misplaced', 8: 'assertion_misplaced' };
  for (const variant of [1, 2, 3, 4, 5, 6, 7, 8] as XswVariant[]) {
    it(`refuses XSW${variant} (${reasons[variant]})`, async () => {
      const { started, spec } = await startAcmidmWithSpec(t);
      // Wrapping needs the assertion in sight: the plain (unencrypted) form, as an attacker would send it.
      const xml = acmidmResponse({ ...spec, sub: `acm-xsw-${variant}`, encrypt: false, signResponse: variant <= 2 });
      await expectRefused(applyXsw(xml, variant), started.relayState, 'saml_invalid', reasons[variant]);
      expect(await subjectCount(`acm-xsw-${variant}`)).toBe(0);
    });
  }

  it('refuses an answer signed by someone else', async () => {
    const { started, spec } = await startAcmidmWithSpec(t);
    const attacker = ensureKeyPair(`${testKeyDir()}/attacker`, 'attacker', 'attacker');
    await expectRefused(acmidmResponse({ ...spec, idpKeys: attacker, sub: 'acm-forged' }), started.relayState, 'saml_invalid', 'signature_invalid');
  });

  it('refuses an unsigned assertion, encrypted or not', async () => {
    const { started, spec } = await startAcmidmWithSpec(t);
    await expectRefused(acmidmResponse({ ...spec, signAssertion: false }), started.relayState, 'saml_invalid', 'signature_invalid');
  });
});

describe('audience, destination, time, binding to our request', () => {
  it('refuses a wrong audience', async () => {
    const { started, spec } = await startAcmidmWithSpec(t);
    await expectRefused(acmidmResponse({ ...spec, audience: 'urn:other:sp' }), started.relayState, 'saml_invalid', 'audience_mismatch');
  });

  it('refuses a wrong destination', async () => {
    const { started, spec } = await startAcmidmWithSpec(t);
    await expectRefused(acmidmResponse({ ...spec, destination: 'https://other.example/acs' }), started.relayState, 'saml_invalid', 'destination_mismatch');
  });

  it("refuses an answer to eHerkenning's ACS URL (recipient)", async () => {
    const { started, spec } = await startAcmidmWithSpec(t);
    await expectRefused(acmidmResponse({ ...spec, recipient: t.deps.saml!.sp.acsUrl }), started.relayState, 'saml_invalid', 'recipient_mismatch');
  });

  it('refuses an expired answer', async () => {
    const { started, spec } = await startAcmidmWithSpec(t);
    const past = new Date(Date.now() - 10 * 60_000);
    await expectRefused(acmidmResponse({ ...spec, notBefore: new Date(past.getTime() - 60_000), notOnOrAfter: past }), started.relayState, 'saml_invalid', 'expired');
  });

  it('accepts an answer once; the replay is refused and the first session stays', async () => {
    const { started, spec } = await startAcmidmWithSpec(t);
    const xml = acmidmResponse({ ...spec, sub: 'acm-replay' });
    const first = await postToAcmidmAcs(t, xml, started.relayState);
    expect(first.headers.get('location')).toBe('/mijn');
    await expectRefused(xml, started.relayState, 'saml_invalid', 'request_consumed_or_expired');
    expect((await t.app.request('/poort/api/session', { headers: { cookie: cookieOf(first)! } })).status).toBe(200);
  });

  it('refuses the same response id again in an answer to a new request', async () => {
    const a = await startAcmidmWithSpec(t);
    await postToAcmidmAcs(t, acmidmResponse({ ...a.spec, responseId: '_acm-once', sub: 'acm-once' }), a.started.relayState);
    const b = await startAcmidmWithSpec(t);
    await expectRefused(acmidmResponse({ ...b.spec, responseId: '_acm-once', sub: 'acm-once' }), b.started.relayState, 'saml_invalid', 'replay');
  });

  it('refuses an unsolicited answer (no InResponseTo)', async () => {
    const { started, spec } = await startAcmidmWithSpec(t);
    await expectRefused(acmidmResponse({ ...spec, inResponseTo: null }), started.relayState, 'saml_invalid', 'unsolicited');
  });

  it('refuses an answer to another request (unknown InResponseTo)', async () => {
    const { started, spec } = await startAcmidmWithSpec(t);
    await expectRefused(acmidmResponse({ ...spec, inResponseTo: '_not-ours' }), started.relayState, 'saml_invalid', 'in_response_to_mismatch');
  });

  it("refuses an eHerkenning login's RelayState at the ACM/IDM ACS", async () => {
    const eh = await startAt(t);
    const { spec } = await startAcmidmWithSpec(t);
    await expectRefused(acmidmResponse({ ...spec, inResponseTo: eh.requestId }), eh.relayState, 'saml_invalid', 'relay_state_unknown');
  });
});

describe('levels', () => {
  it('refuses a means below the level the login asked for (level downgrade: a password where loa3 was asked)', async () => {
    const { started, spec } = await startAcmidmWithSpec(t);
    await expectRefused(acmidmResponse({ ...spec, authmech: 'urn:be:vlaanderen:authmech:csampassword', sub: 'acm-low' }), started.relayState, 'level_too_low', 'level_below_requested');
    expect(await subjectCount('acm-low')).toBe(0);
  });

  it('refuses a substantial means when a step-up asked for high', async () => {
    const { started, spec } = await startAcmidmWithSpec(t, 'returnTo=/mijn&level=loa4&forceAuthn=true');
    await expectRefused(acmidmResponse({ ...spec, authmech: 'urn:be:vlaanderen:authmech:csamtotp' }), started.relayState, 'level_too_low', 'level_below_requested');
  });

  it('refuses a means it does not know', async () => {
    const { started, spec } = await startAcmidmWithSpec(t);
    await expectRefused(acmidmResponse({ ...spec, authmech: 'urn:oasis:names:tc:SAML:2.0:ac:classes:Password' }), started.relayState, 'saml_invalid', 'level_unknown');
  });
});

describe('capacities', () => {
  it('does not offer a capacity for an organisation Poort does not know (a foreign organisation): no membership, not in the session', async () => {
    const { started, spec } = await startAcmidmWithSpec(t);
    const res = await postToAcmidmAcs(t, acmidmResponse({ ...spec, sub: 'acm-foreign', capacities: ['BUR', 'EA:0555555555'] }), started.relayState);
    expect(res.headers.get('location')).toBe('/mijn');
    const cookie = cookieOf(res)!;
    const capacities = await (await t.app.request('/poort/api/capacities', { headers: { cookie } })).json();
    expect(capacities).toMatchObject({ capacity: 'BUR', choiceNeeded: false, capacities: [{ code: 'BUR', organisation: null }] });
    const [identity] = await t.db.db.select().from(identities).where(eq(identities.subject, 'acm-foreign'));
    expect(await t.db.db.select().from(memberships).where(eq(memberships.userId, identity!.userId))).toHaveLength(0);
    const [audit] = await t.db.db.select().from(auditEvents).where(eq(auditEvents.userId, identity!.userId)).orderBy(desc(auditEvents.id)).limit(1);
    expect(audit).toMatchObject({ type: 'login', outcome: 'success', details: { capacities: 1, capacitiesRefused: 1 } });
  });

  it('refuses the login when every capacity names a foreign organisation', async () => {
    const { started, spec } = await startAcmidmWithSpec(t);
    await expectRefused(acmidmResponse({ ...spec, sub: 'acm-only-foreign', capacities: ['EA:0555555555'] }), started.relayState, 'no_authorisation', 'capacity_none');
    expect(await subjectCount('acm-only-foreign')).toBe(0);
  });

  it('refuses an answer whose capacity it cannot read', async () => {
    const { started, spec } = await startAcmidmWithSpec(t);
    await expectRefused(acmidmResponse({ ...spec, capacities: ['XYZ:0410203003'] }), started.relayState, 'saml_invalid', 'capacity_invalid');
  });

  it('reads the single form: one code, its organisation in vo_orgcode (KBO written with dots)', async () => {
    const { started, spec } = await startAcmidmWithSpec(t);
    const res = await postToAcmidmAcs(t, acmidmResponse({ ...spec, sub: 'acm-single', capacities: ['LB'], orgCode: '0207.123.407' }), started.relayState);
    const session = await (await t.app.request('/poort/api/session', { headers: { cookie: cookieOf(res)! } })).json();
    expect(session).toMatchObject({ organisationChoiceNeeded: false, actingFor: { name: 'Gemeente Voorbeeldegem', capacity: 'LB' }, attributes: { capacity: 'LB' } });
  });

  it('finds organisations the service desk registered by OVO code and instellingsnummer, as it typed them', async () => {
    const registered = (name: string, input: Parameters<typeof parseIdentifiers>[0]) => {
      const parsed = parseIdentifiers(input);
      if (!('identifiers' in parsed)) throw new Error(`not an identifier: ${JSON.stringify(input)}`);
      return t.db.db.insert(organisations).values({ name, identifiers: parsed.identifiers }).returning().then(([row]) => row!);
    };
    const agency = await registered('Agentschap Voorbeeld', { ovo: 'ovo 000123' });
    const school = await registered('Basisschool De Voorbeeldboom', { instelling: '012 345' });
    const { started, spec } = await startAcmidmWithSpec(t);
    const res = await postToAcmidmAcs(t, acmidmResponse({ ...spec, sub: 'acm-ovo-school', capacities: ['LB:OVO000123', 'LB:012345'] }), started.relayState);
    const [identity] = await t.db.db.select().from(identities).where(eq(identities.subject, 'acm-ovo-school'));
    const rows = await t.db.db.select().from(memberships).where(eq(memberships.userId, identity!.userId));
    expect(rows.map((r) => r.organisationId).sort()).toEqual([agency.id, school.id].sort());
    const capacities = await (await t.app.request('/poort/api/capacities', { headers: { cookie: cookieOf(res)! } })).json();
    expect(capacities).toMatchObject({ choiceNeeded: true });
  });
});
