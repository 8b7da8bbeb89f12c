// eHerkenning assurance levels' URIs in SAML (AuthnContextClassRef), and the level each role must
// reach. Source: eHerkenning Afsprakenstelsel, "Interface specificaties". The levels themselves and
// their order are shared with the widget (contract/levels.ts).
import { levels, strongerLevel, type Level } from '../../../contract/levels.js';
import { roles, type Role } from '../../../contract/roles.js';

export const levelUri: Record<Level, string> = {
  loa2: 'urn:etoegang:core:assurance-class:loa2',
  loa2plus: 'urn:etoegang:core:assurance-class:loa2plus',
  loa3: 'urn:etoegang:core:assurance-class:loa3',
  loa4: 'urn:etoegang:core:assurance-class:loa4',
};

export function levelFromUri(uri: string): Level | undefined {
  return levels.find((l) => levelUri[l] === uri.trim());
}

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
