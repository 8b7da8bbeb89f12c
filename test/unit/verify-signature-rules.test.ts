// Edges of the signature rules (verify-signature.ts) that mutation testing found untried: the
// SHA-512 algorithms are allowed, and a root that is neither a ds:Signature nor holds one is not
// judged by them, even when it is in the ds namespace (a ds:KeyInfo carrying key transport).
import { describe, expect, it } from 'vitest';
import { signatureRuleBreach } from '../../bff/src/saml/verify-signature.js';
import { parseXmlStrict } from '../../bff/src/saml/xml-guard.js';

const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const XENC = 'http://www.w3.org/2001/04/xmlenc#';
const MORE = 'http://www.w3.org/2001/04/xmldsig-more#';
const element = (xml: string) => parseXmlStrict(xml).documentElement!;

const signature = (signatureMethod: string, digest: string) =>
  `<ds:Signature xmlns:ds="${DSIG}"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>` +
  `<ds:SignatureMethod Algorithm="${signatureMethod}"/><ds:Reference URI="#a"><ds:Transforms>` +
  `<ds:Transform Algorithm="${DSIG}enveloped-signature"/><ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>` +
  `</ds:Transforms><ds:DigestMethod Algorithm="${digest}"/><ds:DigestValue>AA==</ds:DigestValue></ds:Reference></ds:SignedInfo></ds:Signature>`;

describe('signatureRuleBreach: allowed algorithms', () => {
  it.each([
    ['RSA-SHA256 with SHA-256', `${MORE}rsa-sha256`, `${XENC}sha256`],
    ['RSA-SHA512 with SHA-512', `${MORE}rsa-sha512`, `${XENC}sha512`],
  ])('passes %s', (_name, method, digest) => {
    expect(signatureRuleBreach(element(signature(method, digest)))).toBeUndefined();
  });

  it('refuses RSA-SHA1 and a SHA-1 digest', () => {
    expect(signatureRuleBreach(element(signature(`${DSIG}rsa-sha1`, `${XENC}sha256`)))).toBe('weak_algorithm');
    expect(signatureRuleBreach(element(signature(`${MORE}rsa-sha512`, `${DSIG}sha1`)))).toBe('weak_algorithm');
  });
});

describe('signatureRuleBreach: which root is a signature', () => {
  const keyTransport =
    `<ds:KeyInfo xmlns:ds="${DSIG}" xmlns:xenc="${XENC}"><xenc:EncryptedKey><xenc:EncryptionMethod Algorithm="${XENC}rsa-oaep-mgf1p">` +
    `<ds:DigestMethod Algorithm="${DSIG}sha1"/></xenc:EncryptionMethod></xenc:EncryptedKey></ds:KeyInfo>`;

  it('does not judge the OAEP digest in a ds:KeyInfo given as the root', () => {
    expect(signatureRuleBreach(element(keyTransport))).toBeUndefined();
  });

  it('does not take a Signature element of another namespace for a ds:Signature', () => {
    const foreign = `<x:Signature xmlns:x="urn:example:other" xmlns:ds="${DSIG}"><ds:DigestMethod Algorithm="${DSIG}sha1"/></x:Signature>`;
    expect(signatureRuleBreach(element(foreign))).toBeUndefined();
  });

  it('judges a ds:Signature given as the root, and one found under another root', () => {
    const weak = signature(`${MORE}rsa-sha256`, `${DSIG}sha1`);
    expect(signatureRuleBreach(element(weak))).toBe('weak_algorithm');
    expect(signatureRuleBreach(element(`<r>${weak}</r>`))).toBe('weak_algorithm');
  });
});
