// Who may administer what (pure). The one place that decides an admin's scope, so the later
// per-organisation roles change this file and nothing else.
//
// - `servicedesk` (and the service-desk CLI) administers every organisation.
// - `admin` administers the organisations where its membership is `admin`; a membership with a
//   lower role (somewhere the person only works) gives no say there.
// - Nobody acts on, or gives, a role above their own.
// - An account is administered only by someone who administers every organisation it belongs to:
//   disabling or unblocking changes the whole account, so an admin of A does not end the access a
//   person also has at B. Accounts in no organisation are the service desk's.
import { roles, type Role } from '../../../contract/roles.js';

export interface AdminActor {
  /** The acting user, or null for the service-desk CLI. */
  id: string | null;
  role: Role;
  memberships: ReadonlyArray<{ organisationId: string; role: Role }>;
}

/** The service-desk CLI: no user behind it, and the whole installation in scope. */
export const serviceDeskCli: AdminActor = { id: null, role: 'servicedesk', memberships: [] };

const rank = (role: Role) => roles.indexOf(role);

/** True for the roles that administer accounts at all (admins must log in with eHerkenning). */
export function isAdministrator(role: Role): boolean {
  return rank(role) >= rank('admin');
}

/** True when the actor sees and acts on all organisations (and creates them). */
export function administersAll(actor: Pick<AdminActor, 'role'>): boolean {
  return actor.role === 'servicedesk';
}

export function canAdminister(actor: AdminActor, organisationId: string): boolean {
  if (administersAll(actor)) return true;
  return actor.role === 'admin' && actor.memberships.some((m) => m.organisationId === organisationId && m.role === 'admin');
}

/** Organisations the actor administers: `all`, or their ids (the narrowing a listing query needs). */
export function administeredOrganisations(actor: AdminActor): 'all' | string[] {
  if (administersAll(actor)) return 'all';
  return actor.memberships.filter((m) => canAdminister(actor, m.organisationId)).map((m) => m.organisationId);
}

export function mayGrantRole(actor: AdminActor, role: Role): boolean {
  return rank(role) <= rank(actor.role);
}

export function canAdministerAccount(actor: AdminActor, account: { role: Role; organisationIds: readonly string[] }): boolean {
  if (!mayGrantRole(actor, account.role)) return false;
  if (administersAll(actor)) return true;
  return account.organisationIds.length > 0 && account.organisationIds.every((id) => canAdminister(actor, id));
}
