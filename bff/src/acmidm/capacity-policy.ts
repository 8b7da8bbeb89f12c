// Which capacity an ACM/IDM session acts in: decided at login when the answer leaves one, asked
// otherwise (as ACM/IDM itself skips its capacity screen when only one applies), and changed only
// to another capacity of the same login. The session keeps the offered ones in its attributes
// (`capacities`: `BUR,EA:<organisation id>,…`) and the chosen one (`capacity`). Pure.
import { capacityCodes, CITIZEN, type CapacityCode } from '../../../contract/capacities.js';

export interface SessionCapacity {
  code: CapacityCode;
  /** The Poort organisation it acts for; null for the citizen capacity. */
  organisationId: string | null;
}

export const CAPACITIES_ATTRIBUTE = 'capacities';
export const CAPACITY_ATTRIBUTE = 'capacity';

export function encodeCapacities(capacities: readonly SessionCapacity[]): string {
  return capacities.map((c) => (c.organisationId ? `${c.code}:${c.organisationId}` : c.code)).join(',');
}

/** The capacities a session was offered; none for a session of another method (or a hand-edited row). */
export function decodeCapacities(attributes: Readonly<Record<string, string>>): SessionCapacity[] {
  const text = attributes[CAPACITIES_ATTRIBUTE];
  if (!text) return [];
  const out: SessionCapacity[] = [];
  for (const part of text.split(',')) {
    const [code, organisationId] = part.split(':');
    if (!(capacityCodes as readonly string[]).includes(code ?? '')) continue;
    if ((code === CITIZEN) !== (organisationId === undefined)) continue;
    out.push({ code: code as CapacityCode, organisationId: organisationId ?? null });
  }
  return out;
}

export interface CapacityStart {
  actingFor: string | null;
  /** More than one capacity: the widget asks which one (organisationChoicePending on the session). */
  organisationChoicePending: boolean;
  attributes: Record<string, string>;
}

/** The session's start from the capacities this login may use (at least one). */
export function capacityAtLogin(capacities: readonly SessionCapacity[]): CapacityStart {
  const offered = { [CAPACITIES_ATTRIBUTE]: encodeCapacities(capacities) };
  if (capacities.length === 1) {
    const only = capacities[0]!;
    return { actingFor: only.organisationId, organisationChoicePending: false, attributes: { ...offered, [CAPACITY_ATTRIBUTE]: only.code } };
  }
  return { actingFor: null, organisationChoicePending: true, attributes: offered };
}

/**
 * The capacity a switch asks for, when this session's login offered it: an organisation among
 * them, or (organisationId null) the citizen capacity. Undefined means refused: a capacity ACM/IDM
 * did not vouch for in this login, whatever memberships the person has otherwise.
 */
export function offeredCapacity(attributes: Readonly<Record<string, string>>, organisationId: string | null): SessionCapacity | undefined {
  return decodeCapacities(attributes).find((c) => c.organisationId === organisationId);
}

/** The session's attributes once `chosen` is its capacity. */
export function withCapacity(attributes: Readonly<Record<string, string>>, chosen: SessionCapacity): Record<string, string> {
  return { ...attributes, [CAPACITY_ATTRIBUTE]: chosen.code };
}
