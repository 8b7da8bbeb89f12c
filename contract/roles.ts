// Roles, ordered from least to most: a role may only be given by someone whose role is at least as
// high (bff/src/accounts/admin-scope.ts). `admin` administers its own organisations; `servicedesk`
// (the operator's help desk, like the CLI) all of them, and creates organisations. The database
// refuses any other value (db/schema.ts builds its check constraint from this list).
export const roles = ['user', 'editor', 'admin', 'servicedesk'] as const;
export type Role = (typeof roles)[number];
