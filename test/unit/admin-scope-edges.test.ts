// Edges of admin-scope.ts that mutation testing found untried.
import { describe, expect, it } from 'vitest';
import { canAdministerAccount, serviceDeskCli, type AdminActor } from '../../bff/src/accounts/admin-scope.js';

const adminOfA: AdminActor = { id: 'u1', role: 'admin', memberships: [{ organisationId: 'A', role: 'admin' }] };

describe('canAdministerAccount: the role ceiling', () => {
  it('refuses an admin an account above their own role, even inside their organisation', () => {
    expect(canAdministerAccount(adminOfA, { role: 'admin', organisationIds: ['A'] })).toBe(true);
    expect(canAdministerAccount(adminOfA, { role: 'servicedesk', organisationIds: ['A'] })).toBe(false);
  });
});

describe('serviceDeskCli', () => {
  it('is nobody: no user and no memberships of its own', () => {
    expect(serviceDeskCli).toEqual({ id: null, role: 'servicedesk', memberships: [] });
  });
});
