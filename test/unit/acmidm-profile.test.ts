// ACM/IDM's profile as pure rules: means → level and the request's list of means, capacity values
// (normalised first, then checked), and the capacity a session starts in or may switch to.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { levels, levelSatisfies } from '../../contract/levels.js';
import { mapAcmidmAttributes, organisationCodeOf, parseCapacity } from '../../bff/src/acmidm/acmidm-attributes.js';
import { authmechLevels, authmechsFor, levelOfAuthmech } from '../../bff/src/acmidm/acmidm-levels.js';
import { capacityAtLogin, decodeCapacities, offeredCapacity, withCapacity } from '../../bff/src/acmidm/capacity-policy.js';

const attrs = (entries: Record<string, string[]>) => new Map(Object.entries(entries).map(([k, v]) => [k, v.map((value) => ({ value }))]));

describe('means and levels', () => {
  it('maps the means by their eIDAS level: eid and itsme high, csamtotp substantial, a password low', () => {
    expect(levelOfAuthmech('urn:be:vlaanderen:authmech:eid')).toBe('loa4');
    expect(levelOfAuthmech('urn:be:vlaanderen:authmech:itsme')).toBe('loa4');
    expect(levelOfAuthmech('urn:be:vlaanderen:authmech:csamtotp')).toBe('loa3');
    expect(levelOfAuthmech('urn:be:vlaanderen:authmech:csampassword')).toBe('loa2');
    expect(levelOfAuthmech('urn:be:vlaanderen:authmech:toString')).toBeUndefined();
    expect(levelOfAuthmech('constructor')).toBeUndefined();
  });

  it('asks for exactly the means good enough for a level, strongest first (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...levels), (level) => {
        const asked = authmechsFor(level);
        for (const [urn, reached] of Object.entries(authmechLevels)) expect(asked.includes(urn)).toBe(levelSatisfies(reached, level));
        const reachedInOrder = asked.map((urn) => levels.indexOf(authmechLevels[urn]!));
        expect(reachedInOrder).toEqual([...reachedInOrder].sort((a, b) => b - a));
      }),
    );
  });
});

describe('capacity values', () => {
  it('reads an organisation code after normalising it: a KBO number with dots, spaces or full-width digits is the same number (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), fc.constantFrom('.', ' ', '-', ''), fc.boolean(), (kbo, sep, wide) => {
        let written = `${kbo.slice(0, 4)}${sep}${kbo.slice(4, 7)}${sep}${kbo.slice(7)}`;
        if (wide) written = written.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
        expect(organisationCodeOf(written)).toEqual({ kind: 'kbo', value: kbo });
      }),
    );
    expect(organisationCodeOf('ovo002949')).toEqual({ kind: 'ovo', value: 'OVO002949' });
    expect(organisationCodeOf('01234567890')).toBeUndefined();
  });

  it('reads BUR without an organisation and every other code only with one', () => {
    expect(parseCapacity('BUR')).toEqual({ code: 'BUR' });
    expect(parseCapacity('BUR:0410203003')).toBeUndefined();
    expect(parseCapacity('EA')).toBeUndefined();
    expect(parseCapacity('ea:0410.203.003')).toEqual({ code: 'EA', organisation: { kind: 'kbo', value: '0410203003' } });
    expect(parseCapacity('EA', '0410203003')).toEqual({ code: 'EA', organisation: { kind: 'kbo', value: '0410203003' } });
    expect(parseCapacity('XX:0410203003')).toBeUndefined();
    expect(parseCapacity('EA:04:10')).toBeUndefined();
  });

  it('refuses an answer without one subject or without capacities, and folds repeated capacities', () => {
    expect(mapAcmidmAttributes(attrs({ vo_doelgroepcode: ['BUR'] }))).toEqual({ reason: 'subject_missing' });
    expect(mapAcmidmAttributes(attrs({ sub: ['a', 'b'], vo_doelgroepcode: ['BUR'] }))).toEqual({ reason: 'subject_multiple' });
    expect(mapAcmidmAttributes(attrs({ sub: ['a'] }))).toEqual({ reason: 'capacity_missing' });
    expect(mapAcmidmAttributes(attrs({ sub: ['a'], vo_doelgroepcode: ['BUR', 'EA:0410203003'], vo_orgcode: ['0410203003'] }))).toEqual({ reason: 'capacity_invalid' });
    expect(mapAcmidmAttributes(attrs({ sub: ['a'], given_name: ['Marie'], family_name: ['Peeters'], vo_doelgroepcode: ['BUR', 'BUR', 'EA:0410203003'] }))).toEqual({
      subject: 'a',
      displayName: 'Marie Peeters',
      capacities: [{ code: 'BUR' }, { code: 'EA', organisation: { kind: 'kbo', value: '0410203003' } }],
    });
  });
});

describe('the session capacity', () => {
  const org = '11111111-1111-4111-8111-111111111111';
  it('decides one capacity at once and leaves several to choose', () => {
    expect(capacityAtLogin([{ code: 'LB', organisationId: org }])).toEqual({ actingFor: org, organisationChoicePending: false, attributes: { capacities: `LB:${org}`, capacity: 'LB' } });
    expect(capacityAtLogin([{ code: 'BUR', organisationId: null }, { code: 'LB', organisationId: org }])).toEqual({ actingFor: null, organisationChoicePending: true, attributes: { capacities: `BUR,LB:${org}` } });
  });

  it('switches only to a capacity the login offered, and reads no hand-edited nonsense (property)', () => {
    const { attributes } = capacityAtLogin([{ code: 'BUR', organisationId: null }, { code: 'LB', organisationId: org }]);
    expect(offeredCapacity(attributes, null)).toEqual({ code: 'BUR', organisationId: null });
    expect(withCapacity(attributes, offeredCapacity(attributes, org)!).capacity).toBe('LB');
    fc.assert(
      fc.property(fc.uuid(), (other) => {
        fc.pre(other !== org);
        expect(offeredCapacity(attributes, other)).toBeUndefined();
      }),
    );
    expect(decodeCapacities({ capacities: `BUR:${org},XX,LB,EA:${org}` })).toEqual([{ code: 'EA', organisationId: org }]);
    expect(offeredCapacity({}, null)).toBeUndefined();
  });
});
