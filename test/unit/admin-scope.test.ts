// The admin scope policy (pure): who administers which organisations and accounts, and which
// roles they may give. The routes and the CLI only apply it (test/bff/admin-scope.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../../contract/roles.js';
import {
  administeredOrganisations,
  canAdminister,
  canAdministerAccount,
  isAdministrator,
  mayGrantRole,
  serviceDeskCli,
  type AdminActor,
} from '../../bff/src/accounts/admin-scope.js';
import { requiredLevelForRole } from '../../bff/src/site-config/levels.js';

const A = 'org-a';
const B = 'org-b';
const adminOfA: AdminActor = { id: 'u1', role: 'admin', memberships: [{ organisationId: A, role: 'admin' }, { organisationId: B, role: 'user' }] };
const desk: AdminActor = { id: 'u2', role: 'servicedesk', memberships: [] };

describe('canAdminister', () => {
  it('gives an admin the organisations where their membership is admin, and no other', () => {
    expect(canAdminister(adminOfA, A)).toBe(true);
    expect(canAdminister(adminOfA, B)).toBe(false);
    expect(canAdminister(adminOfA, 'org-c')).toBe(false);
    expect(administeredOrganisations(adminOfA)).toEqual([A]);
  });

  it('gives nothing to a user or editor, even with an admin membership', () => {
    for (const role of ['user', 'editor'] as const) expect(canAdminister({ ...adminOfA, role }, A)).toBe(false);
  });

  it('gives the service desk and the CLI every organisation', () => {
    for (const actor of [desk, serviceDeskCli]) {
      expect(canAdminister(actor, 'any-org')).toBe(true);
      expect(administeredOrganisations(actor)).toBe('all');
    }
  });
});

describe('canAdministerAccount', () => {
  it('needs every organisation of the account to be administered, and at least one', () => {
    expect(canAdministerAccount(adminOfA, { role: 'user', organisationIds: [A] })).toBe(true);
    expect(canAdministerAccount(adminOfA, { role: 'user', organisationIds: [A, B] })).toBe(false);
    expect(canAdministerAccount(adminOfA, { role: 'user', organisationIds: [] })).toBe(false);
    expect(canAdministerAccount(desk, { role: 'user', organisationIds: [] })).toBe(true);
  });

  it('never reaches an account above the actor\'s own role (property)', () => {
    const role = fc.constantFrom(...roles);
    const orgs = fc.array(fc.constantFrom(A, B, 'org-c'), { maxLength: 3 });
    const actor = fc.record({ id: fc.constant('x'), role, memberships: fc.array(fc.record({ organisationId: fc.constantFrom(A, B, 'org-c'), role }), { maxLength: 3 }) });
    fc.assert(
      fc.property(actor, role, orgs, (who, targetRole, organisationIds) => {
        const allowed = canAdministerAccount(who, { role: targetRole, organisationIds });
        if (roles.indexOf(targetRole) > roles.indexOf(who.role)) expect(allowed).toBe(false);
        if (allowed && who.role !== 'servicedesk') expect(organisationIds.length > 0 && organisationIds.every((o) => canAdminister(who, o))).toBe(true);
      }),
    );
  });
});

describe('mayGrantRole and isAdministrator', () => {
  it('lets an admin give user, editor and admin, but not servicedesk', () => {
    expect((['user', 'editor', 'admin', 'servicedesk'] as Role[]).map((r) => mayGrantRole(adminOfA, r))).toEqual([true, true, true, false]);
    expect(mayGrantRole(desk, 'servicedesk')).toBe(true);
  });

  it('counts admin and servicedesk as administrators', () => {
    expect(roles.filter(isAdministrator)).toEqual(['admin', 'servicedesk']);
  });
});

describe('requiredLevelForRole', () => {
  it('asks a role for the strongest level set for it or any role below it', () => {
    expect(requiredLevelForRole({ admin: 'loa3' }, 'servicedesk')).toBe('loa3');
    expect(requiredLevelForRole({ admin: 'loa3', servicedesk: 'loa2plus' }, 'servicedesk')).toBe('loa3');
    expect(requiredLevelForRole({ editor: 'loa2plus', admin: 'loa3', servicedesk: 'loa4' }, 'servicedesk')).toBe('loa4');
    expect(requiredLevelForRole({ admin: 'loa3' }, 'editor')).toBeUndefined();
    expect(requiredLevelForRole({}, 'admin')).toBeUndefined();
  });
});
