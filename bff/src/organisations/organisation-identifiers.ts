// The numbers an organisation is known by in eHerkenning answers, as the service desk types them:
// normalised first (Unicode NFKC, so full-width digits count; spaces, dots and dashes dropped), then
// checked on the final value. Pure.

/**
 * Kind → the exact number of digits it has (KvK-nummer 8, RSIN 9, Vestigingsnummer 12; the Belgian
 * KBO ondernemingsnummer 10, as ACM/IDM names organisations: acmidm/acmidm-attributes.ts).
 */
export const identifierDigits = { kvk: 8, rsin: 9, vestigingsnr: 12, kbo: 10 } as const;
export type IdentifierKind = keyof typeof identifierDigits;
export const identifierKinds = Object.keys(identifierDigits) as IdentifierKind[];

export function normaliseIdentifier(value: string): string {
  return value.normalize('NFKC').replace(/[\s.-]/g, '');
}

/** The identifiers to store, or the first kind whose value is not a number of the right length. */
export function parseIdentifiers(input: Partial<Record<IdentifierKind, string | undefined>>): { identifiers: Record<string, string> } | { invalid: IdentifierKind } {
  const identifiers: Record<string, string> = {};
  for (const kind of identifierKinds) {
    const given = input[kind];
    if (given === undefined) continue;
    const value = normaliseIdentifier(given);
    if (!new RegExp(`^\\d{${identifierDigits[kind]}}$`).test(value)) return { invalid: kind };
    identifiers[kind] = value;
  }
  if (identifiers.vestigingsnr && !identifiers.kvk) return { invalid: 'kvk' };
  return { identifiers };
}
