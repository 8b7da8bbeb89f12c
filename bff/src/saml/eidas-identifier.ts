// The eIDAS identifier of a legal person (eIDAS LegalPersonIdentifier, in eHerkenning answers the
// LegalSubjectID of kind `urn:etoegang:1.11:EntityConcernedID:eIDASLegalIdentifier`): the country
// that issued it, the country it is for, and the identifier in the issuing country's register,
// e.g. `DE/NL/HRB123456`. Not a KvK number. Pure: the ACS reads it from answers, the service desk
// types it for an organisation, and both must arrive at the same text to match.

/** At most this many characters after normalising (the identifier part is a register number, not prose). */
export const EIDAS_IDENTIFIER_MAX = 256;

const SHAPE = /^([A-Z]{2})\/([A-Z]{2})\/([\x21-\x7e]+)$/;

/**
 * The identifier in one written form, or undefined when it is not one: Unicode NFKC (full-width
 * letters and slashes count), white space dropped (people and registers space numbers out), the two
 * country codes in capitals; the register's own identifier keeps its case. Idempotent.
 */
export function normaliseEidasIdentifier(value: string): string | undefined {
  const compact = value.normalize('NFKC').replace(/\s+/g, '');
  const upper = compact.replace(/^([a-zA-Z]{2})\/([a-zA-Z]{2})\//, (prefix) => prefix.toUpperCase());
  if (upper.length > EIDAS_IDENTIFIER_MAX || !SHAPE.test(upper)) return undefined;
  return upper;
}
