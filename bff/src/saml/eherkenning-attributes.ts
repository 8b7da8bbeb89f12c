// Maps the attribute values of a verified eHerkenning assertion to what Poort keeps. Pure.
// Sources: Afsprakenstelsel "Identificerende kenmerken" and "LegalSubjectID"; Logius digid_balie.
import type { LoginRedirectError } from '../../../contract/redirect-errors.js';
import { normaliseEidasIdentifier } from './eidas-identifier.js';
import type { CatalogueService, ServiceKind } from './sp-context.js';

export const ATTR = {
  actingSubject: 'urn:etoegang:core:ActingSubjectID',
  legalSubject: 'urn:etoegang:core:LegalSubjectID',
  serviceId: 'urn:etoegang:core:ServiceID',
  serviceUuid: 'urn:etoegang:core:ServiceUUID',
  vestigingsnr: 'urn:etoegang:1.9:ServiceRestriction:Vestigingsnr',
  /** The represented company's name: sent when the service catalogue asks for it. */
  companyName: 'urn:etoegang:1.11:attribute-represented:CompanyName',
  /** The acting person's names, from their (European) authentication service: asked for by the eIDAS service. */
  firstName: 'urn:etoegang:1.9:attribute:FirstName',
  familyName: 'urn:etoegang:1.9:attribute:FamilyName',
} as const;

/**
 * What the eIDAS service asks for besides its ServiceID (RequestedAttribute in our metadata): the
 * acting person's names, to show who is logged in, since their pseudonym says nothing to anyone.
 * Not the date of birth the eIDAS minimum data set also holds: Poort has no use for it (need to know).
 */
export const EIDAS_REQUESTED_ATTRIBUTES = [ATTR.firstName, ATTR.familyName] as const;

/**
 * What the eHerkenning service asks for besides its ServiceID: the represented company's name, to
 * show whom the person acts for (the KvK number alone says little to them).
 */
export const EHERKENNING_REQUESTED_ATTRIBUTES = [ATTR.companyName] as const;

/** The kinds of LegalSubjectID each service accepts: Dutch register numbers, or a European legal person's identifier. */
export type LegalSubjectKind = 'kvk' | 'rsin' | 'eidas';
const legalKindsOf: Record<ServiceKind, readonly LegalSubjectKind[]> = { eherkenning: ['kvk', 'rsin'], eidas: ['eidas'] };

/** Longer company names are cut: the name is only shown, never used to decide anything. */
export const COMPANY_NAME_MAX = 200;

export interface AttributeValue {
  value: string;
  /** NameQualifier of a (decrypted) NameID value. */
  nameQualifier?: string;
}

export interface EherkenningIdentity {
  /** The ActingSubjectID pseudonym: the identity key (never the transient Subject NameID). */
  subject: string;
  subjectQualifier?: string;
  legalSubject?: { kind: LegalSubjectKind; value: string };
  vestigingsnummers: string[];
  serviceId?: string;
  serviceUuid?: string;
  /** For display only ("logged in for Bakkerij De Korenschoof B.V."). */
  companyName?: string;
  /** eIDAS: the acting person's first and family name, for display only. */
  personName?: string;
}

/** `urn:etoegang:1.9:EntityConcernedID:KvKnr` → kvk; `…:RSIN` → rsin; `urn:etoegang:1.11:EntityConcernedID:eIDASLegalIdentifier` → eidas (any version number). */
export function legalSubjectKind(nameQualifier: string | undefined): LegalSubjectKind | undefined {
  if (!nameQualifier) return undefined;
  if (/^urn:etoegang:[\d.]+:EntityConcernedID:KvKnr$/.test(nameQualifier)) return 'kvk';
  if (/^urn:etoegang:[\d.]+:EntityConcernedID:RSIN$/.test(nameQualifier)) return 'rsin';
  if (/^urn:etoegang:[\d.]+:EntityConcernedID:eIDASLegalIdentifier$/.test(nameQualifier)) return 'eidas';
  return undefined;
}

/**
 * Builds the identity from attribute values by name; undefined reason when something required is
 * missing. Single-valued attributes with several values are refused rather than picked from.
 */
export function mapEherkenningAttributes(attributes: Map<string, AttributeValue[]>, service: ServiceKind = 'eherkenning'): EherkenningIdentity | { reason: string } {
  const single = (name: string) => singleValue(attributes, name);
  const acting = single(ATTR.actingSubject);
  if (acting === null) return { reason: 'acting_subject_multiple' };
  if (!acting?.value) return { reason: 'acting_subject_missing' };
  const legal = single(ATTR.legalSubject);
  if (legal === null) return { reason: 'legal_subject_multiple' };
  let legalSubject: EherkenningIdentity['legalSubject'];
  if (legal) {
    const kind = legalSubjectKind(legal.nameQualifier);
    // A KvK number in an eIDAS answer, or a European identifier in an eHerkenning one, is not what was asked.
    if (!kind || !legalKindsOf[service].includes(kind)) return { reason: 'legal_subject_unknown_kind' };
    const value = kind === 'eidas' ? normaliseEidasIdentifier(legal.value) : legal.value;
    if (!value) return { reason: 'legal_subject_invalid' };
    legalSubject = { kind, value };
  }
  const named = namedService(attributes);
  if ('reason' in named) return named;
  const companyName = displayName(attributes.get(ATTR.companyName));
  const personName = service === 'eidas' ? displayName([{ value: `${singleText(attributes, ATTR.firstName)} ${singleText(attributes, ATTR.familyName)}` }]) : undefined;
  return {
    subject: acting.value,
    ...(acting.nameQualifier ? { subjectQualifier: acting.nameQualifier } : {}),
    ...(legalSubject ? { legalSubject } : {}),
    vestigingsnummers: (attributes.get(ATTR.vestigingsnr) ?? []).map((v) => v.value),
    ...named,
    ...(companyName ? { companyName } : {}),
    ...(personName ? { personName } : {}),
  };
}

/** An attribute's one value; undefined when absent, null when repeated (refused rather than picked from). */
function singleValue(attributes: Map<string, AttributeValue[]>, name: string): AttributeValue | null | undefined {
  const values = attributes.get(name);
  if (!values) return undefined;
  return values.length === 1 ? values[0] : null;
}

/**
 * The service an answer names (ServiceID, ServiceUUID, where it carries them): read before the rest,
 * so an answer for another service is refused as that, not for identifiers that service may send.
 */
export function namedService(attributes: Map<string, AttributeValue[]>): Pick<EherkenningIdentity, 'serviceId' | 'serviceUuid'> | { reason: string } {
  const serviceId = singleValue(attributes, ATTR.serviceId);
  const serviceUuid = singleValue(attributes, ATTR.serviceUuid);
  if (serviceId === null || serviceUuid === null) return { reason: 'service_multiple' };
  return { ...(serviceId ? { serviceId: serviceId.value } : {}), ...(serviceUuid ? { serviceUuid: serviceUuid.value } : {}) };
}

/** The one value of a display-only attribute, or '' (missing or repeated: the display simply goes without). */
function singleText(attributes: Map<string, AttributeValue[]>, name: string): string {
  const values = attributes.get(name);
  return values?.length === 1 ? values[0]!.value : '';
}

/**
 * A name to show, from a display-only attribute: one value, control characters and runs of white
 * space made single spaces, at most COMPANY_NAME_MAX characters. Missing, empty or repeated: none,
 * and the login goes on (nothing depends on it).
 */
export function displayName(values: AttributeValue[] | undefined): string | undefined {
  if (values?.length !== 1) return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what goes.
  const name = values[0]!.value.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
  return name ? [...name].slice(0, COMPANY_NAME_MAX).join('') : undefined;
}

/**
 * False when the answer names another service than `ours`: a broker signs answers for every service
 * it serves, so a valid answer meant for another DV's service must not open a session here.
 * Either attribute is checked when the answer carries it (UUIDs compare case-insensitively).
 */
export function isForOurService(identity: Pick<EherkenningIdentity, 'serviceId' | 'serviceUuid'>, ours: Pick<CatalogueService, 'serviceId' | 'serviceUuid'>): boolean {
  if (identity.serviceId !== undefined && identity.serviceId !== ours.serviceId) return false;
  if (identity.serviceUuid !== undefined && identity.serviceUuid.toLowerCase() !== ours.serviceUuid.toLowerCase()) return false;
  return true;
}

/**
 * Why an answer is not for the service the login asked for, if it is not: `service_not_requested`
 * when it names another of our own services (an eIDAS answer to an eHerkenning login, or the other
 * way round: each service has its own level and identifiers), `service_mismatch` for anyone else's.
 */
export function serviceRefusal(
  identity: Pick<EherkenningIdentity, 'serviceId' | 'serviceUuid'>,
  requested: CatalogueService,
  ourOthers: readonly CatalogueService[],
): 'service_not_requested' | 'service_mismatch' | undefined {
  if (isForOurService(identity, requested)) return undefined;
  return ourOthers.some((other) => isForOurService(identity, other)) ? 'service_not_requested' : 'service_mismatch';
}

/** What the broker's status codes mean for the user (AS: AuthnFailed is the user's "Annuleren"). */
export function outcomeForStatus(second: string | undefined): Exclude<LoginRedirectError, 'service_mismatch'> {
  const s = second?.replace('urn:oasis:names:tc:SAML:2.0:status:', '');
  if (s === 'AuthnFailed') return 'cancelled';
  if (s === 'RequestDenied') return 'no_authorisation';
  if (s === 'NoAuthnContext') return 'level_too_low';
  return 'saml_invalid';
}
