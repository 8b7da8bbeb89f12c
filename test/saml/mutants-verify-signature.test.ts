// Rules of verifyEnvelopedSignature (verify-signature.ts) that mutation testing found unguarded
// (issue 12 §4): the Reference must name the signed element's own ID, one SignedInfo, one
// Reference, the algorithm rules. They are tried where Poort uses that function on whole
// documents: the signed ArtifactResponse of the HTTP-Artifact binding and signed broker metadata.
// Every document is signed with the pinned key by xml-crypto, then wrapped or edited the way an
// attacker would. Pure: no database, no HTTP.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignedXml } from 'xml-crypto';
import { describe, expect, it } from 'vitest';
import { responseFromArtifactResponse, soapEnvelope } from '../../bff/src/saml/artifact.js';
import { parseBrokerMetadata, type BrokerEndpoints } from '../../bff/src/saml/broker-metadata.js';
import { certBody, ensureKeyPair, type KeyPair } from '../../bff/src/saml/key-pair.js';
import { signatureRuleBreach } from '../../bff/src/saml/verify-signature.js';
import { ENVELOPED, EXC_C14N, RSA_SHA256, SHA256 } from '../../bff/src/saml/xml-signature.js';
import { parseXmlStrict } from '../../bff/src/saml/xml-guard.js';

const dir = mkdtempSync(join(tmpdir(), 'poort-mutants-sig-'));
const brokerKeys = ensureKeyPair(dir, 'broker', 'artifact broker');
const federationKeys = ensureKeyPair(dir, 'federation', 'metadata signer');
const attackerKeys = ensureKeyPair(dir, 'attacker', 'attacker');

const SHA1 = 'http://www.w3.org/2000/09/xmldsig#sha1';
const RSA_SHA1 = 'http://www.w3.org/2000/09/xmldsig#rsa-sha1';
const SAMLP_SAML = 'xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"';
const broker: BrokerEndpoints = { entityId: 'urn:test:broker', ssoUrl: 'https://broker.example/sso', artifactResolution: [], signingCerts: [brokerKeys.cert] };
const RESOLVE_ID = '_resolve-1';

interface SigningChoice {
  digest?: string;
  signatureAlgorithm?: string;
  canonicalization?: string;
  /** Where the signature goes: after this child of the signed element (else as its first child). */
  afterChild?: string;
}

/** Signs `/*` (the whole document's root element) with an enveloped signature, algorithms as chosen. */
function signRoot(xml: string, keys: KeyPair, choice: SigningChoice = {}): string {
  const sig = new SignedXml({
    privateKey: keys.key,
    publicCert: keys.cert,
    signatureAlgorithm: choice.signatureAlgorithm ?? RSA_SHA256,
    canonicalizationAlgorithm: choice.canonicalization ?? EXC_C14N,
    getKeyInfoContent: () => `<ds:X509Data><ds:X509Certificate>${certBody(keys.cert)}</ds:X509Certificate></ds:X509Data>`,
  });
  sig.addReference({ xpath: '/*', transforms: [ENVELOPED, EXC_C14N], digestAlgorithm: choice.digest ?? SHA256 });
  const location = choice.afterChild ? { reference: `/*/*[local-name(.)='${choice.afterChild}']`, action: 'after' as const } : { reference: '/*', action: 'prepend' as const };
  sig.computeSignature(xml, { prefix: 'ds', location });
  return sig.getSignedXml();
}

const signatureOf = (signedXml: string) => /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(signedXml)![0];
const signatureCount = (xml: string) => xml.match(/<ds:Signature[\s>]/g)?.length ?? 0;

/** The Response a broker hands over by artifact, itself signed by the broker. */
const innerResponse = signRoot(
  `<samlp:Response ${SAMLP_SAML} ID="_inner-response" Version="2.0" IssueInstant="2026-01-01T00:00:00Z" InResponseTo="_authn-1"><saml:Issuer>${broker.entityId}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:Response>`,
  brokerKeys,
  { afterChild: 'Issuer' },
);

const artifactResponseXml = (id: string, signature = '', inner = innerResponse) =>
  `<samlp:ArtifactResponse ${SAMLP_SAML} ID="${id}" Version="2.0" IssueInstant="2026-01-01T00:00:00Z" InResponseTo="${RESOLVE_ID}">` +
  `<saml:Issuer>${broker.entityId}</saml:Issuer>${signature}<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${inner}</samlp:ArtifactResponse>`;

const signedArtifactResponse = (choice: SigningChoice = {}) => signRoot(artifactResponseXml('_artifact-response'), brokerKeys, { afterChild: 'Issuer', ...choice });

const resolve = (artifactResponse: string) => () => responseFromArtifactResponse(soapEnvelope(artifactResponse), broker, RESOLVE_ID);
const refusedWith = (reason: string) => expect.objectContaining({ name: 'SamlError', reason });

describe('the signed ArtifactResponse', () => {
  it('yields the inner Response when it is signed by the broker over its own ID (the control case)', () => {
    expect(resolve(signedArtifactResponse())()).toContain('ID="_inner-response"');
  });

  it('refuses an ArtifactResponse whose signature is the inner Response’s, pointing at the Response’s ID', () => {
    // An attacker's unsigned ArtifactResponse takes the broker's valid signature over the inner
    // Response (moved, not copied: xml-crypto refuses two equal signatures). It still verifies,
    // since an enveloped signature's digest leaves the signature out, but it covers nothing of
    // the ArtifactResponse itself.
    const signature = signatureOf(innerResponse);
    const moved = artifactResponseXml('_attacker-artifact-response', signature, innerResponse.replace(signature, ''));
    expect(signatureCount(moved)).toBe(1);
    expect(moved.indexOf('<ds:Reference URI="#_inner-response"')).toBeLessThan(moved.indexOf('ID="_inner-response"'));
    expect(resolve(moved)).toThrow(refusedWith('artifact_response_signature_invalid'));
  });

  it('refuses an unsigned ArtifactResponse', () => {
    const unsigned = artifactResponseXml('_artifact-response');
    expect(signatureCount(unsigned)).toBe(1); // only the inner Response's
    expect(resolve(unsigned)).toThrow(refusedWith('artifact_response_signature_invalid'));
  });

  it('refuses an ArtifactResponse signed by another key that brings its own certificate in KeyInfo', () => {
    const forged = signRoot(artifactResponseXml('_artifact-response'), attackerKeys, { afterChild: 'Issuer' });
    expect(forged).toContain(certBody(attackerKeys.cert).slice(0, 40));
    expect(resolve(forged)).toThrow(refusedWith('artifact_response_signature_invalid'));
  });

  it('refuses an ArtifactResponse whose signature has no SignedInfo', () => {
    const noSignedInfo = signedArtifactResponse().replace(/<ds:SignedInfo>[\s\S]*<\/ds:SignedInfo>/, '');
    expect(noSignedInfo).toContain('<ds:SignatureValue>');
    expect(resolve(noSignedInfo)).toThrow(refusedWith('artifact_response_signature_invalid'));
  });

  it('refuses an ArtifactResponse whose signature has two SignedInfo elements', () => {
    const twice = signedArtifactResponse().replace(/<ds:SignedInfo>[\s\S]*<\/ds:SignedInfo>/, (s) => `${s}${s}`);
    expect(resolve(twice)).toThrow(refusedWith('artifact_response_signature_invalid'));
  });

  it('refuses an ArtifactResponse whose SignedInfo has no Reference', () => {
    const noReference = signedArtifactResponse().replace(/<ds:Reference [\s\S]*<\/ds:Reference>/, '');
    expect(noReference).toContain('<ds:SignedInfo>');
    expect(resolve(noReference)).toThrow(refusedWith('artifact_response_signature_invalid'));
  });

  it('refuses an ArtifactResponse whose SignedInfo has two References', () => {
    const twice = signedArtifactResponse().replace(/<ds:Reference [\s\S]*<\/ds:Reference>/, (r) => `${r}${r}`);
    expect(resolve(twice)).toThrow(refusedWith('artifact_response_signature_invalid'));
  });

  it('refuses an ArtifactResponse signed by the broker with a SHA-1 reference digest', () => {
    const sha1Digest = signedArtifactResponse({ digest: SHA1 });
    expect(sha1Digest).toContain(`<ds:DigestMethod Algorithm="${SHA1}"/>`);
    expect(resolve(sha1Digest)).toThrow(refusedWith('artifact_response_signature_invalid'));
  });

  it('refuses an ArtifactResponse signed by the broker with RSA-SHA1', () => {
    expect(resolve(signedArtifactResponse({ signatureAlgorithm: RSA_SHA1 }))).toThrow(refusedWith('artifact_response_signature_invalid'));
  });

  it('refuses an ArtifactResponse whose SignedInfo is canonicalised with comments', () => {
    expect(resolve(signedArtifactResponse({ canonicalization: `${EXC_C14N}WithComments` }))).toThrow(refusedWith('artifact_response_signature_invalid'));
  });

  it('refuses an ArtifactResponse whose digest no longer matches its content', () => {
    const edited = signedArtifactResponse().replace(`InResponseTo="${RESOLVE_ID}"`, `InResponseTo="${RESOLVE_ID}" Consent="urn:oasis:names:tc:SAML:2.0:consent:obtained"`);
    expect(edited).not.toBe(signedArtifactResponse());
    expect(resolve(edited)).toThrow(refusedWith('artifact_response_signature_invalid'));
  });
});

describe('signed broker metadata', () => {
  const metadataXml = (id: string, entityId: string, signingCert: string, sso: string, inner = '') =>
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" ID="${id}" entityID="${entityId}">${inner}` +
    `<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
    `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certBody(signingCert)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${sso}"/></md:IDPSSODescriptor></md:EntityDescriptor>`;
  const genuine = (choice: SigningChoice = {}) => signRoot(metadataXml('_genuine', 'urn:test:broker', brokerKeys.cert, 'https://broker.example/sso'), federationKeys, choice);
  const parse = (xml: string) => () => parseBrokerMetadata(xml, federationKeys.cert);

  it('reads metadata signed by the federation over its own ID (the control case)', () => {
    expect(parse(genuine())()).toMatchObject({ entityId: 'urn:test:broker', ssoUrl: 'https://broker.example/sso', signingCerts: [brokerKeys.cert] });
  });

  it('refuses attacker metadata that carries the genuine metadata inside and took its signature', () => {
    const signed = genuine();
    const signature = signatureOf(signed);
    // The signature moves out of the genuine metadata into the attacker's (xml-crypto refuses two equal ones).
    const wrapped = metadataXml('_evil', 'urn:test:broker', attackerKeys.cert, 'https://evil.example/sso', `${signature}<md:Extensions>${signed.replace(signature, '')}</md:Extensions>`);
    expect(signatureCount(wrapped)).toBe(1);
    expect(wrapped).toContain('<ds:Reference URI="#_genuine"');
    expect(parse(wrapped)).toThrow(refusedWith('metadata_signature_invalid'));
  });

  it('refuses metadata whose signature has no SignedInfo, or no Reference', () => {
    expect(parse(genuine().replace(/<ds:SignedInfo>[\s\S]*<\/ds:SignedInfo>/, ''))).toThrow(refusedWith('metadata_signature_invalid'));
    expect(parse(genuine().replace(/<ds:Reference [\s\S]*<\/ds:Reference>/, ''))).toThrow(refusedWith('metadata_signature_invalid'));
  });

  it('refuses metadata signed by the federation with a SHA-1 reference digest', () => {
    expect(parse(genuine({ digest: SHA1 }))).toThrow(refusedWith('metadata_signature_invalid'));
  });
});

describe('signature rules on a signature by itself', () => {
  const signature = (method: string) =>
    parseXmlStrict(
      `<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="${EXC_C14N}"/><ds:SignatureMethod Algorithm="${RSA_SHA256}"/>` +
        `<ds:Reference URI="#a"><ds:Transforms><ds:Transform Algorithm="${ENVELOPED}"/>${method}</ds:Transforms><ds:DigestMethod Algorithm="${SHA256}"/></ds:Reference></ds:SignedInfo></ds:Signature>`,
    ).documentElement!;
  it('passes the usual transforms and refuses a Transform that names no Algorithm', () => {
    expect(signatureRuleBreach(signature(`<ds:Transform Algorithm="${EXC_C14N}"/>`))).toBeUndefined();
    expect(signatureRuleBreach(signature('<ds:Transform/>'))).toBe('weak_algorithm');
  });
});
