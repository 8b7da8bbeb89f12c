// The S and X rows of the security matrix against the ACS, each built from a real signed
// response: the right poort-error, no session, an audit event, never a 5xx.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identities } from '../../db/schema.js';
import { createTestApp, testKeyDir, type TestApp } from '../support/app.js';
import { ensureKeyPair } from '../../bff/src/saml/key-pair.js';
import { bindingCookieFor, cookieOf, form, postToAcs } from './flow.js';
import { expectRefusal, expectRefused, sessionCount, startAt } from './harness.js';
import { ENVELOPED, EXC_C14N } from '../../bff/src/saml/xml-signature.js';
import { buildResponse, buildAssertion, sign } from './response-builder.js';
import { applyXsw, smuggleAssertion, type XswVariant } from './xsw.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('a well-formed response (the control case)', () => {
  it('logs in with a response signed at both levels, and keys the identity on the ActingSubjectID pseudonym', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, signResponse: true, pseudonym: 'S-control-1', kvk: '11112222' });
    const res = await postToAcs(t, xml, s.relayState);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/mijn');
    expect(cookieOf(res)).toMatch(/^poort_session=/);
    const [identity] = await t.db.db.select().from(identities).where(eq(identities.subject, 'S-control-1'));
    expect(identity).toMatchObject({ scheme: 'eherkenning', legalSubject: 'kvk:11112222', broker: 'demo-noord', level: 'loa3' });
  });

  it('accepts an assertion that carries Advice with a nested (separately signed) assertion, reading nothing from it', async () => {
    const s = await startAt(t);
    const nested = sign(buildAssertion({ ...s.spec, pseudonym: 'S-from-advice' }).xml, 'Assertion', s.spec.brokerKeys);
    const { xml } = buildResponse({ ...s.spec, pseudonym: 'S-advice-outer', advice: nested });
    const res = await postToAcs(t, xml, s.relayState);
    expect(res.headers.get('location')).toBe('/mijn');
    expect(await t.db.db.select().from(identities).where(eq(identities.subject, 'S-from-advice'))).toHaveLength(0);
    expect(await t.db.db.select().from(identities).where(eq(identities.subject, 'S-advice-outer'))).toHaveLength(1);
  });
});

describe('signature wrapping (S01–S08)', () => {
  // Each variant is refused by its shape, before any signature is checked: a copy of the assertion
  // beside the real one, or an assertion somewhere no genuine answer puts one.
  const reasons: Record<XswVariant, string> = {
    1: 'assertion_misplaced',
    2: 'assertion_misplaced',
    3: 'multiple_assertions',
    4: 'assertion_misplaced',
    5: 'multiple_assertions',
    6: 'assertion_misplaced',
    7: 'assertion_misplaced',
    8: 'assertion_misplaced',
  };
  for (const variant of [1, 2, 3, 4, 5, 6, 7, 8] as XswVariant[]) {
    it(`refuses XSW${variant} (${reasons[variant]})`, async () => {
      const s = await startAt(t);
      const { xml } = buildResponse({ ...s.spec, signResponse: variant <= 2 });
      await expectRefused(t, applyXsw(xml, variant), s.relayState, 'saml_invalid', reasons[variant]);
      expect(await t.db.db.select().from(identities).where(eq(identities.subject, 'S-attacker'))).toHaveLength(0);
    });
  }
});

describe('assertions outside their place', () => {
  for (const into of ['extensions', 'signature-object'] as const) {
    it(`refuses a valid response that also carries an unsigned assertion in ${into === 'extensions' ? 'samlp:Extensions' : 'a ds:Object of the signature'}`, async () => {
      const s = await startAt(t);
      const { xml } = buildResponse({ ...s.spec, pseudonym: `S-signed-person-${into}` });
      const evil = buildAssertion({ ...s.spec, pseudonym: 'S-attacker' }).xml;
      await expectRefused(t, smuggleAssertion(xml, evil, into), s.relayState, 'saml_invalid', 'assertion_misplaced');
      expect(await t.db.db.select().from(identities).where(eq(identities.subject, 'S-attacker'))).toHaveLength(0);
      expect(await t.db.db.select().from(identities).where(eq(identities.subject, `S-signed-person-${into}`))).toHaveLength(0);
    });
  }

  it('refuses an EncryptedAssertion hidden in Extensions beside the signed assertion', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, pseudonym: 'S-signed-person-enc' });
    const hidden = xml.replace('<samlp:Status>', '<samlp:Extensions><saml:EncryptedAssertion/></samlp:Extensions><samlp:Status>');
    await expectRefused(t, hidden, s.relayState, 'saml_invalid', 'assertion_misplaced');
  });

  it('refuses any ds:Object in a signature, even an empty one that leaves the signature valid', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, pseudonym: 'S-object' });
    const withObject = xml.replace('</ds:Signature>', '<ds:Object/></ds:Signature>');
    await expectRefused(t, withObject, s.relayState, 'saml_invalid', 'signature_object');
    expect(await t.db.db.select().from(identities).where(eq(identities.subject, 'S-object'))).toHaveLength(0);
  });

  it('refuses a successful Response that carries no assertion at all', async () => {
    const s = await startAt(t);
    const unsigned = buildResponse({ ...s.spec, signAssertion: false }).xml;
    const noAssertion = unsigned.replace(/<saml:Assertion[\s\S]*<\/saml:Assertion>/, '');
    await expectRefused(t, noAssertion, s.relayState, 'saml_invalid', 'no_assertion');
  });
});

describe('signatures (S09–S16, S29)', () => {
  it('refuses a response with every signature stripped (S09)', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, signResponse: true });
    await expectRefused(t, xml.replace(/<ds:Signature[\s\S]*?<\/ds:Signature>/g, ''), s.relayState, 'saml_invalid', 'signature_invalid');
  });

  it('refuses an unsigned assertion inside a signed response (S10)', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, signAssertion: false, signResponse: true });
    await expectRefused(t, xml, s.relayState, 'saml_invalid', 'signature_invalid');
  });

  it('refuses a second, unsigned assertion beside the signed one (S11)', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec });
    const extra = buildAssertion({ ...s.spec, pseudonym: 'S-attacker' }).xml;
    await expectRefused(t, xml.replace('</samlp:Response>', `${extra}</samlp:Response>`), s.relayState, 'saml_invalid', 'multiple_assertions');
  });

  it('refuses a response re-signed by an attacker with their certificate in KeyInfo (S12)', async () => {
    const s = await startAt(t);
    const attacker = ensureKeyPair(`${testKeyDir()}/attacker`, 'attacker', 'attacker');
    const { xml } = buildResponse({ ...s.spec, brokerKeys: attacker, signResponse: true });
    await expectRefused(t, xml, s.relayState, 'saml_invalid', 'signature_invalid');
  });

  it('refuses a signature with two SignedInfo elements (S13)', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec });
    const doubled = xml.replace(/(<ds:SignedInfo>[\s\S]*?<\/ds:SignedInfo>)/, '$1$1');
    await expectRefused(t, doubled, s.relayState, 'saml_invalid', 'signature_invalid');
  });

  it('refuses an altered assertion whose Signature carries a second, wrapped SignedInfo (S14)', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, level: 'loa2plus' });
    const signedInfo = /<ds:SignedInfo>[\s\S]*?<\/ds:SignedInfo>/.exec(xml)![0];
    const wrapped = xml
      .replace('</ds:Signature>', `<ds:Object>${signedInfo}</ds:Object></ds:Signature>`)
      .replace('assurance-class:loa2plus', 'assurance-class:loa4');
    await expectRefused(t, wrapped, s.relayState, 'saml_invalid', 'signature_object');
  });

  it('refuses an altered assertion whose DigestValue hides a comment (S15)', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, level: 'loa2plus' });
    const tampered = xml
      .replace(/<ds:DigestValue>([^<]{4})/, '<ds:DigestValue>$1<!-- x -->')
      .replace('assurance-class:loa2plus', 'assurance-class:loa4');
    await expectRefused(t, tampered, s.relayState, 'saml_invalid', 'signature_invalid');
  });

  it('reads a NameID with a comment inside as its full text, never the part before the comment (S17)', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, plainPseudonymXml: 'S-victim<!---->-attacker' });
    const res = await postToAcs(t, xml, s.relayState);
    expect(res.headers.get('location')).toBe('/mijn');
    expect(await t.db.db.select().from(identities).where(eq(identities.subject, 'S-victim-attacker'))).toHaveLength(1);
    expect(await t.db.db.select().from(identities).where(eq(identities.subject, 'S-victim'))).toHaveLength(0);
  });

  it('refuses an altered assertion nested in Advice (S18)', async () => {
    const s = await startAt(t);
    const nested = sign(buildAssertion({ ...s.spec, pseudonym: 'S-nested' }).xml, 'Assertion', s.spec.brokerKeys).replace('loa3', 'loa4');
    const inner = buildAssertion({ ...s.spec, advice: nested });
    // The outer signature covers the Advice, so changing it afterwards breaks the outer signature.
    const signed = sign(inner.xml, 'Assertion', s.spec.brokerKeys).replace('S-nested', 'S-evil');
    const { xml } = buildResponse({ ...s.spec });
    const swapped = xml.replace(/<saml:Assertion[\s\S]*<\/saml:Assertion>/, signed.replace(/<saml:Advice>[\s\S]*<\/saml:Advice>/, (m) => m.replace('loa4', 'loa2')));
    await expectRefused(t, swapped, s.relayState, 'saml_invalid', 'signature_invalid');
  });

  it('refuses SHA-1 signatures and digests (S29)', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, weak: true });
    await expectRefused(t, xml, s.relayState, 'saml_invalid', 'weak_algorithm');
  });

  it('refuses an HMAC signature (S29)', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec });
    const hmac = xml.replace('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', 'http://www.w3.org/2000/09/xmldsig#hmac-sha1');
    await expectRefused(t, hmac, s.relayState, 'saml_invalid', 'weak_algorithm');
  });
});

describe('the unsigned view never differs from the signed one (S16)', () => {
  // Changes made after signing. Where canonicalisation hides the change (comments, character
  // references, CDATA, whitespace inside tags), the signature holds and Poort must read exactly
  // the signed value; where it does not, the signature fails.
  const signedWith = async (pseudonym: string) => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, plainPseudonymXml: pseudonym });
    expect(xml).toContain(`>${pseudonym}</saml:NameID>`);
    return { s, xml, nameId: (inner: string) => xml.replace(`>${pseudonym}</saml:NameID>`, `>${inner}</saml:NameID>`) };
  };
  const subjects = async (...names: string[]) => Promise.all(names.map(async (n) => (await t.db.db.select().from(identities).where(eq(identities.subject, n))).length));

  it('refuses a NameID with one character deleted after signing', async () => {
    const { s, nameId } = await signedWith('S-victim-1x');
    await expectRefused(t, nameId('S-victim-1'), s.relayState, 'saml_invalid', 'signature_invalid');
    expect(await subjects('S-victim-1')).toEqual([0]);
  });

  it('reads the whole signed value when a comment is slipped into it after signing (the signature still holds)', async () => {
    const { s, nameId } = await signedWith('S-victim-2.attacker');
    const res = await postToAcs(t, nameId('S-victim-2<!-- -->.attacker'), s.relayState);
    expect(res.headers.get('location')).toBe('/mijn');
    expect(await subjects('S-victim-2.attacker', 'S-victim-2', '.attacker')).toEqual([1, 0, 0]);
  });

  it('reads the signed value when characters are written as character references or CDATA after signing', async () => {
    const { s, nameId } = await signedWith('S-victim-3');
    const res = await postToAcs(t, nameId('S&#x2D;vic<![CDATA[tim]]>&#45;3'), s.relayState);
    expect(res.headers.get('location')).toBe('/mijn');
    expect(await subjects('S-victim-3')).toEqual([1]);
  });

  it('refuses whitespace added inside or around the value after signing', async () => {
    for (const inner of ['S-victim -4', ' S-victim-4', 'S-victim-4\n']) {
      const { s, nameId } = await signedWith('S-victim-4');
      await expectRefused(t, nameId(inner), s.relayState, 'saml_invalid', 'signature_invalid');
    }
    expect(await subjects('S-victim-4', 'S-victim -4')).toEqual([0, 0]);
  });

  it('accepts whitespace inside tags and comments between elements, which canonicalisation removes', async () => {
    const { s, xml } = await signedWith('S-victim-5');
    const reformatted = xml
      .replace('<saml:NameID NameQualifier=', '<saml:NameID\n   NameQualifier=')
      .replace('</saml:Subject>', '</saml:Subject   ><!-- between -->');
    expect((await postToAcs(t, reformatted, s.relayState)).headers.get('location')).toBe('/mijn');
    expect(await subjects('S-victim-5')).toEqual([1]);
  });
});

describe('binding to our request (S19–S23)', () => {
  it('accepts a response once; the replay is refused and the first session stays (S19)', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, pseudonym: 'S-replay' });
    const first = await postToAcs(t, xml, s.relayState);
    expect(first.headers.get('location')).toBe('/mijn');
    await expectRefused(t, xml, s.relayState, 'saml_invalid', 'request_consumed_or_expired');
    const session = await t.app.request('/poort/api/session', { headers: { cookie: cookieOf(first)! } });
    expect(session.status).toBe(200);
  });

  it('refuses the same assertion id in a response to a new request (one-time assertion ids)', async () => {
    const s1 = await startAt(t);
    const first = buildResponse({ ...s1.spec, pseudonym: 'S-once' });
    expect((await postToAcs(t, first.xml, s1.relayState)).headers.get('location')).toBe('/mijn');
    const s2 = await startAt(t);
    const again = buildResponse({ ...s2.spec, pseudonym: 'S-once', assertionId: first.assertionId });
    await expectRefused(t, again.xml, s2.relayState, 'saml_invalid', 'replay');
  });

  it('refuses an unsolicited response without InResponseTo (S21)', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, inResponseTo: null });
    await expectRefused(t, xml, s.relayState, 'saml_invalid', 'unsolicited');
  });

  it('refuses a response to another request than the RelayState names (S22)', async () => {
    const victim = await startAt(t);
    const attacker = await startAt(t);
    const { xml } = buildResponse({ ...attacker.spec });
    await expectRefused(t, xml, victim.relayState, 'saml_invalid', 'in_response_to_mismatch');
  });

  it('refuses the answer in a browser other than the one that started the login (login CSRF, S22)', async () => {
    const attacker = await startAt(t);
    const { xml } = buildResponse({ ...attacker.spec, pseudonym: 'S-csrf' });
    const before = await sessionCount(t);
    // The attacker's own valid answer, auto-posted from the victim's browser (which carries no or another binding cookie).
    await expectRefusal(t, await postToAcs(t, xml, attacker.relayState, { cookie: null }), 'saml_invalid', before, 'browser_mismatch');
    const attacker2 = await startAt(t);
    const other = buildResponse({ ...attacker2.spec, pseudonym: 'S-csrf' });
    await expectRefusal(t, await postToAcs(t, other.xml, attacker2.relayState, { cookie: 'poort_login=' + 'A'.repeat(43) }), 'saml_invalid', before, 'browser_mismatch');
  });

  it('refuses an InResponseTo that was never issued (S23)', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, inResponseTo: '_never-issued' });
    await expectRefused(t, xml, s.relayState, 'saml_invalid', 'in_response_to_mismatch');
  });

  it('refuses a response to an expired request (S23)', async () => {
    const s = await startAt(t);
    const { samlRequests } = await import('../../db/schema.js');
    await t.db.db.update(samlRequests).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(samlRequests.id, s.requestId));
    await expectRefused(t, buildResponse({ ...s.spec }).xml, s.relayState, 'saml_invalid', 'request_consumed_or_expired');
  });

  it('refuses an unknown or URL-shaped RelayState and sends the browser to the site, not elsewhere (S34)', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec });
    const malformed = ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', 'x'.repeat(81)];
    for (const [relayState, reason] of [...malformed.map((r) => [r, 'relay_state_invalid']), ['unknownbutwellformed', 'relay_state_unknown']] as const) {
      const before = await sessionCount(t);
      const res = await postToAcs(t, xml, relayState);
      expect(res.headers.get('location')).toBe('/?poort-error=saml_invalid');
      await expectRefusal(t, res, 'saml_invalid', before, reason);
    }
  });
});

describe('addressing and time (S24–S28)', () => {
  const cases: [string, (spec: Parameters<typeof buildResponse>[0]) => Parameters<typeof buildResponse>[0], string][] = [
    ['another Audience (S24)', (s) => ({ ...s, audience: 'urn:other:sp' }), 'audience_mismatch'],
    ['another Recipient (S25)', (s) => ({ ...s, recipient: 'https://other.example/acs' }), 'recipient_mismatch'],
    ['another Destination (S26)', (s) => ({ ...s, destination: 'https://other.example/acs' }), 'destination_mismatch'],
    ['an empty Destination (S26)', (s) => ({ ...s, destination: '' }), 'destination_mismatch'],
    ['another Response Issuer (S28)', (s) => ({ ...s, issuer: 'urn:other:broker' }), 'issuer_mismatch'],
    ['another Assertion Issuer (S28)', (s) => ({ ...s, assertionIssuer: 'urn:other:broker' }), 'issuer_mismatch'],
    ['an expired assertion (S27)', (s) => ({ ...s, notBefore: new Date(Date.now() - 600_000), notOnOrAfter: new Date(Date.now() - 61_000) }), 'expired'],
    ['a not-yet-valid assertion (S27)', (s) => ({ ...s, notBefore: new Date(Date.now() + 61_000), notOnOrAfter: new Date(Date.now() + 600_000) }), 'not_yet_valid'],
  ];
  for (const [name, change, reason] of cases) {
    it(`refuses ${name}`, async () => {
      const s = await startAt(t);
      await expectRefused(t, buildResponse(change(s.spec)).xml, s.relayState, 'saml_invalid', reason);
    });
  }

  it('accepts an assertion just inside the clock skew', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, notBefore: new Date(Date.now() + 30_000) });
    expect((await postToAcs(t, xml, s.relayState)).headers.get('location')).toBe('/mijn');
  });
});

describe('level and status (S31, S32)', () => {
  it('refuses a level below the site minimum with level_too_low (S31)', async () => {
    const s = await startAt(t);
    await expectRefused(t, buildResponse({ ...s.spec, level: 'loa2' }).xml, s.relayState, 'level_too_low', 'level_below_requested');
  });

  it('maps AuthnFailed to cancelled and RequestDenied to no_authorisation (S32)', async () => {
    const responder = 'urn:oasis:names:tc:SAML:2.0:status:Responder';
    for (const [second, code] of [
      ['AuthnFailed', 'cancelled'],
      ['RequestDenied', 'no_authorisation'],
      ['NoAuthnContext', 'level_too_low'],
      ['UnknownPrincipal', 'saml_invalid'],
    ] as const) {
      const s = await startAt(t);
      const status = { top: responder, second: `urn:oasis:names:tc:SAML:2.0:status:${second}` };
      await expectRefused(t, buildResponse({ ...s.spec, status }).xml, s.relayState, code, `status_${second}`);
    }
  });

  // Error answers are often unsigned and may leave Destination out; the status outcome reaches the
  // person only if what the answer does name is ours (one check for every status, in verifyResponse).
  it('gives a status answer without Destination its outcome, and refuses one naming another Destination or Issuer', async () => {
    const status = { top: 'urn:oasis:names:tc:SAML:2.0:status:Responder', second: 'urn:oasis:names:tc:SAML:2.0:status:AuthnFailed' };
    const s1 = await startAt(t);
    const withoutDestination = buildResponse({ ...s1.spec, status }).xml.replace(/ Destination="[^"]*"/, '');
    expect(withoutDestination).not.toContain('Destination=');
    await expectRefused(t, withoutDestination, s1.relayState, 'cancelled', 'status_AuthnFailed');
    const s2 = await startAt(t);
    await expectRefused(t, buildResponse({ ...s2.spec, status, destination: 'https://other.example/acs' }).xml, s2.relayState, 'saml_invalid', 'destination_mismatch');
    const s3 = await startAt(t);
    await expectRefused(t, buildResponse({ ...s3.spec, status, issuer: 'urn:someone:else' }).xml, s3.relayState, 'saml_invalid', 'issuer_mismatch');
  });

  it('refuses a success answer without Destination (S26)', async () => {
    const s = await startAt(t);
    const xml = buildResponse({ ...s.spec }).xml.replace(/ Destination="[^"]*"/, '');
    await expectRefused(t, xml, s.relayState, 'saml_invalid', 'destination_mismatch');
  });
});

describe('the service the answer is for', () => {
  it('refuses a validly signed answer for another service (ServiceID of another DV) with service_mismatch', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, pseudonym: 'S-other-service', serviceId: 'urn:etoegang:DV:00000009999999999999:services:7' });
    await expectRefused(t, xml, s.relayState, 'service_mismatch', 'service_mismatch');
    expect(await t.db.db.select().from(identities).where(eq(identities.subject, 'S-other-service'))).toHaveLength(0);
  });

  it('refuses a validly signed answer naming another ServiceUUID with service_mismatch', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, pseudonym: 'S-other-uuid', serviceUuid: '00000000-0000-4000-8000-000000000001' });
    await expectRefused(t, xml, s.relayState, 'service_mismatch', 'service_mismatch');
  });

  it('logs in when ServiceID and ServiceUUID are ours (the UUID in any case), and when the answer carries neither', async () => {
    const ours = t.site.eherkenning;
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, pseudonym: 'S-our-service', serviceId: ours.serviceId, serviceUuid: ours.serviceUuid.toUpperCase() });
    const res = await postToAcs(t, xml, s.relayState);
    expect(res.headers.get('location')).toBe('/mijn');
    const session = await t.app.request('/poort/api/session', { headers: { cookie: cookieOf(res)! } });
    expect(await session.json()).toMatchObject({ attributes: { serviceId: ours.serviceId } });
    const s2 = await startAt(t);
    const without = buildResponse({ ...s2.spec, pseudonym: 'S-no-service', serviceId: null });
    expect((await postToAcs(t, without.xml, s2.relayState)).headers.get('location')).toBe('/mijn');
  });
});

describe('hostile XML (X01–X05, S35)', () => {
  it('refuses a DOCTYPE with an external entity (XXE, X01)', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec });
    await expectRefused(t, `<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>${xml.replace('S-test', '&x;')}`, s.relayState, 'saml_invalid', 'xml_doctype');
  });

  it('refuses entity expansion (billion laughs, X02) quickly', async () => {
    const s = await startAt(t);
    const entities = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const started = Date.now();
    await expectRefused(t, `<!DOCTYPE r [<!ENTITY l0 "lol">${entities}]><r>&l10;</r>`, s.relayState, 'saml_invalid', 'xml_doctype');
    // A generous bound that a loaded machine keeps: expanding the entities means 10^10 copies.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses two root elements (X03)', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec });
    await expectRefused(t, `${xml}${xml}`, s.relayState, 'saml_invalid', 'xml_malformed');
  });

  it('refuses 10,000-deep nesting without falling over (X04)', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec });
    const deep = `${'<x>'.repeat(10_000)}${'</x>'.repeat(10_000)}`;
    await expectRefused(t, xml.replace('</saml:AttributeStatement>', `<saml:Attribute Name="deep"><saml:AttributeValue>${deep}</saml:AttributeValue></saml:Attribute></saml:AttributeStatement>`), s.relayState, 'saml_invalid', 'xml_too_deep');
  });

  it('refuses an unterminated 200,000-character tag name in bounded time (X05)', async () => {
    const s = await startAt(t);
    const started = Date.now();
    await expectRefused(t, `<a${'b'.repeat(200_000)}`, s.relayState, 'saml_invalid', 'xml_malformed');
    // A generous bound that a loaded machine keeps: a quadratic scan would take 4·10^10 steps.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('answers a post without SAMLResponse and an overlong artifact with a redirect and an audit event; a JSON body with 415', async () => {
    const s = await startAt(t);
    const before = await sessionCount(t);
    const cookie = bindingCookieFor(s.relayState)!;
    const noResponse = await t.app.request('/poort/auth/eherkenning/acs', { ...form({ RelayState: s.relayState }), headers: { ...form({}).headers, cookie } });
    await expectRefusal(t, noResponse, 'saml_invalid', before, 'saml_response_missing');
    const json = await t.app.request('/poort/auth/eherkenning/acs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
    expect(await sessionCount(t)).toBe(before);
    const s2 = await startAt(t);
    const long = await t.app.request(`/poort/auth/eherkenning/acs?SAMLart=${'x'.repeat(300)}&RelayState=${s2.relayState}`, { headers: { cookie: bindingCookieFor(s2.relayState)! } });
    await expectRefusal(t, long, 'saml_invalid', before, 'artifact_malformed');
  });

  it('answers 413 to a body over 1 MB, before parsing it (S35)', async () => {
    const s = await startAt(t);
    const before = await sessionCount(t);
    const res = await t.app.request('/poort/auth/eherkenning/acs', form({ SAMLResponse: 'A'.repeat(1024 * 1024 + 10), RelayState: s.relayState }));
    expect(res.status).toBe(413);
    expect(await sessionCount(t)).toBe(before);
  });

  it('refuses non-base64 and deflated payloads (S35)', async () => {
    const s = await startAt(t);
    const before = await sessionCount(t);
    const withCookie = (body: ReturnType<typeof form>, relayState: string) => ({ ...body, headers: { ...body.headers, cookie: bindingCookieFor(relayState)! } });
    const res = await t.app.request('/poort/auth/eherkenning/acs', withCookie(form({ SAMLResponse: '%%%not base64%%%', RelayState: s.relayState }), s.relayState));
    await expectRefusal(t, res, 'saml_invalid', before, 'saml_response_not_base64');
    const s2 = await startAt(t);
    const deflated = (await import('node:zlib')).deflateRawSync(Buffer.from(buildResponse({ ...s2.spec }).xml)).toString('base64');
    const res2 = await t.app.request('/poort/auth/eherkenning/acs', withCookie(form({ SAMLResponse: deflated, RelayState: s2.relayState }), s2.relayState));
    await expectRefusal(t, res2, 'saml_invalid', before, 'saml_response_not_xml');
  });
});

describe('shapes that must not be guessed at (S36, X06, X07)', () => {
  const resign = (xml: string, keys: Parameters<typeof sign>[2]) => xml.replace(/<saml:Assertion[\s\S]*<\/saml:Assertion>/, (a) => sign(a, 'Assertion', keys));

  it('refuses an attribute that appears twice (S36)', async () => {
    const s = await startAt(t);
    const unsigned = buildResponse({ ...s.spec, signAssertion: false }).xml;
    const doubled = unsigned.replace(/(<saml:Attribute Name="urn:etoegang:core:ServiceID">[\s\S]*?<\/saml:Attribute>)/, '$1$1');
    await expectRefused(t, resign(doubled, s.spec.brokerKeys), s.relayState, 'saml_invalid', 'attribute_duplicate');
  });

  it('refuses a NameID value with a nested NameID inside (S36)', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, plainPseudonymXml: 'S-outer<saml:NameID>S-inner</saml:NameID>' });
    await expectRefused(t, xml, s.relayState, 'saml_invalid', 'attribute_invalid');
  });

  it('refuses an Assertion in another namespace under the SAML prefix (X06)', async () => {
    const s = await startAt(t);
    const unsigned = buildResponse({ ...s.spec, signAssertion: false }).xml.replace(
      '<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"',
      '<saml:Assertion xmlns:saml="urn:evil:not-saml"',
    );
    await expectRefused(t, resign(unsigned, s.spec.brokerKeys), s.relayState, 'saml_invalid', 'no_assertion');
  });

  it('refuses a signature whose ds prefix is redeclared to another namespace: the assertion counts as unsigned (X06)', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec });
    const redeclared = xml.replace('<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#">', '<ds:Signature xmlns:ds="urn:evil:not-dsig">');
    expect(redeclared).not.toBe(xml);
    await expectRefused(t, redeclared, s.relayState, 'saml_invalid', 'signature_invalid');
  });

  it('refuses a lookalike Signature in a default namespace that is not XML-DSig (X06)', async () => {
    const s = await startAt(t);
    const unsigned = buildResponse({ ...s.spec, signAssertion: false }).xml;
    const signed = resign(unsigned, s.spec.brokerKeys).replace('<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#">', '<Signature xmlns="urn:evil:not-dsig" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">').replace('</ds:Signature>', '</Signature>');
    await expectRefused(t, signed, s.relayState, 'saml_invalid', 'signature_invalid');
  });

  it('reads elements by namespace, not by prefix: a signed Attribute whose saml prefix is redeclared is not the ActingSubjectID (X06)', async () => {
    const s = await startAt(t);
    const unsigned = buildResponse({ ...s.spec, signAssertion: false }).xml.replace(
      '<saml:Attribute Name="urn:etoegang:core:ActingSubjectID">',
      '<saml:Attribute xmlns:saml="urn:evil:not-saml" Name="urn:etoegang:core:ActingSubjectID">',
    );
    await expectRefused(t, resign(unsigned, s.spec.brokerKeys), s.relayState, 'saml_invalid', 'acting_subject_missing');
  });

  it('accepts a genuine signature in the XML-DSig default namespace and SAML under other prefixes, read by namespace (X06)', async () => {
    const s = await startAt(t);
    const unsigned = buildResponse({ ...s.spec, signAssertion: false, pseudonym: 'S-other-prefixes' })
      .xml.replace(/<(\/?)saml:/g, '<$1a:')
      .replace('xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID=', 'xmlns:a="urn:oasis:names:tc:SAML:2.0:assertion" ID=')
      .replace(/<a:Assertion xmlns:saml=/, '<a:Assertion xmlns:a=');
    const assertion = /<a:Assertion[\s\S]*<\/a:Assertion>/.exec(unsigned)![0];
    const signed = unsigned.replace(assertion, sign(assertion, 'Assertion', s.spec.brokerKeys, { prefix: '' }));
    expect(signed).toContain('<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">');
    expect((await postToAcs(t, signed, s.relayState)).headers.get('location')).toBe('/mijn');
    expect(await t.db.db.select().from(identities).where(eq(identities.subject, 'S-other-prefixes'))).toHaveLength(1);
  });

  it('refuses a signature with an XPath or XSLT transform (X07)', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec });
    const hostile = xml.replace(
      '<ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>',
      '<ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xslt-19991116"/>',
    );
    await expectRefused(t, hostile, s.relayState, 'saml_invalid', 'weak_algorithm');
  });

  for (const [name, algorithm] of [
    ['an XPath', 'http://www.w3.org/TR/1999/REC-xpath-19991116'],
    ['an XPath Filter 2.0', 'http://www.w3.org/2002/06/xmldsig-filter2'],
  ]) {
    it(`refuses a signature with ${name} transform (X07)`, async () => {
      const s = await startAt(t);
      const { xml } = buildResponse({ ...s.spec });
      const hostile = xml.replace('<ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>', `<ds:Transform Algorithm="${algorithm}"><ds:XPath>not(ancestor-or-self::ds:Signature)</ds:XPath></ds:Transform>`);
      await expectRefused(t, hostile, s.relayState, 'saml_invalid', 'weak_algorithm');
    });
  }

  for (const [name, algorithm] of [
    ['exclusive c14n with comments', 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments'],
    ['inclusive c14n with comments', 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments'],
  ]) {
    it(`refuses a valid signature whose SignedInfo is canonicalised as ${name} (X07)`, async () => {
      const s = await startAt(t);
      const unsigned = buildResponse({ ...s.spec, signAssertion: false, pseudonym: 'S-c14n-comments' }).xml;
      const signed = unsigned.replace(/<saml:Assertion[\s\S]*<\/saml:Assertion>/, (a) => sign(a, 'Assertion', s.spec.brokerKeys, { canonicalization: algorithm }));
      expect(signed).toContain(`<ds:CanonicalizationMethod Algorithm="${algorithm}"`);
      await expectRefused(t, signed, s.relayState, 'saml_invalid', 'weak_algorithm');
      expect(await t.db.db.select().from(identities).where(eq(identities.subject, 'S-c14n-comments'))).toHaveLength(0);
    });
  }

  it('refuses a valid signature with more than two transforms (X07)', async () => {
    const s = await startAt(t);
    const unsigned = buildResponse({ ...s.spec, signAssertion: false, pseudonym: 'S-three-transforms' }).xml;
    const three = [ENVELOPED, EXC_C14N, EXC_C14N];
    const signed = unsigned.replace(/<saml:Assertion[\s\S]*<\/saml:Assertion>/, (a) => sign(a, 'Assertion', s.spec.brokerKeys, { transforms: three }));
    expect(signed.match(/<ds:Transform /g)).toHaveLength(3);
    await expectRefused(t, signed, s.relayState, 'saml_invalid', 'signature_transforms');
    expect(await t.db.db.select().from(identities).where(eq(identities.subject, 'S-three-transforms'))).toHaveLength(0);
  });
});

describe('encrypted identifiers (S33)', () => {
  it('refuses RSA PKCS#1 v1.5 key transport as a weak algorithm, before decrypting anything', async () => {
    const s = await startAt(t);
    const unsigned = buildResponse({ ...s.spec, signAssertion: false }).xml.replaceAll(
      'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p',
      'http://www.w3.org/2001/04/xmlenc#rsa-1_5',
    );
    const signed = unsigned.replace(/<saml:Assertion[\s\S]*<\/saml:Assertion>/, (a) => sign(a, 'Assertion', s.spec.brokerKeys));
    await expectRefused(t, signed, s.relayState, 'saml_invalid', 'weak_algorithm');
  });

  it('refuses an EncryptedID whose ciphertext was altered, with the same error as any undecryptable one', async () => {
    const s = await startAt(t);
    // Flipping the ciphertext after signing is caught by the signature; here the broker itself
    // signed a broken EncryptedID: what counts is the uniform refusal.
    const broken = buildResponse({ ...s.spec, signAssertion: false }).xml.replace(/(<xenc:EncryptedData[\s\S]*?<xenc:CipherValue>)(....)/, '$1AAAA');
    const signedBroken = broken.replace(/<saml:Assertion[\s\S]*<\/saml:Assertion>/, (a) => sign(a, 'Assertion', s.spec.brokerKeys));
    await expectRefused(t, signedBroken, s.relayState, 'saml_invalid', 'encrypted_id_undecryptable');
  });

  it('refuses an EncryptedID addressed to another recipient only', async () => {
    const s = await startAt(t);
    const unsigned = buildResponse({ ...s.spec, signAssertion: false }).xml.replaceAll(`Recipient="${s.spec.sp.entityId}"`, 'Recipient="urn:someone:else"');
    const signed = unsigned.replace(/<saml:Assertion[\s\S]*<\/saml:Assertion>/, (a) => sign(a, 'Assertion', s.spec.brokerKeys));
    await expectRefused(t, signed, s.relayState, 'saml_invalid', 'encrypted_id_undecryptable');
  });
});
