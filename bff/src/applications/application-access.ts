// The access decision (access-policy.ts) for a real session: reads the membership the session acts
// for, and shapes what an application may see of the session (need-to-know, seed 001: "Alle
// informatie die zo ter beschikking wordt gesteld, voldoet daarbij aan de need-to-know voorwaarden").
import { requestedLevel } from '../eherkenning/service-level-policy.js';
import type { ApplicationView, MembershipView, SessionView } from '../../../contract/api-schemas.js';
import type { LoginMethod } from '../../../contract/login-methods.js';
import { offeredMethods } from '../site-config/offered-methods.js';
import type { DbOrTx } from '../../../db/open.js';
import { actingMembership } from '../organisations/membership-views.js';
import type { ActiveSession } from '../sessions/session-store.js';
import type { SiteConfig } from '../site-config/schema.js';
import type { ApplicationConfig } from './application-config.js';
import { applicationLevels, decideAccess, type AccessDecision, type SiteLevels } from './access-policy.js';

/** The site's methods and minimum levels, as the access decision takes them. */
export function siteLevels(site: SiteConfig): SiteLevels {
  return {
    methods: offeredMethods(site),
    base: {
      eherkenning: site.eherkenning.level,
      ...(site.eherkenning.eidas ? { eidas: requestedLevel(site.eherkenning, 'eidas') } : {}),
      ...(site.acmidm ? { acmidm: site.acmidm.level } : {}),
    },
  };
}

/** The application as the widget and refusals show it: its methods at their effective minimum. */
export function applicationView(app: ApplicationConfig, site: SiteConfig): ApplicationView {
  return { id: app.id, name: app.name, levels: applicationLevels(app, siteLevels(site)), helpdesk: app.helpdesk };
}

export interface AccessCheck {
  decision: AccessDecision;
  acting: MembershipView | null;
}

export async function checkAccess(db: DbOrTx, site: SiteConfig, app: ApplicationConfig, active: ActiveSession | null): Promise<AccessCheck> {
  if (!active) return { decision: decideAccess(app, siteLevels(site), null), acting: null };
  const acting = await actingMembership(db, active.session);
  const { session, user } = active;
  const decision = decideAccess(app, siteLevels(site), {
    method: session.method as LoginMethod,
    level: session.level,
    userRole: user.role,
    organisationChoicePending: session.organisationChoicePending,
    acting: acting ? { role: acting.role, capacity: acting.capacity } : null,
    capacity: session.attributes.capacity ?? null,
  });
  return { decision, acting };
}

/**
 * The session as one application may see it: only the attributes it lists. `email` and
 * `displayName` name the user's address and name, `organisation` the organisation it acts for;
 * the method, level and expiry are always there (the application decides on them too).
 */
export function applicationSessionView(view: SessionView, app: ApplicationConfig): SessionView {
  const may = new Set(app.attributes);
  const attributes = Object.fromEntries(Object.entries(view.attributes).filter(([name]) => may.has(name)));
  return {
    ...view,
    user: { ...view.user, email: may.has('email') ? view.user.email : null, displayName: may.has('displayName') ? view.user.displayName : null },
    actingFor: may.has('organisation') ? view.actingFor : null,
    attributes,
  };
}
