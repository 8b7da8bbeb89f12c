// Maps the attribute values of a verified eHerkenning assertion to what Poort keeps. Pure.
// Sources: Afsprakenstelsel "Identificerende kenmerken" and "LegalSubjectID"; Logius digid_balie.
import type { LoginRedirectError } from '../../../contract/redirect-errors.js';

export const ATTR = {
  actingSubject: 'urn:etoegang:core:ActingSubjectID',
  legalSubject: 'urn:etoegang:core:LegalSubjectID',
  serviceId: 'urn:etoegang:core:ServiceID',
  serviceUuid: 'urn:etoegang:core:ServiceUUID',
  vestigingsnr: 'urn:etoegang:1.9:ServiceRestriction:Vestigingsnr',
  /** The represented company's name: sent when the service catalogue asks for it. */
  companyName: 'urn:etoegang:1.11:attribute-represented:CompanyName',
} as const;

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
  legalSubject?: { kind: 'kvk' | 'rsin'; value: string };
  vestigingsnummers: string[];
  serviceId?: string;
  serviceUuid?: string;
  /** For display only ("logged in for Bakkerij De Korenschoof B.V."). */
  companyName?: string;
}

/** `urn:etoegang:1.9:EntityConcernedID:KvKnr` → kvk; `…:RSIN` → rsin (any version number). */
export function legalSubjectKind(nameQualifier: string | undefined): 'kvk' | 'rsin' | undefined {
  if (!nameQualifier) return undefined;
  if (/^urn:etoegang:[\d.]+:EntityConcernedID:KvKnr$/.test(nameQualifier)) return 'kvk';
  if (/^urn:etoegang:[\d.]+:EntityConcernedID:RSIN$/.test(nameQualifier)) return 'rsin';
  return undefined;
}

/**
 * Builds the identity from attribute values by name; undefined reason when something required is
 * missing. Single-valued attributes with several values are refused rather than picked from.
 */
export function mapEherkenningAttributes(attributes: Map<string, AttributeValue[]>): EherkenningIdentity | { reason: string } {
  const single = (name: string) => {
    const values = attributes.get(name);
    if (!values) return undefined;
    return values.length === 1 ? values[0] : null;
  };
  const acting = single(ATTR.actingSubject);
  if (acting === null) return { reason: 'acting_subject_multiple' };
  if (!acting?.value) return { reason: 'acting_subject_missing' };
  const legal = single(ATTR.legalSubject);
  if (legal === null) return { reason: 'legal_subject_multiple' };
  let legalSubject: EherkenningIdentity['legalSubject'];
  if (legal) {
    const kind = legalSubjectKind(legal.nameQualifier);
    if (!kind) return { reason: 'legal_subject_unknown_kind' };
    legalSubject = { kind, value: legal.value };
  }
  const serviceId = single(ATTR.serviceId);
  const serviceUuid = single(ATTR.serviceUuid);
  if (serviceId === null || serviceUuid === null) return { reason: 'service_multiple' };
  const companyName = displayName(attributes.get(ATTR.companyName));
  return {
    subject: acting.value,
    ...(acting.nameQualifier ? { subjectQualifier: acting.nameQualifier } : {}),
    ...(legalSubject ? { legalSubject } : {}),
    vestigingsnummers: (attributes.get(ATTR.vestigingsnr) ?? []).map((v) => v.value),
    ...(serviceId ? { serviceId: serviceId.value } : {}),
    ...(serviceUuid ? { serviceUuid: serviceUuid.value } : {}),
    ...(companyName ? { companyName } : {}),
  };
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
 * False when the answer names another service than ours: a broker signs answers for every service
 * it serves, so a valid answer meant for another DV's service must not open a session here.
 * Either attribute is checked when the answer carries it (UUIDs compare case-insensitively).
 */
export function isForOurService(identity: Pick<EherkenningIdentity, 'serviceId' | 'serviceUuid'>, ours: { serviceId: string; serviceUuid: string }): boolean {
  if (identity.serviceId !== undefined && identity.serviceId !== ours.serviceId) return false;
  if (identity.serviceUuid !== undefined && identity.serviceUuid.toLowerCase() !== ours.serviceUuid.toLowerCase()) return false;
  return true;
}

/** What the broker's status codes mean for the user (AS: AuthnFailed is the user's "Annuleren"). */
export function outcomeForStatus(second: string | undefined): Exclude<LoginRedirectError, 'service_mismatch'> {
  const s = second?.replace('urn:oasis:names:tc:SAML:2.0:status:', '');
  if (s === 'AuthnFailed') return 'cancelled';
  if (s === 'RequestDenied') return 'no_authorisation';
  if (s === 'NoAuthnContext') return 'level_too_low';
  return 'saml_invalid';
}
