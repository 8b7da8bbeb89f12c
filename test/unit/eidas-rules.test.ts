// The pure eIDAS rules: the European company identifier normalised before it is checked (answers
// and the service desk arrive at the same text), the EH3 floor that no configuration lowers, the
// configuration's refusals, and the attribute mapping per service.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eidasMinimumLevel, levels, levelSatisfies } from '../../contract/levels.js';
import { belowEidasFloor, requestedLevel } from '../../bff/src/eherkenning/service-level-policy.js';
import { mapEherkenningAttributes, serviceRefusal, type AttributeValue } from '../../bff/src/saml/eherkenning-attributes.js';
import { normaliseEidasIdentifier } from '../../bff/src/saml/eidas-identifier.js';
import { parseIdentifiers } from '../../bff/src/organisations/organisation-identifiers.js';
import { parseSiteConfig } from '../../bff/src/site-config/load.js';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import { levelFromUri } from '../../bff/src/saml/level-uris.js';

const country = fc.constantFrom('DE', 'FR', 'ES', 'IT', 'NL', 'BE', 'AT');
const registerNumber = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9.\-/]{0,30}$/);
/** Ways a person or a register writes the same identifier: spaces anywhere, lower-case country codes, full-width forms. */
const written = (canonical: string) =>
  fc.tuple(fc.boolean(), fc.boolean(), fc.array(fc.nat(canonical.length), { maxLength: 3 })).map(([lower, fullWidth, spaces]) => {
    let text = lower ? canonical.slice(0, 6).toLowerCase() + canonical.slice(6) : canonical;
    for (const at of spaces) text = `${text.slice(0, at)} ${text.slice(at)}`;
    return fullWidth ? text.replace(/\//g, '／') : text;
  });

describe('eIDAS legal person identifier', () => {
  it('normalises any way of writing it to one text, and that text again to itself (property)', () => {
    fc.assert(
      fc.property(country, country, registerNumber, (from, to, number) => {
        const canonical = `${from}/${to}/${number}`;
        expect(normaliseEidasIdentifier(canonical)).toBe(canonical);
        fc.assert(
          fc.property(written(canonical), (text) => {
            expect(normaliseEidasIdentifier(text)).toBe(canonical);
          }),
          { numRuns: 10 },
        );
      }),
      { numRuns: 50 },
    );
  });

  it('accepts only the final shape: two country codes and a register number, nothing else (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const value = normaliseEidasIdentifier(text);
        if (value !== undefined) {
          expect(value).toMatch(/^[A-Z]{2}\/[A-Z]{2}\/[\x21-\x7e]+$/);
          expect(normaliseEidasIdentifier(value)).toBe(value);
        }
      }),
    );
    for (const bad of ['', 'DE/NL/', 'DE/HRB123', 'D/NL/1', 'DEU/NL/1', '12/NL/1', `DE/NL/${'1'.repeat(260)}`, 'DE/NL/ü']) expect(normaliseEidasIdentifier(bad)).toBeUndefined();
  });

  it('is an organisation identifier the service desk can type, refused when it is not one', () => {
    expect(parseIdentifiers({ eidas: ' de/nl/HRB 123456 ' })).toEqual({ identifiers: { eidas: 'DE/NL/HRB123456' } });
    expect(parseIdentifiers({ eidas: 'HRB123456' })).toEqual({ invalid: 'eidas' });
  });
});

describe('the EH3 floor of eIDAS', () => {
  it('asks at least EH3 for eIDAS whatever the site and its eIDAS level say, and the stronger of them (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...levels), fc.constantFrom(...levels), (site, eidas) => {
        const asked = requestedLevel({ level: site, eidas: { level: eidas } as never }, 'eidas');
        expect(levelSatisfies(asked, eidasMinimumLevel)).toBe(true);
        expect(levelSatisfies(asked, site) && levelSatisfies(asked, eidas)).toBe(true);
        expect(requestedLevel({ level: site }, 'eherkenning')).toBe(site);
      }),
    );
  });

  it('refuses eIDAS answers below EH3, and never an eHerkenning answer for that', () => {
    expect(levels.filter((l) => belowEidasFloor('eidas', l))).toEqual(['loa2', 'loa2plus']);
    expect(levels.filter((l) => belowEidasFloor('eherkenning', l))).toEqual([]);
  });

  it('reads the eIDAS level URIs as the eHerkenning levels they equal', () => {
    expect(['low', 'substantial', 'high'].map((l) => levelFromUri(`http://eidas.europa.eu/LoA/${l}`))).toEqual(['loa2', 'loa3', 'loa4']);
    expect(levelFromUri('http://eidas.europa.eu/LoA/medium')).toBeUndefined();
  });
});

describe('eIDAS configuration', () => {
  const withEidas = (eidas: Record<string, unknown>, rest: Record<string, unknown> = {}) => ({
    ...demoSiteConfig,
    ...rest,
    eherkenning: { ...demoSiteConfig.eherkenning, eidas: { ...demoSiteConfig.eherkenning.eidas, ...eidas } },
  });

  it.each(['loa2', 'loa2plus'])('refuses an eIDAS level of %s, naming the field', (level) => {
    expect(() => parseSiteConfig(withEidas({ level }), 'poort.config.json')).toThrow(/poort\.config\.json: eherkenning\.eidas\.level: eIDAS logins need EH3/);
  });

  it('accepts loa3 and loa4, loa3 by default', () => {
    expect(parseSiteConfig(withEidas({ level: 'loa4' }), 'x').eherkenning.eidas?.level).toBe('loa4');
    expect(parseSiteConfig(withEidas({}), 'x').eherkenning.eidas?.level).toBe('loa3');
  });

  it('refuses an eIDAS service that reuses the eHerkenning index, ServiceID or ServiceUUID', () => {
    expect(() => parseSiteConfig(withEidas({ attributeConsumingServiceIndex: 1 }), 'x')).toThrow(/eidas\.attributeConsumingServiceIndex: must differ/);
    expect(() => parseSiteConfig(withEidas({ serviceId: demoSiteConfig.eherkenning.serviceId }), 'x')).toThrow(/eidas\.serviceId: must differ/);
    expect(() => parseSiteConfig(withEidas({ serviceUuid: demoSiteConfig.eherkenning.serviceUuid.toUpperCase() }), 'x')).toThrow(/eidas\.serviceUuid: must differ/);
    expect(() => parseSiteConfig(withEidas({ serviceUuid: 'not-a-uuid' }), 'x')).toThrow(/eidas\.serviceUuid/);
  });

  it('offers eIDAS by default only where it is configured, and refuses "eidas" in methods without it', () => {
    const { eidas: _off, ...eherkenning } = demoSiteConfig.eherkenning;
    expect(parseSiteConfig({ ...demoSiteConfig, eherkenning }, 'x').methods).toEqual(['eherkenning', 'acmidm', 'email']);
    expect(parseSiteConfig({ ...demoSiteConfig, eherkenning, acmidm: undefined }, 'x').methods).toEqual(['eherkenning', 'email']);
    expect(parseSiteConfig(demoSiteConfig, 'x').methods).toEqual(['eherkenning', 'eidas', 'acmidm', 'email']);
    expect(() => parseSiteConfig({ ...demoSiteConfig, eherkenning, methods: ['eidas', 'email'] }, 'x')).toThrow(/methods: "eidas" needs eherkenning\.eidas/);
    expect(parseSiteConfig(withEidas({}, { methods: ['eidas'], applications: [] }), 'x').methods).toEqual(['eidas']);
  });
});

describe('attributes of an eIDAS answer', () => {
  const attrs = (entries: [string, AttributeValue[]][]) => new Map(entries);
  const acting: [string, AttributeValue[]] = ['urn:etoegang:core:ActingSubjectID', [{ value: 'E1', nameQualifier: 'urn:etoegang:1.9:EntityConcernedID:Pseudo' }]];
  const legal = (value: string, nameQualifier: string): [string, AttributeValue[]] => ['urn:etoegang:core:LegalSubjectID', [{ value, nameQualifier }]];
  const EIDAS_ID = 'urn:etoegang:1.11:EntityConcernedID:eIDASLegalIdentifier';

  it('reads the company by its normalised European identifier and the person by their names', () => {
    const identity = mapEherkenningAttributes(
      attrs([acting, legal('de/nl/HRB 1', EIDAS_ID), ['urn:etoegang:1.9:attribute:FirstName', [{ value: 'Klaus' }]], ['urn:etoegang:1.9:attribute:FamilyName', [{ value: ' Becker\n' }]]]),
      'eidas',
    );
    expect(identity).toMatchObject({ subject: 'E1', legalSubject: { kind: 'eidas', value: 'DE/NL/HRB1' }, personName: 'Klaus Becker' });
  });

  it('refuses a Dutch number in an eIDAS answer and a European identifier in an eHerkenning answer', () => {
    expect(mapEherkenningAttributes(attrs([acting, legal('90001234', 'urn:etoegang:1.9:EntityConcernedID:KvKnr')]), 'eidas')).toEqual({ reason: 'legal_subject_unknown_kind' });
    expect(mapEherkenningAttributes(attrs([acting, legal('DE/NL/HRB1', EIDAS_ID)]), 'eherkenning')).toEqual({ reason: 'legal_subject_unknown_kind' });
  });

  it('names no person for an eHerkenning answer, and none when the names are missing', () => {
    const withNames = attrs([acting, ['urn:etoegang:1.9:attribute:FirstName', [{ value: 'Jan' }]]]);
    expect(mapEherkenningAttributes(withNames, 'eherkenning')).not.toHaveProperty('personName');
    expect(mapEherkenningAttributes(attrs([acting]), 'eidas')).not.toHaveProperty('personName');
  });

  it('tells an answer for our other service from one for someone else’s', () => {
    const eh = { serviceId: 'urn:etoegang:DV:1:services:1', serviceUuid: '00000000-0000-4000-8000-000000000001', serviceName: { nl: 'a', 'nl-BE': 'a', en: 'a' }, attributeConsumingServiceIndex: 1 };
    const eidas = { ...eh, serviceId: 'urn:etoegang:DV:1:services:2', serviceUuid: '00000000-0000-4000-8000-000000000002', attributeConsumingServiceIndex: 2 };
    expect(serviceRefusal({ serviceId: eidas.serviceId }, eh, [eidas])).toBe('service_not_requested');
    expect(serviceRefusal({ serviceUuid: eh.serviceUuid }, eidas, [eh])).toBe('service_not_requested');
    expect(serviceRefusal({ serviceId: 'urn:etoegang:DV:9:services:2' }, eidas, [eh])).toBe('service_mismatch');
    expect(serviceRefusal({}, eidas, [eh])).toBeUndefined();
    expect(serviceRefusal({ serviceId: eidas.serviceId, serviceUuid: eidas.serviceUuid }, eidas, [eh])).toBeUndefined();
  });
});
