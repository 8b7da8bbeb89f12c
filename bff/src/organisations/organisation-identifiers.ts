// The numbers an organisation is known by in eHerkenning answers, as the service desk types them:
// normalised first (Unicode NFKC, so full-width digits count; spaces, dots and dashes dropped), then
// checked on the final value. A company from another EU country is known by its eIDAS identifier
// (`DE/NL/HRB123456`), normalised by the same rule the ACS applies to answers. Pure.
import { normaliseEidasIdentifier } from '../saml/eidas-identifier.js';

/**
 * Kind → the exact number of digits it has (KvK-nummer 8, RSIN 9, Vestigingsnummer 12; the Belgian
 * KBO ondernemingsnummer 10, as ACM/IDM names organisations: acmidm/acmidm-attributes.ts).
 */
export const identifierDigits = { kvk: 8, rsin: 9, vestigingsnr: 12, kbo: 10 } as const;
export type NumberKind = keyof typeof identifierDigits;
/** The numbers, and `eidas`: a European legal person's identifier (eIDAS logins). */
export type IdentifierKind = NumberKind | 'eidas';
export const identifierKinds: IdentifierKind[] = [...(Object.keys(identifierDigits) as NumberKind[]), 'eidas'];

export function normaliseIdentifier(value: string): string {
  return value.normalize('NFKC').replace(/[\s.-]/g, '');
}

/** The identifiers to store, or the first kind whose value is not a number of the right length. */
export function parseIdentifiers(input: Partial<Record<IdentifierKind, string | undefined>>): { identifiers: Record<string, string> } | { invalid: IdentifierKind } {
  const identifiers: Record<string, string> = {};
  for (const kind of identifierKinds) {
    const given = input[kind];
    if (given === undefined) continue;
    const value = kind === 'eidas' ? normaliseEidasIdentifier(given) : normaliseIdentifier(given);
    if (value === undefined || (kind !== 'eidas' && !new RegExp(`^\\d{${identifierDigits[kind]}}$`).test(value))) return { invalid: kind };
    identifiers[kind] = value;
  }
  if (identifiers.vestigingsnr && !identifiers.kvk) return { invalid: 'kvk' };
  return { identifiers };
}

/** What is wrong with the identifier parseIdentifiers refused, for the service desk (English, as the API's developer messages). */
export function identifierProblem(kind: IdentifierKind, kvkGiven: boolean): string {
  if (kind === 'eidas') return 'The eIDAS identifier must look like DE/NL/HRB123456: the issuing country, the receiving country and the register number.';
  if (kind === 'kvk' && !kvkGiven) return 'A Vestigingsnummer needs the KvK number too.';
  return `The ${kind} number must have ${identifierDigits[kind]} digits.`;
}
