// Maps the attributes of a verified ACM/IDM assertion to what Poort keeps. Pure.
// ACM/IDM documents its attributes as OIDC claims (`sub`, `given_name`, `family_name`,
// `vo_doelgroepcode`, `vo_orgcode`; research file, section 3); the SAML attribute names come with a
// site's integratiedossier, so they are configuration (`acmidm.attributeNames`) with these names as
// the default. The capacity: `vo_doelgroepcode` is one code (with the organisation in
// `vo_orgcode`), or several values `CODE` / `CODE:ORGCODE` when ACM/IDM leaves the choice to the
// application (the `Role:OrgKey` form of its 3D roles): then the widget asks (capacity step).
import { capacityCodes, CITIZEN, type CapacityCode } from '../../../contract/capacities.js';
import type { AttributeValue } from '../saml/eherkenning-attributes.js';
import { displayName } from '../saml/eherkenning-attributes.js';
import { identifierOf, type IdentifierKind } from '../organisations/organisation-identifiers.js';

export interface AcmidmAttributeNames {
  subject: string;
  givenName: string;
  familyName: string;
  capacity: string;
  organisationCode: string;
}

export const defaultAttributeNames: AcmidmAttributeNames = {
  subject: 'sub',
  givenName: 'given_name',
  familyName: 'family_name',
  capacity: 'vo_doelgroepcode',
  organisationCode: 'vo_orgcode',
};

/** One capacity as the answer states it: a code, and for an organisation its number. */
export interface AnsweredCapacity {
  code: CapacityCode;
  /** The organisation's identifier kind in Poort (`kbo`, `ovo`, `instelling`) and value; absent for a citizen. */
  organisation?: { kind: OrganisationCodeKind; value: string };
}

const organisationCodeKinds = ['kbo', 'ovo', 'instelling'] as const satisfies readonly IdentifierKind[];
export type OrganisationCodeKind = (typeof organisationCodeKinds)[number];

export interface AcmidmIdentity {
  /** The ACM person id: the identity key's subject (never the transient NameID, never the national register number). */
  subject: string;
  displayName?: string;
  capacities: AnsweredCapacity[];
}

const SUBJECT_MAX = 256;

/**
 * The kind of an organisation code, by the rules the service desk's identifiers follow
 * (organisation-identifiers.ts): a KBO number has 10 digits (0123.456.789), an OVO code is `OVO`
 * and 6 digits, an education institution number is 1–6 digits. Undefined for anything else.
 */
export function organisationCodeOf(raw: string): AnsweredCapacity['organisation'] | undefined {
  for (const kind of organisationCodeKinds) {
    const value = identifierOf(kind, raw);
    if (value !== undefined) return { kind, value };
  }
  return undefined;
}

/** One capacity value (`BUR`, `EA:0123456789`), with a separate organisation code for the single form. */
export function parseCapacity(value: string, separateOrganisation?: string): AnsweredCapacity | undefined {
  const [codePart, orgPart, extra] = value.trim().split(':');
  if (extra !== undefined) return undefined;
  const code = codePart?.trim().toUpperCase();
  if (!(capacityCodes as readonly string[]).includes(code ?? '')) return undefined;
  const orgText = orgPart ?? separateOrganisation;
  if (code === CITIZEN) return orgText === undefined || orgPart === undefined ? { code: CITIZEN } : undefined;
  if (orgText === undefined) return undefined;
  const organisation = organisationCodeOf(orgText);
  return organisation ? { code: code as CapacityCode, organisation } : undefined;
}

/**
 * The identity from attribute values by name; a reason when something required is missing or
 * malformed. One subject; at least one capacity; a capacity value Poort cannot read refuses the
 * answer rather than being skipped (a signed answer that says something unreadable is a fault).
 */
export function mapAcmidmAttributes(attributes: Map<string, AttributeValue[]>, names: AcmidmAttributeNames = defaultAttributeNames): AcmidmIdentity | { reason: string } {
  const subjects = attributes.get(names.subject);
  if (!subjects?.length) return { reason: 'subject_missing' };
  if (subjects.length !== 1) return { reason: 'subject_multiple' };
  const subject = subjects[0]!.value;
  if (!subject || subject.length > SUBJECT_MAX) return { reason: 'subject_missing' };

  const values = (attributes.get(names.capacity) ?? []).map((v) => v.value);
  if (values.length === 0) return { reason: 'capacity_missing' };
  const orgCodes = attributes.get(names.organisationCode) ?? [];
  if (orgCodes.length > 1) return { reason: 'organisation_code_multiple' };
  // The single form (one code, its organisation apart) only: with several values each names its own.
  const separate = values.length === 1 ? orgCodes[0]?.value : undefined;
  if (values.length > 1 && orgCodes.length) return { reason: 'capacity_invalid' };
  const capacities: AnsweredCapacity[] = [];
  for (const value of values) {
    const capacity = parseCapacity(value, separate);
    if (!capacity) return { reason: 'capacity_invalid' };
    if (!capacities.some((c) => sameCapacity(c, capacity))) capacities.push(capacity);
  }
  const name = displayName([{ value: [attributes.get(names.givenName)?.[0]?.value, attributes.get(names.familyName)?.[0]?.value].filter(Boolean).join(' ') }]);
  return { subject, ...(name ? { displayName: name } : {}), capacities };
}

export function sameCapacity(a: AnsweredCapacity, b: AnsweredCapacity): boolean {
  return a.code === b.code && a.organisation?.kind === b.organisation?.kind && a.organisation?.value === b.organisation?.value;
}
