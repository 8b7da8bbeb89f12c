// The level each role must reach. The levels themselves and their order are shared with the widget
// (contract/levels.ts); their URIs in SAML are in saml/level-uris.ts.
import { strongerLevel, type Level } from '../../../contract/levels.js';
import { roles, type Role } from '../../../contract/roles.js';

/**
 * The level a role must log in with: the strongest set for it or for any role below it, so a
 * role added above `admin` (the service desk) never needs less than an admin does.
 */
export function requiredLevelForRole(roleLevels: Partial<Record<Role, Level>>, role: Role): Level | undefined {
  let required: Level | undefined;
  for (const r of roles.slice(0, roles.indexOf(role) + 1)) {
    const level = roleLevels[r];
    if (level) required = required ? strongerLevel(required, level) : level;
  }
  return required;
}
