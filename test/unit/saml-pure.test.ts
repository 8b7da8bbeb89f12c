// The pure pieces of the eHerkenning SP: RelayState, attribute mapping,
// status mapping, the depth guard.
import { describe, expect, it } from 'vitest';
import { legalSubjectKind, mapEherkenningAttributes, outcomeForStatus, type AttributeValue } from '../../bff/src/saml/eherkenning-attributes.js';
import { isWellFormedRelayState, newRelayState } from '../../bff/src/saml/relay-state.js';
import { MAX_XML_DEPTH, xmlDepthExceeds } from '../../bff/src/saml/xml-guard.js';
import { pageLocale } from '../../bff/src/pages/page-texts.js';

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
