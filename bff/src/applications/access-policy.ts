// Does a session open an application? The single sign-on decision of issue 15 (seed 001: "hoeft
// dat bij een tweede of derde toepassing ... met dezelfde hoedanigheid niet meer opnieuw te doen"),
// as pure logic over plain values, so every case is a unit test:
//   no session                                  → login
//   a method the application does not take,
//   or a level below its minimum for that method → step_up (a new login: method, minimum level)
//   organisation still to choose                 → choose_organisation
//   membership, role or capacity missing         → refused (the application's helpdesk text)
//   otherwise                                    → granted: not asked again
import { methodLevelSatisfies, strongerMethodLevel } from '../../../contract/applications.js';
import type { LoginMethod } from '../../../contract/login-methods.js';
import { roles, type Role } from '../../../contract/roles.js';
import type { ApplicationConfig } from './application-config.js';

/** Why a session that logged in well enough does not open the application (audit reason codes). */
export type RefusalReason = 'membership_required' | 'role_too_low' | 'capacity_not_allowed' | 'method_not_offered';

export type AccessDecision =
  | { outcome: 'granted' }
  | { outcome: 'login' }
  | { outcome: 'step_up'; method: LoginMethod; level: string }
  | { outcome: 'choose_organisation' }
  | { outcome: 'refused'; reason: RefusalReason };

/** What the decision needs to know about a session. */
export interface SessionFacts {
  method: LoginMethod;
  level: string | null;
  userRole: Role;
  organisationChoicePending: boolean;
  /** The membership the session acts for, if any. */
  acting: { role: Role; capacity: string | null } | null;
  /** The capacity the login itself named (ACM/IDM: session attribute `capacity`), if any. */
  capacity: string | null;
}

export interface SiteLevels {
  /** The methods the site offers and the BFF serves, in the site's order. */
  methods: readonly LoginMethod[];
  /** The minimum the site sets for every login of a method (eHerkenning: `eherkenning.level`). */
  base: Partial<Record<LoginMethod, string>>;
}

/** The minimum level per method for this application: its own, raised to the site's. Only methods the site offers. */
export function applicationLevels(app: ApplicationConfig, site: SiteLevels): Partial<Record<LoginMethod, string>> {
  const result: Partial<Record<LoginMethod, string>> = {};
  for (const method of site.methods) {
    const own = app.levels[method];
    if (!own) continue;
    const base = site.base[method];
    result[method] = base ? strongerMethodLevel(method, own, base) : own;
  }
  return result;
}

export function decideAccess(app: ApplicationConfig, site: SiteLevels, session: SessionFacts | null): AccessDecision {
  if (!session) return { outcome: 'login' };
  const levels = applicationLevels(app, site);
  const required = levels[session.method];
  if (!required || !methodLevelSatisfies(session.method, session.level, required)) {
    // Stepping up keeps the person's method when the application takes it at all; otherwise the
    // first method the application takes, in the site's order.
    const method = required ? session.method : (Object.keys(levels) as LoginMethod[])[0];
    // None of its methods is served here (yet): nobody can enter, and a login would not help.
    if (!method) return { outcome: 'refused', reason: 'method_not_offered' };
    return { outcome: 'step_up', method, level: levels[method]! };
  }
  const needsOrganisation = app.requires.membership || app.requires.capacities !== undefined;
  if (session.organisationChoicePending && (needsOrganisation || app.requires.role)) return { outcome: 'choose_organisation' };
  if (app.requires.membership && !session.acting) return { outcome: 'refused', reason: 'membership_required' };
  if (app.requires.role && !roleAtLeast(effectiveRole(session), app.requires.role)) return { outcome: 'refused', reason: 'role_too_low' };
  if (app.requires.capacities) {
    const capacity = session.capacity ?? session.acting?.capacity ?? null;
    if (!capacity || !app.requires.capacities.includes(capacity)) return { outcome: 'refused', reason: 'capacity_not_allowed' };
  }
  return { outcome: 'granted' };
}

/** The higher of the person's own role and their role in the organisation the session acts for. */
function effectiveRole(session: SessionFacts): Role {
  const own = session.userRole;
  const there = session.acting?.role;
  return there && roles.indexOf(there) > roles.indexOf(own) ? there : own;
}

function roleAtLeast(role: Role, required: Role): boolean {
  return roles.indexOf(role) >= roles.indexOf(required);
}
