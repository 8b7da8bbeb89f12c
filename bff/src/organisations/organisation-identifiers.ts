// The identifiers an organisation is known by in login answers, as the service desk types them:
// normalised first (Unicode NFKC, so full-width digits count; spaces, dots and dashes dropped), then
// checked on the final value. eHerkenning names Dutch organisations by KvK number, RSIN and
// Vestigingsnummer; ACM/IDM names Flemish ones by KBO ondernemingsnummer, OVO code or
// instellingsnummer (acmidm/acmidm-attributes.ts reads answers by these same rules); a company from
// another EU country is known by its eIDAS identifier (`DE/NL/HRB123456`), normalised by the same
// rule the ACS applies to answers. Pure.
import { normaliseEidasIdentifier } from '../saml/eidas-identifier.js';

export function normaliseIdentifier(value: string): string {
  return value.normalize('NFKC').replace(/[\s.-]/g, '');
}

interface IdentifierRule {
  /** The final value, or undefined when it cannot be one. */
  normalise: (given: string) => string | undefined;
  shape: RegExp;
  /** What is wrong when the value does not have its shape (English, as the API's developer messages). */
  problem: string;
}

const digits = (count: number, name: string): IdentifierRule => ({
  normalise: normaliseIdentifier,
  shape: new RegExp(`^\\d{${count}}$`),
  problem: `The ${name} must have ${count} digits.`,
});

const rules = {
  kvk: digits(8, 'KvK number'),
  rsin: digits(9, 'RSIN'),
  vestigingsnr: digits(12, 'Vestigingsnummer'),
  kbo: digits(10, 'KBO number'),
  ovo: {
    normalise: (given) => normaliseIdentifier(given).toUpperCase(),
    shape: /^OVO\d{6}$/,
    problem: 'The OVO code must be OVO and 6 digits, e.g. OVO000123.',
  },
  instelling: { normalise: normaliseIdentifier, shape: /^\d{1,6}$/, problem: 'The instellingsnummer must have 1 to 6 digits.' },
  eidas: {
    normalise: normaliseEidasIdentifier,
    shape: /^.+$/,
    problem: 'The eIDAS identifier must look like DE/NL/HRB123456: the issuing country, the receiving country and the register number.',
  },
} as const satisfies Record<string, IdentifierRule>;

export type IdentifierKind = keyof typeof rules;
export const identifierKinds = Object.keys(rules) as IdentifierKind[];

/** The value `given` stands for as an identifier of `kind`, or undefined when it is not one. */
export function identifierOf(kind: IdentifierKind, given: string): string | undefined {
  const rule: IdentifierRule = rules[kind];
  const value = rule.normalise(given);
  return value !== undefined && rule.shape.test(value) ? value : undefined;
}

/** The identifiers to store, or the first kind whose value is not one of its kind. */
export function parseIdentifiers(input: Partial<Record<IdentifierKind, string | undefined>>): { identifiers: Record<string, string> } | { invalid: IdentifierKind } {
  const identifiers: Record<string, string> = {};
  for (const kind of identifierKinds) {
    const given = input[kind];
    if (given === undefined) continue;
    const value = identifierOf(kind, given);
    if (value === undefined) return { invalid: kind };
    identifiers[kind] = value;
  }
  if (identifiers.vestigingsnr && !identifiers.kvk) return { invalid: 'kvk' };
  return { identifiers };
}

/** What is wrong with the identifier parseIdentifiers refused, for the service desk. */
export function identifierProblem(kind: IdentifierKind, kvkGiven: boolean): string {
  if (kind === 'kvk' && !kvkGiven) return 'A Vestigingsnummer needs the KvK number too.';
  return rules[kind].problem;
}
