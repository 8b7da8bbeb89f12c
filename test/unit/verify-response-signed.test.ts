// readEnvelope and verifyAssertion (verify-response.ts), with eHerkenning's profile on top
// (eherkenning-response.ts), over real Responses, with no database and no
// server: assertions signed with a broker's key by xml-crypto, identifiers encrypted the way the
// brokers do, EncryptedAssertions made by xmlsec1, all verified by the real node-saml. Every
// refusal names its reason code. These are the tests the mutation run of verify-response.ts uses
// (test/mutation/vitest.saml-response.config.ts): a mutant costs milliseconds here, where the ACS
// suites cost seconds. The ACS suites (test/saml) still prove the same rules end to end.
import { describe, expect, it } from 'vitest';
import type { Localized } from '../../contract/locales.js';
import type { BrokerEndpoints } from '../../bff/src/saml/broker-metadata.js';
import { SamlError } from '../../bff/src/saml/saml-error.js';
import type { SpContext } from '../../bff/src/saml/sp-context.js';
import { verifyEherkenningResponse, type EherkenningVerifyOptions, type VerifiedLogin } from '../../bff/src/saml/eherkenning-response.js';
import { readEnvelope, verifyAssertion } from '../../bff/src/saml/verify-response.js';
import { encryptId } from '../../bff/src/eherkenning/dev-brokers/encrypt-id.js';
import { cachedKeyPair } from '../support/cached-key-pairs.js';
import { XMLENC, xmlsecEncrypt } from '../saml/peers/xml-tools.js';
import { buildResponse, DEMO_SERVICE_ID, sign, type ResponseSpec } from '../saml/response-builder.js';

const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const STATUS = 'urn:oasis:names:tc:SAML:2.0:status:';
const ACS = 'https://poort.example.nl/poort/auth/eherkenning/acs';
const BROKER = 'urn:etoegang:HM:00000003999999990000:entities:9001';
const REQUEST = '_request-1';
const KVK = 'urn:etoegang:1.9:EntityConcernedID:KvKnr';
const EIDAS_LEGAL = 'urn:etoegang:1.11:EntityConcernedID:eIDASLegalIdentifier';
const EIDAS_SERVICE = 'urn:etoegang:DV:00000001234567890000:services:2';
const name: Localized = { nl: 'Voorbeeld', 'nl-BE': 'Voorbeeld', en: 'Example' };

const brokerKeys = cachedKeyPair('broker-signing');
const attackerKeys = cachedKeyPair('attacker-signing');
const spSigning = cachedKeyPair('sp-signing');
const spEncryption = cachedKeyPair('sp-encryption');
const spNextEncryption = cachedKeyPair('sp-encryption-next');
const strangerEncryption = cachedKeyPair('stranger-encryption');

const eidasService = { serviceId: EIDAS_SERVICE, serviceUuid: '22222222-2222-4222-8222-222222222222', serviceName: name, attributeConsumingServiceIndex: 2 };
const sp: SpContext = {
  entityId: 'urn:etoegang:DV:00000001234567890000:entities:0001',
  acsUrl: ACS,
  serviceId: DEMO_SERVICE_ID,
  serviceUuid: '11111111-1111-4111-8111-111111111111',
  serviceName: name,
  attributeConsumingServiceIndex: 1,
  keys: { signing: spSigning, encryption: spEncryption, additionalEncryption: [{ ...spNextEncryption, publish: true }] },
  eidas: eidasService,
};
/** The same SP without the eIDAS service. */
const { eidas: _eidas, ...spWithoutEidas } = sp;
const broker: BrokerEndpoints = { entityId: BROKER, ssoUrl: 'https://broker.example/sso', artifactResolution: [], signingCerts: [brokerKeys.cert] };
const SKEW = 60_000;

const spec = (more: Partial<ResponseSpec> = {}): ResponseSpec => ({
  brokerEntityId: BROKER,
  brokerKeys,
  sp: { entityId: sp.entityId, acsUrl: ACS, encryptionCert: spEncryption.cert },
  inResponseTo: REQUEST,
  signAssertion: true,
  ...more,
});
const response = (more: Partial<ResponseSpec> = {}) => buildResponse(spec(more)).xml;

/** A Response whose unsigned assertion was edited by `edit`, then signed with the broker's key. */
function editedAssertion(edit: (xml: string) => string, more: Partial<ResponseSpec> = {}): string {
  const unsigned = response({ ...more, signAssertion: false });
  const edited = edit(unsigned);
  expect(edited).not.toBe(unsigned);
  return sign(edited, 'Assertion', brokerKeys);
}

/** Replaces `from` (which must occur) by `to`. */
function replaced(xml: string, from: string | RegExp, to: string): string {
  const out = xml.replace(from, to);
  expect(out).not.toBe(xml);
  return out;
}

const verify = (xml: string, options: Partial<EherkenningVerifyOptions> = {}): Promise<VerifiedLogin> =>
  verifyEherkenningResponse(readEnvelope(xml), { sp, broker, clockSkewMs: SKEW, ...options });

/** The refusal: reason and outcome of the SamlError; anything else (acceptance, another error) fails the test. */
async function refusal(xml: string, options: Partial<EherkenningVerifyOptions> = {}): Promise<{ reason: string; outcome: string }> {
  let error: unknown;
  try {
    await verify(xml, options);
  } catch (e) {
    error = e;
  }
  if (!(error instanceof SamlError)) throw new Error(`expected a SamlError, got ${error === undefined ? 'an accepted login' : String(error)}`);
  return { reason: error.reason, outcome: error.outcome };
}
const reasonOf = async (xml: string, options: Partial<EherkenningVerifyOptions> = {}) => (await refusal(xml, options)).reason;
const envelopeReason = (xml: string) => {
  try {
    readEnvelope(xml);
    return 'accepted';
  } catch (error) {
    return error instanceof SamlError ? error.reason : String(error);
  }
};

/** An EncryptedAssertion made by xmlsec1 (AES-256-CBC, RSA-OAEP) around `inner`, for `cert`. */
const encryptedBy = (cert: string, recipient = sp.entityId, element = 'Assertion') => (inner: string) =>
  xmlsecEncrypt(`<saml:EncryptedAssertion xmlns:saml="${SAML}">${inner}</saml:EncryptedAssertion>`, `${SAML}:${element}`, {
    data: XMLENC.aes256cbc,
    key: XMLENC.rsaOaepMgf1p,
    oaepDigestWrittenOut: false,
    recipientCertPem: cert,
    recipient,
  });

describe('a genuine answer', () => {
  it('gives exactly what the signed assertion says (the control case)', async () => {
    const notOnOrAfter = new Date(Date.now() + 4 * 60_000);
    const built = buildResponse(spec({ pseudonym: 'S-control', kvk: '90004321', notOnOrAfter }));
    // Strict: a property set to undefined (no AuthenticatingAuthority) would be a different answer.
    expect(await verify(built.xml)).toStrictEqual({
      id: built.responseId,
      inResponseTo: REQUEST,
      assertionId: built.assertionId,
      level: 'loa3',
      identity: { subject: 'S-control', subjectQualifier: 'urn:etoegang:1.9:EntityConcernedID:Pseudo', legalSubject: { kind: 'kvk', value: '90004321' }, vestigingsnummers: [], serviceId: DEMO_SERVICE_ID },
      notOnOrAfter,
    });
  });

  it('gives what the verified assertion says to the profile, nothing set to undefined', async () => {
    const built = buildResponse(spec({ plainPseudonymXml: 'S-plain', serviceId: null }));
    const verified = await verifyAssertion(readEnvelope(built.xml), { sp, broker, clockSkewMs: SKEW });
    expect(verified).not.toHaveProperty('authenticatingAuthority');
    expect(verified).toMatchObject({ id: built.responseId, inResponseTo: REQUEST, assertionId: built.assertionId, authnContextClassRef: 'urn:etoegang:core:assurance-class:loa3' });
    expect(verified.attributes.get('urn:etoegang:core:ActingSubjectID')).toStrictEqual([{ value: 'S-plain', nameQualifier: 'urn:etoegang:1.9:EntityConcernedID:Pseudo' }]);
  });

  it('names the AuthenticatingAuthority when the assertion has one', async () => {
    const login = await verify(response({ authority: 'urn:etoegang:AD:00000004000000000000:entities:1' }));
    expect(login.authenticatingAuthority).toBe('urn:etoegang:AD:00000004000000000000:entities:1');
  });

  it('reads the level the assertion names, also as an eIDAS URI', async () => {
    expect((await verify(response({ level: 'loa2plus' }))).level).toBe('loa2plus');
    const eidasLevel = editedAssertion((a) => replaced(a, 'urn:etoegang:core:assurance-class:loa3', 'http://eidas.europa.eu/LoA/high'));
    expect((await verify(eidasLevel)).level).toBe('loa4');
  });

  it('accepts a Response without an Issuer of its own (only the assertion must name the broker)', async () => {
    const xml = replaced(response(), `<saml:Issuer>${BROKER}</saml:Issuer><samlp:Status>`, '<samlp:Status>');
    expect((await verify(xml)).inResponseTo).toBe(REQUEST);
  });

  it('accepts an assertion signed inside a Response that is signed too', async () => {
    expect((await verify(response({ signResponse: true }))).inResponseTo).toBe(REQUEST);
  });
});

describe('readEnvelope', () => {
  it('gives the id, the request answered, the status and the parsed document', () => {
    const built = buildResponse(spec());
    const envelope = readEnvelope(built.xml);
    expect(envelope).toMatchObject({ xml: built.xml, id: built.responseId, inResponseTo: REQUEST, status: `${STATUS}Success` });
    expect(envelope).not.toHaveProperty('subStatus');
    expect(envelope.root.localName).toBe('Response');
  });

  it('gives the second-level status of an error Response', () => {
    const envelope = readEnvelope(response({ status: { top: `${STATUS}Responder`, second: `${STATUS}AuthnFailed` } }));
    expect(envelope).toMatchObject({ status: `${STATUS}Responder`, subStatus: `${STATUS}AuthnFailed` });
  });

  it('refuses what is not a SAML Response: another element, or a Response of another namespace', () => {
    const xml = response();
    expect(envelopeReason(xml.replace(/samlp:Response/g, 'samlp:ArtifactResponse'))).toBe('not_a_response');
    expect(envelopeReason(xml.replace('xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"', 'xmlns:samlp="urn:example:other"'))).toBe('not_a_response');
  });

  it('refuses a misplaced assertion, a weak signature algorithm and a weak encryption algorithm before anything is verified', () => {
    const xml = response();
    const assertion = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(xml)![0];
    expect(envelopeReason(replaced(xml, assertion, `<samlp:Extensions>${assertion}</samlp:Extensions>`))).toBe('assertion_misplaced');
    expect(envelopeReason(response({ weak: true }))).toBe('weak_algorithm');
    expect(envelopeReason(replaced(xml, `${XMLENC.aes256cbc}"`, `${XMLENC.tripledes}"`))).toBe('weak_algorithm');
  });

  it('refuses a Response without an ID or without InResponseTo (unsolicited)', () => {
    const xml = response();
    expect(envelopeReason(xml.replace(/ ID="[^"]+" Version="2.0" IssueInstant="[^"]+" Destination/, ' Version="2.0" Destination'))).toBe('response_no_id');
    expect(envelopeReason(response({ responseId: '' }))).toBe('response_no_id');
    expect(envelopeReason(response({ inResponseTo: null }))).toBe('unsolicited');
  });

  it('refuses a Response without exactly one readable status', () => {
    const xml = response();
    const status = `<samlp:Status><samlp:StatusCode Value="${STATUS}Success"></samlp:StatusCode></samlp:Status>`;
    expect(xml).toContain(status);
    expect(envelopeReason(xml.replace(status, ''))).toBe('response_no_status');
    expect(envelopeReason(xml.replace(status, `${status}${status}`))).toBe('response_no_status');
    expect(envelopeReason(xml.replace(status, '<samlp:Status></samlp:Status>'))).toBe('response_no_status');
    expect(envelopeReason(xml.replace(status, `<samlp:Status><samlp:StatusCode Value="${STATUS}Success"/><samlp:StatusCode Value="${STATUS}Success"/></samlp:Status>`))).toBe(
      'response_no_status',
    );
    expect(envelopeReason(xml.replace(status, '<samlp:Status><samlp:StatusCode/></samlp:Status>'))).toBe('response_no_status');
  });
});

describe('the envelope: Destination, Issuer, status', () => {
  const error = (more: Partial<ResponseSpec> = {}) => response({ status: { top: `${STATUS}Responder`, second: `${STATUS}AuthnFailed` }, ...more });
  const withoutDestination = (xml: string) => replaced(xml, / Destination="[^"]+"/, '');

  it('refuses a success for another ACS, or naming none', async () => {
    expect(await reasonOf(response({ destination: 'https://elders.example.nl/acs' }))).toBe('destination_mismatch');
    expect(await reasonOf(withoutDestination(response()))).toBe('destination_mismatch');
  });

  it('lets an error Response leave Destination out, but refuses one that names another ACS', async () => {
    expect(await refusal(withoutDestination(error()))).toEqual({ reason: 'status_AuthnFailed', outcome: 'cancelled' });
    expect(await refusal(error())).toEqual({ reason: 'status_AuthnFailed', outcome: 'cancelled' });
    expect(await reasonOf(error({ destination: 'https://elders.example.nl/acs' }))).toBe('destination_mismatch');
  });

  it('refuses a Response from another issuer, or naming two', async () => {
    expect(await reasonOf(response({ issuer: 'urn:etoegang:HM:other:entities:1' }))).toBe('issuer_mismatch');
    expect(await reasonOf(error({ issuer: 'urn:etoegang:HM:other:entities:1' }))).toBe('issuer_mismatch');
    const one = `<saml:Issuer>${BROKER}</saml:Issuer>`;
    expect(await reasonOf(replaced(response(), `${one}<samlp:Status>`, `${one}${one}<samlp:Status>`))).toBe('issuer_mismatch');
  });

  it('names the top-level status of an error Response without a second one', async () => {
    expect(await refusal(response({ status: { top: `${STATUS}Requester` } }))).toEqual({ reason: 'status_Requester', outcome: 'saml_invalid' });
  });
});

describe('the assertion', () => {
  it('refuses a success without an assertion', async () => {
    const xml = response();
    expect(await reasonOf(replaced(xml, /<saml:Assertion[\s\S]*<\/saml:Assertion>/, ''))).toBe('no_assertion');
  });

  it('refuses an assertion that is unsigned, signed by another key, or changed after signing', async () => {
    expect(await reasonOf(response({ signAssertion: false }))).toBe('signature_invalid');
    expect(await reasonOf(response({ brokerKeys: attackerKeys }))).toBe('signature_invalid');
    expect(await reasonOf(replaced(response(), 'assurance-class:loa3', 'assurance-class:loa4'))).toBe('signature_invalid');
  });

  it('refuses an unsigned assertion in a signed Response: the assertion itself must be signed', async () => {
    // A broker object of its own: node-saml is made (not taken from the cache) for this test alone.
    expect(await reasonOf(response({ signAssertion: false, signResponse: true }), { broker: { ...broker } })).toBe('signature_invalid');
  });

  it('refuses an assertion of another issuer, though signed with the broker key', async () => {
    expect(await reasonOf(response({ assertionIssuer: 'urn:etoegang:HM:other:entities:1' }))).toBe('issuer_mismatch');
  });

  it('refuses an assertion for another audience', async () => {
    expect(await reasonOf(response({ audience: 'urn:etoegang:DV:other:entities:1' }))).toBe('audience_mismatch');
  });

  it('refuses an assertion that is not yet valid or no longer valid, beyond the clock skew', async () => {
    const now = Date.now();
    expect(await reasonOf(response({ notBefore: new Date(now + SKEW + 60_000) }))).toBe('not_yet_valid');
    expect(await reasonOf(response({ notOnOrAfter: new Date(now - SKEW - 60_000) }))).toBe('expired');
    expect(await reasonOf(editedAssertion((a) => replaced(a, /<saml:Conditions NotBefore="[^"]+"/, '<saml:Conditions NotBefore="soon"')))).toBe('not_yet_valid');
    expect(await reasonOf(editedAssertion((a) => a.replace(/NotOnOrAfter="[^"]+"/g, 'NotOnOrAfter="later"')))).toBe('expired');
  });

  it('holds its own time check to the time it is given', async () => {
    const notOnOrAfter = new Date(Date.now() + 4 * 60_000);
    const xml = response({ notOnOrAfter });
    expect(await reasonOf(xml, { now: new Date(notOnOrAfter.getTime() + SKEW) })).toBe('expired');
    expect((await verify(xml, { now: new Date(notOnOrAfter.getTime() + SKEW - 1) })).notOnOrAfter).toEqual(notOnOrAfter);
  });

  it('refuses what node-saml cannot process otherwise as response_invalid (two Conditions)', async () => {
    const conditions = /<saml:Conditions[\s\S]*<\/saml:Conditions>/;
    expect(await reasonOf(editedAssertion((a) => a.replace(conditions, (c) => `${c}${c}`)))).toBe('response_invalid');
  });

  it('refuses a SubjectConfirmation for another ACS or another request', async () => {
    expect(await reasonOf(response({ recipient: 'https://elders.example.nl/acs' }))).toBe('recipient_mismatch');
    const other = replaced(response({ inResponseTo: '_another-request' }), 'InResponseTo="_another-request">', `InResponseTo="${REQUEST}">`);
    expect(await reasonOf(other)).toBe('in_response_to_mismatch');
  });
});

describe('an EncryptedAssertion', () => {
  it('is opened with the active key or with a key of a rollover, and gives the same login', async () => {
    const active = response({ pseudonym: 'S-enc-active', encryptAssertion: encryptedBy(spEncryption.cert) });
    expect(active).not.toContain('<saml:Assertion');
    expect((await verify(active)).identity.subject).toBe('S-enc-active');
    const next = response({ pseudonym: 'S-enc-next', encryptAssertion: encryptedBy(spNextEncryption.cert) });
    expect((await verify(next)).identity.subject).toBe('S-enc-next');
    expect((await verify(active)).identity.subject).toBe('S-enc-active');
  });

  it('is refused when none of our keys opens it, or when it holds no assertion', async () => {
    expect(await reasonOf(response({ encryptAssertion: encryptedBy(strangerEncryption.cert) }))).toBe('decryption_failed');
    const advice = (signed: string) => encryptedBy(spEncryption.cert, sp.entityId, 'Advice')(`<saml:Advice>${signed}</saml:Advice>`);
    expect(await reasonOf(response({ encryptAssertion: advice }))).toBe('decryption_failed');
  });

  it('is refused as response_invalid when its EncryptedKey stands beside the EncryptedData: Poort opens it, node-saml does not', async () => {
    // SAML core allows the EncryptedKey there; node-saml (xml-encryption) reads it only inside KeyInfo.
    const beside = (signed: string) =>
      encryptId(signed, [{ entityId: sp.entityId, cert: spEncryption.cert }]).replace(/saml:EncryptedID>/g, 'saml:EncryptedAssertion>').replace('<saml:EncryptedID ', '<saml:EncryptedAssertion ');
    const xml = response({ encryptAssertion: beside });
    expect(xml).toContain('</xenc:EncryptedData><xenc:EncryptedKey');
    expect(await reasonOf(xml)).toBe('response_invalid');
  });

  it('is held to the signature rules inside', async () => {
    const weak = (unsigned: string) => encryptedBy(spEncryption.cert)(sign(unsigned, 'Assertion', brokerKeys, { weak: true }));
    expect(await reasonOf(response({ signAssertion: false, encryptAssertion: weak }))).toBe('weak_algorithm');
  });
});

describe('one node-saml per broker, SP, clock skew and decryption key', () => {
  it('does not reuse the checks made for another SP', async () => {
    const otherSp: SpContext = { ...sp, entityId: 'urn:etoegang:DV:00000009999999990000:entities:0002' };
    expect((await verify(response())).inResponseTo).toBe(REQUEST);
    const forOther = buildResponse({ ...spec(), sp: { entityId: otherSp.entityId, acsUrl: ACS, encryptionCert: spEncryption.cert } }).xml;
    expect((await verify(forOther, { sp: otherSp })).inResponseTo).toBe(REQUEST);
    expect(await reasonOf(forOther)).toBe('audience_mismatch');
  });

  it('does not reuse the clock skew of another verification', async () => {
    const early = response({ notBefore: new Date(Date.now() + 30_000) });
    expect((await verify(early, { clockSkewMs: SKEW })).inResponseTo).toBe(REQUEST);
    expect(await reasonOf(early, { clockSkewMs: 0 })).toBe('not_yet_valid');
  });
});

describe('level', () => {
  it('refuses an unknown level, or none', async () => {
    expect(await reasonOf(response({ level: 'loa9' }))).toBe('level_unknown');
    expect(await reasonOf(editedAssertion((a) => replaced(a, /<saml:AuthnContextClassRef>[^<]+<\/saml:AuthnContextClassRef>/, '')))).toBe('level_unknown');
    expect(await reasonOf(editedAssertion((a) => replaced(a, /<saml:AuthnContext>[\s\S]*<\/saml:AuthnContext>/, '')))).toBe('level_unknown');
    const nested = editedAssertion((a) => replaced(a, 'urn:etoegang:core:assurance-class:loa3<', 'urn:etoegang:core:assurance-class:loa3<saml:Extra/><'));
    expect(await reasonOf(nested)).toBe('level_unknown');
  });

  it('refuses an assertion without exactly one AuthnStatement', async () => {
    const statement = /<saml:AuthnStatement[\s\S]*<\/saml:AuthnStatement>/;
    expect(await reasonOf(editedAssertion((a) => replaced(a, statement, '')))).toBe('authn_statement_invalid');
    expect(await reasonOf(editedAssertion((a) => a.replace(statement, (s) => `${s}${s}`)))).toBe('authn_statement_invalid');
  });
});

describe('attributes', () => {
  const attribute = (nameAttr: string, values: string) => `<saml:Attribute ${nameAttr}>${values}</saml:Attribute>`;
  const withAttributes = (xml: string, more: Partial<ResponseSpec> = {}) => response({ attributesXml: xml, ...more });

  it('refuses an attribute without a Name, or one given twice', async () => {
    // (An Attribute with no XML attributes at all is refused by node-saml first, as response_invalid.)
    expect(await reasonOf(withAttributes(attribute('NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri"', '<saml:AttributeValue>x</saml:AttributeValue>')))).toBe('attribute_invalid');
    expect(await reasonOf(withAttributes(attribute('Name=""', '<saml:AttributeValue>x</saml:AttributeValue>')))).toBe('attribute_invalid');
    const twice = attribute(`Name="urn:etoegang:1.9:ServiceRestriction:Vestigingsnr"`, '<saml:AttributeValue>000012345678</saml:AttributeValue>');
    expect(await reasonOf(withAttributes(twice + twice))).toBe('attribute_duplicate');
  });

  it('reads plain values, and every value of an attribute', async () => {
    const vestigingen = attribute('Name="urn:etoegang:1.9:ServiceRestriction:Vestigingsnr"', '<saml:AttributeValue> 000012345678 </saml:AttributeValue><saml:AttributeValue>000087654321</saml:AttributeValue>');
    expect((await verify(withAttributes(vestigingen))).identity.vestigingsnummers).toEqual(['000012345678', '000087654321']);
  });

  it('reads the attributes of every AttributeStatement of the assertion', async () => {
    const second = `<saml:AttributeStatement>${attribute('Name="urn:etoegang:1.9:ServiceRestriction:Vestigingsnr"', '<saml:AttributeValue>000012345678</saml:AttributeValue>')}</saml:AttributeStatement>`;
    const xml = editedAssertion((a) => replaced(a, '</saml:AttributeStatement>', `</saml:AttributeStatement>${second}`));
    expect((await verify(xml)).identity.vestigingsnummers).toEqual(['000012345678']);
  });

  it('reads a plain NameID value with its NameQualifier, and without one', async () => {
    const plain = await verify(response({ plainPseudonymXml: 'S-plain' }));
    expect(plain.identity).toMatchObject({ subject: 'S-plain', subjectQualifier: 'urn:etoegang:1.9:EntityConcernedID:Pseudo' });
    const unqualified = editedAssertion((a) => replaced(a, '<saml:NameID NameQualifier="urn:etoegang:1.9:EntityConcernedID:Pseudo">S-bare', '<saml:NameID>S-bare'), { plainPseudonymXml: 'S-bare' });
    const bare = await verify(unqualified);
    expect(bare.identity.subject).toBe('S-bare');
    expect(bare.identity).not.toHaveProperty('subjectQualifier');
  });

  it('refuses an empty NameID, a value with two elements or with an element of another kind', async () => {
    expect(await reasonOf(editedAssertion((a) => replaced(a, '>S-empty<', '><'), { plainPseudonymXml: 'S-empty' }))).toBe('attribute_invalid');
    expect(await reasonOf(response({ plainPseudonymXml: 'S-x<saml:Extra/>' }))).toBe('attribute_invalid');
    const two = attribute('Name="urn:example:two"', `<saml:AttributeValue><saml:NameID>a</saml:NameID><saml:NameID>b</saml:NameID></saml:AttributeValue>`);
    expect(await reasonOf(withAttributes(two))).toBe('attribute_invalid');
    const other = attribute('Name="urn:example:other"', `<saml:AttributeValue><saml:Other>a</saml:Other></saml:AttributeValue>`);
    expect(await reasonOf(withAttributes(other))).toBe('attribute_invalid');
    const foreign = attribute('Name="urn:example:foreign"', `<saml:AttributeValue><x:NameID xmlns:x="urn:example:ns">a</x:NameID></saml:AttributeValue>`);
    expect(await reasonOf(withAttributes(foreign))).toBe('attribute_invalid');
    const foreignEncrypted = attribute('Name="urn:example:foreign"', `<saml:AttributeValue><x:EncryptedID xmlns:x="urn:example:ns">a</x:EncryptedID></saml:AttributeValue>`);
    expect(await reasonOf(withAttributes(foreignEncrypted))).toBe('attribute_invalid');
  });

  it('refuses an EncryptedID that none of our keys opens', async () => {
    const xml = response({ sp: { entityId: sp.entityId, acsUrl: ACS, encryptionCert: strangerEncryption.cert } });
    expect(await reasonOf(xml)).toBe('encrypted_id_undecryptable');
  });

  it('refuses an answer without the acting person', async () => {
    const xml = editedAssertion((a) => replaced(a, /<saml:Attribute Name="urn:etoegang:core:ActingSubjectID">[\s\S]*?<\/saml:Attribute>/, ''));
    expect(await reasonOf(xml)).toBe('acting_subject_missing');
  });
});

describe('the service the answer is for', () => {
  const eidasAnswer = (more: Partial<ResponseSpec> = {}) =>
    response({ serviceId: EIDAS_SERVICE, serviceUuid: eidasService.serviceUuid, legal: { value: 'FR/NL/552100554', qualifier: EIDAS_LEGAL }, ...more });

  it('accepts an eIDAS answer to an eIDAS login, with the identifiers of that service', async () => {
    const login = await verify(eidasAnswer(), { service: 'eidas' });
    expect(login.identity).toMatchObject({ serviceId: EIDAS_SERVICE, legalSubject: { kind: 'eidas', value: 'FR/NL/552100554' } });
  });

  it('refuses identifiers of the other service: a KvK number in an eIDAS answer', async () => {
    expect(await reasonOf(eidasAnswer({ legal: { value: '90001234', qualifier: KVK } }), { service: 'eidas' })).toBe('legal_subject_unknown_kind');
  });

  it('refuses an eIDAS login where the site offers no eIDAS', async () => {
    expect(await reasonOf(eidasAnswer(), { service: 'eidas', sp: spWithoutEidas })).toBe('service_not_offered');
  });

  it('refuses an answer for our other service as not requested, either way round', async () => {
    expect(await refusal(eidasAnswer())).toEqual({ reason: 'service_not_requested', outcome: 'service_mismatch' });
    expect(await refusal(response(), { service: 'eidas' })).toEqual({ reason: 'service_not_requested', outcome: 'service_mismatch' });
  });

  it('refuses an answer for someone else’s service, with or without an eIDAS service of ours', async () => {
    const foreign = response({ serviceId: 'urn:etoegang:DV:00000007777777770000:services:1' });
    expect(await refusal(foreign)).toEqual({ reason: 'service_mismatch', outcome: 'service_mismatch' });
    expect(await refusal(foreign, { sp: spWithoutEidas })).toEqual({ reason: 'service_mismatch', outcome: 'service_mismatch' });
    const foreignUuidOnly = response({ serviceId: null, serviceUuid: '33333333-3333-4333-8333-333333333333' });
    expect(await refusal(foreignUuidOnly, { sp: spWithoutEidas })).toEqual({ reason: 'service_mismatch', outcome: 'service_mismatch' });
  });

  it('refuses an answer naming its service twice, before looking at its identifiers', async () => {
    const twice = `<saml:Attribute Name="urn:etoegang:core:ServiceID"><saml:AttributeValue>${DEMO_SERVICE_ID}</saml:AttributeValue><saml:AttributeValue>${DEMO_SERVICE_ID}</saml:AttributeValue></saml:Attribute>`;
    expect(await reasonOf(response({ serviceId: null, attributesXml: twice }))).toBe('service_multiple');
    expect(await reasonOf(response({ serviceId: null, attributesXml: twice, legal: { value: 'FR/NL/552100554', qualifier: EIDAS_LEGAL } }))).toBe('service_multiple');
  });
});
