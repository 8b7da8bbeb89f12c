// Which organisation a person acts for when a login starts, and which organisation an eHerkenning
// answer names. Pure: the database code in login-organisation.ts feeds these plain rows.
import type { EherkenningIdentity, LegalSubjectKind } from '../saml/eherkenning-attributes.js';

export interface ActingStart {
  /** The organisation the new session acts for; null when none is decided. */
  actingFor: string | null;
  /** Several memberships and nothing decided: the widget asks which one (the session records the answer). */
  organisationChoicePending: boolean;
}

/**
 * One membership: act for it. An organisation the eHerkenning answer names and the person belongs
 * to: act for that one, since the broker vouched for exactly that company. Several otherwise: ask.
 */
export function actingAtLogin(memberships: readonly string[], named?: string): ActingStart {
  if (named && memberships.includes(named)) return { actingFor: named, organisationChoicePending: false };
  if (memberships.length === 1) return { actingFor: memberships[0]!, organisationChoicePending: false };
  // Stryker disable next-line EqualityOperator: one membership returned above, so `>= 1` is the same here.
  return { actingFor: null, organisationChoicePending: memberships.length > 1 };
}

/** The company an eHerkenning answer is for: LegalSubjectID (KvK number, RSIN, or for eIDAS the European identifier) and any Vestigingsnummers. */
export interface OrganisationInAnswer {
  kind: LegalSubjectKind;
  value: string;
  vestigingsnummers: readonly string[];
}

export function organisationInAnswer(identity: Pick<EherkenningIdentity, 'legalSubject' | 'vestigingsnummers'>): OrganisationInAnswer | undefined {
  if (!identity.legalSubject) return undefined;
  return { kind: identity.legalSubject.kind, value: identity.legalSubject.value, vestigingsnummers: identity.vestigingsnummers };
}

export interface OrganisationCandidate {
  id: string;
  identifiers: Record<string, string>;
}

/**
 * The organisation an answer names, among those with its KvK number or RSIN. A school board and its
 * schools can share one KvK number and differ in Vestigingsnummer: a branch the answer names wins;
 * otherwise the one without a Vestigingsnummer (the company as a whole); a lone candidate is it.
 * Undefined when nothing fits or several fit equally (then the person chooses).
 */
export function organisationNamedBy(answer: OrganisationInAnswer, candidates: readonly OrganisationCandidate[]): string | undefined {
  const same = candidates.filter((c) => c.identifiers[answer.kind] === answer.value);
  // Stryker disable next-line ConditionalExpression: the answer's numbers are strings, so includes(undefined) is false anyway; the check is for the type.
  const branch = same.filter((c) => c.identifiers.vestigingsnr !== undefined && answer.vestigingsnummers.includes(c.identifiers.vestigingsnr));
  if (branch.length === 1) return branch[0]!.id;
  // Stryker disable next-line EqualityOperator: one branch returned above, so `>= 1` is the same here.
  if (branch.length > 1) return undefined;
  const whole = same.filter((c) => c.identifiers.vestigingsnr === undefined);
  if (whole.length === 1) return whole[0]!.id;
  // Stryker disable next-line ConditionalExpression: one whole company returned above, and two or more mean more than one candidate, so `whole.length === 0` always holds when the rest does.
  if (whole.length === 0 && same.length === 1 && answer.vestigingsnummers.length === 0) return same[0]!.id;
  return undefined;
}
