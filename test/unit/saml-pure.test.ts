// The pure pieces of the eHerkenning SP: RelayState, attribute mapping,
// status mapping, the depth guard.
import { describe, expect, it } from 'vitest';
import { isForOurService, legalSubjectKind, mapEherkenningAttributes, outcomeForStatus, type AttributeValue } from '../../bff/src/saml/eherkenning-attributes.js';
import { isWellFormedRelayState, newRelayState } from '../../bff/src/saml/relay-state.js';
import { MAX_XML_DEPTH, xmlDepthExceeds } from '../../bff/src/saml/xml-guard.js';
import { pageLocale } from '../../bff/src/pages/page-texts.js';
import { assertionPlacementBreach } from '../../bff/src/saml/assertion-placement.js';
import { signatureRuleBreach } from '../../bff/src/saml/verify-signature.js';
import { oaepHashOf, onlyAllowedEncryption } from '../../bff/src/saml/xml-encryption-rules.js';
import { parseXmlStrict } from '../../bff/src/saml/xml-guard.js';
import { loginRedirectErrors } from '../../contract/redirect-errors.js';
import en from '../../widget/locales/en.json';
import nlBE from '../../widget/locales/nl-BE.json';
import nl from '../../widget/locales/nl.json';

describe('RelayState', () => {
  it('is 22 URL-safe characters of randomness, never a URL', () => {
    const a = newRelayState();
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newRelayState()).not.toBe(a);
    expect(isWellFormedRelayState(a)).toBe(true);
    expect(isWellFormedRelayState('https://evil.example')).toBe(false);
    expect(isWellFormedRelayState('x'.repeat(81))).toBe(false);
    expect(isWellFormedRelayState(undefined)).toBe(false);
  });
});

describe('eHerkenning attributes', () => {
  const attrs = (entries: [string, AttributeValue[]][]) => new Map(entries);
  it('keys on the ActingSubjectID and reads KvK or RSIN from the NameQualifier of LegalSubjectID', () => {
    expect(
      mapEherkenningAttributes(
        attrs([
          ['urn:etoegang:core:ActingSubjectID', [{ value: 'S1', nameQualifier: 'urn:etoegang:1.9:EntityConcernedID:Pseudo' }]],
          ['urn:etoegang:core:LegalSubjectID', [{ value: '812345678', nameQualifier: 'urn:etoegang:1.9:EntityConcernedID:RSIN' }]],
          ['urn:etoegang:1.9:ServiceRestriction:Vestigingsnr', [{ value: '1' }, { value: '2' }]],
          ['urn:etoegang:core:ServiceUUID', [{ value: 'u' }]],
        ]),
      ),
    ).toEqual({ subject: 'S1', subjectQualifier: 'urn:etoegang:1.9:EntityConcernedID:Pseudo', legalSubject: { kind: 'rsin', value: '812345678' }, vestigingsnummers: ['1', '2'], serviceUuid: 'u' });
  });
  it('refuses a missing or repeated ActingSubjectID and an unknown legal subject kind', () => {
    expect(mapEherkenningAttributes(attrs([]))).toEqual({ reason: 'acting_subject_missing' });
    expect(mapEherkenningAttributes(attrs([['urn:etoegang:core:ActingSubjectID', [{ value: 'a' }, { value: 'b' }]]]))).toEqual({ reason: 'acting_subject_multiple' });
    expect(
      mapEherkenningAttributes(
        attrs([
          ['urn:etoegang:core:ActingSubjectID', [{ value: 'a' }]],
          ['urn:etoegang:core:LegalSubjectID', [{ value: '1', nameQualifier: 'urn:etoegang:1.12:EntityConcernedID:BSN' }]],
        ]),
      ),
    ).toEqual({ reason: 'legal_subject_unknown_kind' });
  });
  it('keeps the represented company name for display when given once, tidied and capped, and never refuses a login over it', () => {
    const acting: [string, AttributeValue[]] = ['urn:etoegang:core:ActingSubjectID', [{ value: 'S1' }]];
    const name = (values: AttributeValue[]) => {
      const identity = mapEherkenningAttributes(attrs([acting, ['urn:etoegang:1.11:attribute-represented:CompanyName', values]]));
      return 'subject' in identity ? identity.companyName : identity.reason;
    };
    expect(name([{ value: '  Bakkerij De\n Korenschoof\u0000 B.V. ' }])).toBe('Bakkerij De Korenschoof B.V.');
    expect(name([{ value: 'É'.repeat(300) }])).toBe('É'.repeat(200));
    expect(name([{ value: 'A' }, { value: 'B' }])).toBeUndefined();
    expect(name([{ value: ' \t ' }])).toBeUndefined();
    expect(mapEherkenningAttributes(attrs([acting]))).toEqual({ subject: 'S1', vestigingsnummers: [] });
  });
  it('knows KvK and RSIN qualifiers of any version', () => {
    expect(legalSubjectKind('urn:etoegang:1.13:EntityConcernedID:KvKnr')).toBe('kvk');
    expect(legalSubjectKind('urn:etoegang:1.9:EntityConcernedID:RSIN')).toBe('rsin');
    expect(legalSubjectKind('urn:etoegang:1.9:IntermediateEntityID:KvKnr')).toBeUndefined();
  });
  it('maps broker status codes to what the user is told', () => {
    expect(outcomeForStatus('urn:oasis:names:tc:SAML:2.0:status:AuthnFailed')).toBe('cancelled');
    expect(outcomeForStatus('urn:oasis:names:tc:SAML:2.0:status:RequestDenied')).toBe('no_authorisation');
    expect(outcomeForStatus('urn:oasis:names:tc:SAML:2.0:status:NoAuthnContext')).toBe('level_too_low');
    expect(outcomeForStatus(undefined)).toBe('saml_invalid');
  });
});

describe('xml depth guard', () => {
  it('counts nesting without parsing', () => {
    expect(xmlDepthExceeds('<a><b/><c><d/></c></a>', 3)).toBe(false);
    expect(xmlDepthExceeds(`${'<x>'.repeat(MAX_XML_DEPTH + 1)}`, MAX_XML_DEPTH)).toBe(true);
    expect(xmlDepthExceeds('<?xml version="1.0"?><!-- c --><a/>', 1)).toBe(false);
  });
});

describe('page language', () => {
  it('prefers Flemish for nl-BE, Dutch for other nl, English for en, Dutch otherwise', () => {
    expect(pageLocale('nl-BE,nl;q=0.9')).toBe('nl-BE');
    expect(pageLocale('nl-NL')).toBe('nl');
    expect(pageLocale('en-GB,en')).toBe('en');
    expect(pageLocale('fr-FR')).toBe('nl');
    expect(pageLocale(undefined)).toBe('nl');
  });
});

const ns = `xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" xmlns:xenc11="http://www.w3.org/2009/xmlenc11#"`;
const root = (inner: string, tag = 'samlp:Response') => parseXmlStrict(`<${tag} ${ns}>${inner}</${tag}>`).documentElement!;
const XENC = 'http://www.w3.org/2001/04/xmlenc#';
const DSIG = 'http://www.w3.org/2000/09/xmldsig#';

describe('encryption algorithms, judged where they are used', () => {
  const keyMethod = (algorithm: string, children = '') => root(`<xenc:EncryptedKey><xenc:EncryptionMethod Algorithm="${algorithm}">${children}</xenc:EncryptionMethod></xenc:EncryptedKey>`, 'x').firstChild!.firstChild as Element;
  it.each([
    ['OAEP (mgf1p), digest implicit', `${XENC}rsa-oaep-mgf1p`, '', 'sha1'],
    ['OAEP (mgf1p), SHA-1 digest written out', `${XENC}rsa-oaep-mgf1p`, `<ds:DigestMethod Algorithm="${DSIG}sha1"/>`, 'sha1'],
    ['OAEP (mgf1p), SHA-256 digest', `${XENC}rsa-oaep-mgf1p`, `<ds:DigestMethod Algorithm="${XENC}sha256"/>`, 'sha256'],
    ['xmlenc11 OAEP with the matching MGF', 'http://www.w3.org/2009/xmlenc11#rsa-oaep', `<ds:DigestMethod Algorithm="${XENC}sha256"/><xenc11:MGF Algorithm="http://www.w3.org/2009/xmlenc11#mgf1sha256"/>`, 'sha256'],
    ['RSA PKCS#1 v1.5', `${XENC}rsa-1_5`, '', undefined],
    ['an MD5 digest', `${XENC}rsa-oaep-mgf1p`, `<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#md5"/>`, undefined],
    ['two digests', `${XENC}rsa-oaep-mgf1p`, `<ds:DigestMethod Algorithm="${DSIG}sha1"/><ds:DigestMethod Algorithm="${XENC}sha256"/>`, undefined],
    ['an MGF other than the digest', 'http://www.w3.org/2009/xmlenc11#rsa-oaep', `<xenc11:MGF Algorithm="http://www.w3.org/2009/xmlenc11#mgf1sha256"/>`, undefined],
    ['OAEPparams', `${XENC}rsa-oaep-mgf1p`, '<xenc:OAEPparams>AA==</xenc:OAEPparams>', undefined],
  ])('key transport: %s', (_name, algorithm, children, want) => {
    expect(oaepHashOf(keyMethod(algorithm, children))).toBe(want);
  });

  it('accepts a SHA-1 OAEP digest in an EncryptedKey and AES content, refuses 3DES and methods out of place', () => {
    const key = `<xenc:EncryptedKey><xenc:EncryptionMethod Algorithm="${XENC}rsa-oaep-mgf1p"><ds:DigestMethod Algorithm="${DSIG}sha1"/></xenc:EncryptionMethod></xenc:EncryptedKey>`;
    const data = (algorithm: string) => `<xenc:EncryptedData><xenc:EncryptionMethod Algorithm="${algorithm}"/><ds:KeyInfo>${key}</ds:KeyInfo></xenc:EncryptedData>`;
    expect(onlyAllowedEncryption(root(data(`${XENC}aes256-cbc`)))).toBe(true);
    expect(onlyAllowedEncryption(root(data('http://www.w3.org/2009/xmlenc11#aes128-gcm')))).toBe(true);
    expect(onlyAllowedEncryption(root(data(`${XENC}tripledes-cbc`)))).toBe(false);
    expect(onlyAllowedEncryption(root(`<saml:Attribute><xenc:EncryptionMethod Algorithm="${XENC}aes256-cbc"/></saml:Attribute>`))).toBe(false);
  });
});

describe('signature rules, inside ds:Signature only', () => {
  const signature = (digest: string, transforms: string[], extra = '') =>
    `<ds:Signature><ds:SignedInfo><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><ds:Reference URI="#a"><ds:Transforms>` +
    transforms.map((t) => `<ds:Transform Algorithm="${t}"/>`).join('') +
    `</ds:Transforms><ds:DigestMethod Algorithm="${digest}"/></ds:Reference></ds:SignedInfo>${extra}</ds:Signature>`;
  const ENV = `${DSIG}enveloped-signature`;
  const EXC = 'http://www.w3.org/2001/10/xml-exc-c14n#';
  it.each([
    ['the usual enveloped signature', signature(`${XENC}sha256`, [ENV, EXC]), undefined],
    ['a SHA-1 reference digest', signature(`${DSIG}sha1`, [ENV, EXC]), 'weak_algorithm'],
    ['an XPath transform', signature(`${XENC}sha256`, [ENV, 'http://www.w3.org/TR/1999/REC-xpath-19991116']), 'weak_algorithm'],
    ['an XPath Filter 2.0 transform', signature(`${XENC}sha256`, ['http://www.w3.org/2002/06/xmldsig-filter2']), 'weak_algorithm'],
    ['three transforms', signature(`${XENC}sha256`, [ENV, EXC, EXC]), 'signature_transforms'],
    ['one transform twice', signature(`${XENC}sha256`, [ENV, ENV]), 'signature_transforms'],
    ['a ds:Object', signature(`${XENC}sha256`, [ENV, EXC], '<ds:Object/>'), 'signature_object'],
    ['a SHA-1 OAEP digest outside any signature', `<xenc:EncryptionMethod Algorithm="${XENC}rsa-oaep-mgf1p"><ds:DigestMethod Algorithm="${DSIG}sha1"/></xenc:EncryptionMethod>`, undefined],
  ])('%s', (_name, inner, want) => {
    expect(signatureRuleBreach(root(inner))).toBe(want);
  });
});

describe('assertion placement', () => {
  const assertion = (inner = '') => `<saml:Assertion>${inner}</saml:Assertion>`;
  it.each([
    ['one assertion', assertion(), undefined],
    ['one EncryptedAssertion', '<saml:EncryptedAssertion/>', undefined],
    ['assertions nested in Advice, twice over', assertion(`<saml:Advice>${assertion(`<saml:Advice>${assertion()}<saml:EncryptedAssertion/></saml:Advice>`)}</saml:Advice>`), undefined],
    ['two assertions', assertion() + assertion(), 'multiple_assertions'],
    ['an assertion and an EncryptedAssertion', assertion() + '<saml:EncryptedAssertion/>', 'multiple_assertions'],
    ['an assertion in Extensions', `<samlp:Extensions>${assertion()}</samlp:Extensions>${assertion()}`, 'assertion_misplaced'],
    ['an assertion in a ds:Object', assertion(`<ds:Signature><ds:Object>${assertion()}</ds:Object></ds:Signature>`), 'assertion_misplaced'],
    ['an assertion inside the assertion itself', assertion(assertion()), 'assertion_misplaced'],
    ['an assertion in Advice of a misplaced one', `<samlp:Extensions>${assertion(`<saml:Advice>${assertion()}</saml:Advice>`)}</samlp:Extensions>`, 'assertion_misplaced'],
  ])('in a Response: %s', (_name, inner, want) => {
    expect(assertionPlacementBreach(root(inner))).toBe(want);
  });

  it('in a decrypted assertion: only its Advice may hold assertions', () => {
    expect(assertionPlacementBreach(root(`<saml:Advice>${assertion()}</saml:Advice>`, 'saml:Assertion'))).toBeUndefined();
    expect(assertionPlacementBreach(root(`<saml:AttributeStatement>${assertion()}</saml:AttributeStatement>`, 'saml:Assertion'))).toBe('assertion_misplaced');
  });
});

describe('the service an answer is for', () => {
  const ours = { serviceId: 'urn:etoegang:DV:1:services:1', serviceUuid: '8f1bd2c6-2ad6-4ac8-9a5f-e6d1b3c2a001' };
  it.each([
    [{}, true],
    [{ serviceId: ours.serviceId }, true],
    [{ serviceUuid: ours.serviceUuid.toUpperCase() }, true],
    [{ serviceId: ours.serviceId, serviceUuid: ours.serviceUuid }, true],
    [{ serviceId: 'urn:etoegang:DV:2:services:1' }, false],
    [{ serviceId: `${ours.serviceId} ` }, false],
    [{ serviceId: ours.serviceId, serviceUuid: '00000000-0000-4000-8000-000000000001' }, false],
  ])('%j → %s', (identity, want) => expect(isForOurService(identity, ours)).toBe(want));
});

describe('login redirect error codes', () => {
  it('each have a text in nl, nl-BE and en', () => {
    for (const code of loginRedirectErrors) {
      for (const texts of [nl, nlBE, en]) expect((texts.errors as Record<string, string>)[code], code).toBeTruthy();
    }
  });
});
