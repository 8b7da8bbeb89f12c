// The pure rules of issue 13's behaviours 4, 6 and 7: how a written end date becomes a moment,
// when password login is over, which organisation a login acts for, and which organisation an
// eHerkenning answer names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCutOff, isMidnight, parseCutOff, startOfDay } from '../../bff/src/password-login/cut-off-date.js';
import { parseSiteConfig } from '../../bff/src/site-config/load.js';
import { endedForAccount, endedForEveryone, needsIdentityCheck, type SiteCutOff } from '../../bff/src/password-login/cut-off-policy.js';
import { actingAtLogin, organisationInAnswer, organisationNamedBy } from '../../bff/src/organisations/acting-organisation.js';
import { identifierProblem, normaliseIdentifier, parseIdentifiers } from '../../bff/src/organisations/organisation-identifiers.js';
import { organisationCodeOf } from '../../bff/src/acmidm/acmidm-attributes.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dutchWallClock = (at: Date) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(at);

describe('parseCutOff', () => {
  it('reads a plain date as the start of that day on the Dutch clock, in winter and in summer', () => {
    expect(parseCutOff('2027-03-01')!.toISOString()).toBe('2027-02-28T23:00:00.000Z');
    expect(parseCutOff('2027-07-01')!.toISOString()).toBe('2027-06-30T22:00:00.000Z');
    // The days the clocks change (at 02:00 and 03:00, never at midnight).
    expect(parseCutOff('2027-03-28')!.toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(parseCutOff('2027-10-31')!.toISOString()).toBe('2027-10-30T22:00:00.000Z');
  });

  it('takes a timestamp with its offset as it is', () => {
    expect(parseCutOff('2027-03-01T12:30:00+02:00')!.toISOString()).toBe('2027-03-01T10:30:00.000Z');
    expect(parseCutOff('2027-03-01T12:30Z')!.toISOString()).toBe('2027-03-01T12:30:00.000Z');
    expect(parseCutOff('2027-03-01T12:30:05.250Z')!.toISOString()).toBe('2027-03-01T12:30:05.250Z');
  });

  it('refuses what is not a moment: days that do not exist, other notations, no offset, out of range', () => {
    for (const text of ['', ' ', '2027-02-29', '2028-02-30', '2027-13-01', '2027-00-10', '2027-1-5', '01-03-2027', '1 maart 2027', '2027-03-01T12:00', '2027-03-01T24:00Z', '2027-03-01T12:60Z', '2027-03-01 12:00Z', '1999-12-31', '20270301', '2027-03-01T12:00+15:00']) {
      expect(parseCutOff(text), text).toBeUndefined();
    }
    expect(parseCutOff('2028-02-29')).toBeInstanceOf(Date);
    // The edges of every field, just inside and just outside.
    expect(parseCutOff('9999-12-31')!.toISOString()).toBe('9999-12-30T23:00:00.000Z');
    expect(parseCutOff('2000-01-01')!.toISOString()).toBe('1999-12-31T23:00:00.000Z');
    expect(parseCutOff('2027-03-01T23:59:59+14:00')!.toISOString()).toBe('2027-03-01T09:59:59.000Z');
    expect(parseCutOff('2027-03-01T12:00+01:59')!.toISOString()).toBe('2027-03-01T10:01:00.000Z');
    for (const text of ['2027-13-05', '2027-03-01T24:00:00+01:00', '2027-03-01T12:00:60Z', '2027-03-01T12:00+01:60', 'x2027-03-01', '2027-03-01x', 'x2027-03-01T12:00Z', '2027-03-01T12:00Zx']) {
      expect(parseCutOff(text), text).toBeUndefined();
    }
    expect(parseCutOff('\u3000２０２７-０３-０１')).toEqual(parseCutOff('2027-03-01'));
  });

  it('for every real date: 00:00 of that very day in the Netherlands, whatever spaces surround it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.stringMatching(/^[ \t\n]{0,3}$/), (y, m, d, space) => {
        const text = `${y}-${pad(m)}-${pad(d)}`;
        const at = parseCutOff(`${space}${text}${space}`);
        const exists = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
        if (!exists) return at === undefined;
        return at !== undefined && dutchWallClock(at) === `${pad(d)}/${pad(m)}/${y}, 00:00` && isMidnight(at) && at.getTime() === startOfDay(y, m, d).getTime();
      }),
    );
  });

  it('says the date in its messages, with the time only when it is not midnight', () => {
    expect(describeCutOff(parseCutOff('2027-03-01')!)).toBe('1 March 2027');
    expect(describeCutOff(parseCutOff('2027-03-01T12:30:00+01:00')!)).toBe('1 March 2027 at 12:30');
    expect(describeCutOff(parseCutOff('2027-03-01T12:00:00+01:00')!)).toBe('1 March 2027 at 12:00');
    expect(describeCutOff(parseCutOff('2027-03-01T00:30:00+01:00')!)).toBe('1 March 2027 at 00:30');
    expect(describeCutOff(parseCutOff('2027-03-01T00:00:30+01:00')!)).toBe('1 March 2027 at 00:00');
  });

  it('tells an operator how to write it when the configuration has something else', () => {
    expect(() => parseSiteConfig({ localAccounts: { passwordLoginUntil: '1-3-2027' } }, 'poort.config.json')).toThrow(
      'poort.config.json: localAccounts.passwordLoginUntil: use a date such as 2027-03-01 (the start of that day, Dutch time) or a time with its offset such as 2027-03-01T12:00:00+01:00',
    );
  });
});

describe('the end of password login', () => {
  const at = new Date('2027-02-28T23:00:00.000Z');
  const before = new Date(at.getTime() - 1);
  const everyone: SiteCutOff = { passwordLoginUntil: at, passwordLoginScope: 'everyone' };
  const linkedOnly: SiteCutOff = { passwordLoginUntil: at, passwordLoginScope: 'linkedOnly' };
  const none: SiteCutOff = { passwordLoginScope: 'everyone' };
  const plain = { localAccountUntil: null, hasEherkenning: false };
  const linked = { localAccountUntil: null, hasEherkenning: true };

  it('ends for everyone at the moment, not a millisecond before', () => {
    expect(endedForEveryone(everyone, before)).toBeUndefined();
    expect(endedForEveryone(everyone, at)).toEqual({ code: 'password_login_ended', since: at });
    expect(endedForAccount(everyone, plain, at)).toEqual({ code: 'password_login_ended', since: at });
    expect(endedForAccount(everyone, plain, before)).toBeUndefined();
  });

  it('with linkedOnly: nothing before the password is proved, then only for linked people', () => {
    expect(endedForEveryone(linkedOnly, at)).toBeUndefined();
    expect(needsIdentityCheck(linkedOnly, at)).toBe(true);
    expect(needsIdentityCheck(linkedOnly, before)).toBe(false);
    expect(needsIdentityCheck(everyone, at)).toBe(false);
    expect(endedForAccount(linkedOnly, linked, at)).toEqual({ code: 'password_login_ended', since: at });
    expect(endedForAccount(linkedOnly, linked, before)).toBeUndefined();
    expect(endedForAccount(linkedOnly, plain, new Date('2099-01-01'))).toBeUndefined();
  });

  it('ends a temporary account at its own end, which comes first when both have passed', () => {
    const temporary = { localAccountUntil: at, hasEherkenning: false };
    expect(endedForAccount(none, temporary, before)).toBeUndefined();
    expect(endedForAccount(none, temporary, at)).toEqual({ code: 'local_account_ended', since: at });
    expect(endedForAccount(everyone, temporary, at)).toEqual({ code: 'local_account_ended', since: at });
    expect(endedForEveryone(none, new Date('2099-01-01'))).toBeUndefined();
  });

  it('holds at every moment: refused exactly when the moment has come (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.boolean(), fc.boolean(), (delta, temporary, hasEherkenning) => {
        const now = new Date(at.getTime() + delta);
        const account = { localAccountUntil: temporary ? at : null, hasEherkenning };
        const result = endedForAccount(linkedOnly, account, now);
        const due = delta >= 0 && (temporary || hasEherkenning);
        return due ? result?.since === at : result === undefined;
      }),
    );
  });
});

describe('the organisation a login acts for', () => {
  it('acts for the only membership, asks for several, names none for none', () => {
    expect(actingAtLogin([])).toEqual({ actingFor: null, organisationChoicePending: false });
    expect(actingAtLogin(['a'])).toEqual({ actingFor: 'a', organisationChoicePending: false });
    expect(actingAtLogin(['a', 'b'])).toEqual({ actingFor: null, organisationChoicePending: true });
  });

  it('follows the organisation the answer names only when the person belongs to it', () => {
    expect(actingAtLogin(['a', 'b'], 'b')).toEqual({ actingFor: 'b', organisationChoicePending: false });
    expect(actingAtLogin(['a', 'b'], 'c')).toEqual({ actingFor: null, organisationChoicePending: true });
    expect(actingAtLogin(['a'], 'c')).toEqual({ actingFor: 'a', organisationChoicePending: false });
  });

  it('never acts for an organisation outside the memberships (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom<string>('a', 'b', 'c', 'd'), { maxLength: 4 }), fc.option(fc.constantFrom('a', 'b', 'x')), (mine, named) => {
        const { actingFor, organisationChoicePending } = actingAtLogin(mine, named ?? undefined);
        return (actingFor === null || mine.includes(actingFor)) && !(actingFor && organisationChoicePending);
      }),
    );
  });
});

describe('the organisation an eHerkenning answer names', () => {
  const board = { id: 'board', identifiers: { kvk: '41000001' } };
  const schoolA = { id: 'a', identifiers: { kvk: '41000001', vestigingsnr: '000000000001' } };
  const schoolB = { id: 'b', identifiers: { kvk: '41000001', vestigingsnr: '000000000002' } };
  const other = { id: 'other', identifiers: { kvk: '90001234' } };
  const byRsin = { id: 'rsin', identifiers: { rsin: '812345678' } };
  const answer = (value: string, vestigingsnummers: string[] = [], kind: 'kvk' | 'rsin' = 'kvk') => ({ kind, value, vestigingsnummers });

  it('reads the company from the identity, when it has one', () => {
    expect(organisationInAnswer({ legalSubject: { kind: 'kvk', value: '41000001' }, vestigingsnummers: ['000000000001'] })).toEqual(answer('41000001', ['000000000001']));
    expect(organisationInAnswer({ vestigingsnummers: [] })).toBeUndefined();
  });

  it('prefers the branch the answer names, else the company as a whole', () => {
    const all = [board, schoolA, schoolB, other];
    expect(organisationNamedBy(answer('41000001', ['000000000002']), all)).toBe('b');
    expect(organisationNamedBy(answer('41000001'), all)).toBe('board');
    expect(organisationNamedBy(answer('41000001', ['000000000009']), all)).toBe('board');
    expect(organisationNamedBy(answer('90001234'), all)).toBe('other');
    expect(organisationNamedBy(answer('812345678', [], 'rsin'), [byRsin, other])).toBe('rsin');
    expect(organisationNamedBy(answer('812345678'), [byRsin])).toBeUndefined();
  });

  it('takes a lone branch for a company-wide answer, but not for an answer about another branch', () => {
    expect(organisationNamedBy(answer('41000001'), [schoolA])).toBe('a');
    expect(organisationNamedBy(answer('41000001', ['000000000002']), [schoolA])).toBeUndefined();
  });

  it('names nothing when several fit equally', () => {
    expect(organisationNamedBy(answer('41000001'), [schoolA, schoolB])).toBeUndefined();
    expect(organisationNamedBy(answer('41000001'), [board, { ...board, id: 'board2' }])).toBeUndefined();
    expect(organisationNamedBy(answer('41000001', ['000000000001', '000000000002']), [schoolA, schoolB])).toBeUndefined();
    // Two branches named: not the company as a whole either, the person chooses.
    expect(organisationNamedBy(answer('41000001', ['000000000001', '000000000002']), [board, schoolA, schoolB])).toBeUndefined();
  });
});

describe('organisation numbers', () => {
  it('normalises first (full width, spaces, dots, dashes) and checks the final number of digits', () => {
    expect(parseIdentifiers({ kvk: ' 4100 0001 ', vestigingsnr: '0000-0000-0001' })).toEqual({ identifiers: { kvk: '41000001', vestigingsnr: '000000000001' } });
    expect(parseIdentifiers({ kvk: '４１０００００１' })).toEqual({ identifiers: { kvk: '41000001' } });
    expect(parseIdentifiers({ rsin: '8123.45.678' })).toEqual({ identifiers: { rsin: '812345678' } });
    expect(parseIdentifiers({ kvk: '4100001' })).toEqual({ invalid: 'kvk' });
    expect(parseIdentifiers({ kvk: '41000001a' })).toEqual({ invalid: 'kvk' });
    expect(parseIdentifiers({ rsin: '41000001' })).toEqual({ invalid: 'rsin' });
    expect(parseIdentifiers({ vestigingsnr: '000000000001' })).toEqual({ invalid: 'kvk' });
    expect(parseIdentifiers({})).toEqual({ identifiers: {} });
  });

  it('accepts a written number exactly when its digits are the right number after normalising (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9 .\-\u3000]{0,14}$/), (written) => {
        const digits = normaliseIdentifier(written);
        const result = parseIdentifiers({ kvk: written });
        return /^\d{8}$/.test(digits) ? 'identifiers' in result && result.identifiers.kvk === digits : 'invalid' in result;
      }),
    );
  });

  it("takes the Flemish identifiers ACM/IDM names organisations by: KBO number, OVO code, instellingsnummer", () => {
    expect(parseIdentifiers({ kbo: '0410.203.003', ovo: ' ovo-000123 ', instelling: '12 345' })).toEqual({ identifiers: { kbo: '0410203003', ovo: 'OVO000123', instelling: '12345' } });
    expect(parseIdentifiers({ kbo: '410203003' })).toEqual({ invalid: 'kbo' });
    expect(parseIdentifiers({ ovo: 'OVO12345' })).toEqual({ invalid: 'ovo' });
    expect(parseIdentifiers({ ovo: '000123' })).toEqual({ invalid: 'ovo' });
    expect(parseIdentifiers({ ovo: 'XOVO000123' })).toEqual({ invalid: 'ovo' });
    expect(parseIdentifiers({ instelling: '1234567' })).toEqual({ invalid: 'instelling' });
    expect(parseIdentifiers({ instelling: '' })).toEqual({ invalid: 'instelling' });
    expect(parseIdentifiers({ instelling: 'A1' })).toEqual({ invalid: 'instelling' });
  });

  it('names what is wrong with each refused kind', () => {
    expect(identifierProblem('kvk', false)).toBe('A Vestigingsnummer needs the KvK number too.');
    expect(identifierProblem('kvk', true)).toBe('The KvK number must have 8 digits.');
    expect(identifierProblem('ovo', false)).toMatch(/OVO and 6 digits/);
    expect(identifierProblem('instelling', false)).toMatch(/1 to 6 digits/);
    expect(identifierProblem('eidas', false)).toMatch(/DE\/NL\/HRB123456/);
  });

  it('reads an organisation code in an ACM/IDM answer by the same rules the service desk typed it with (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('kbo', 'ovo', 'instelling') as fc.Arbitrary<'kbo' | 'ovo' | 'instelling'>, fc.stringMatching(/^(OVO|ovo)?[0-9 .-]{1,13}$/), (kind, written) => {
        const stored = parseIdentifiers({ [kind]: written });
        const answered = organisationCodeOf(written);
        // What the desk could store as this kind, an answer naming it the same way is read as.
        if ('identifiers' in stored) return answered?.kind === kind && answered.value === stored.identifiers[kind];
        return answered?.kind !== kind;
      }),
    );
  });
});
