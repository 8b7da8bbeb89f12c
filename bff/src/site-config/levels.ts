// eHerkenning assurance levels (betrouwbaarheidsniveaus) and their URIs in SAML
// (AuthnContextClassRef). Source: eHerkenning Afsprakenstelsel, "Interface specificaties".
import { roles, type Role } from '../../../db/schema.js';
export const levels = ['loa2', 'loa2plus', 'loa3', 'loa4'] as const;
export type Level = (typeof levels)[number];

export const levelUri: Record<Level, string> = {
  loa2: 'urn:etoegang:core:assurance-class:loa2',
  loa2plus: 'urn:etoegang:core:assurance-class:loa2plus',
  loa3: 'urn:etoegang:core:assurance-class:loa3',
  loa4: 'urn:etoegang:core:assurance-class:loa4',
};

export function levelFromUri(uri: string): Level | undefined {
  return levels.find((l) => levelUri[l] === uri.trim());
}

/** True when `achieved` is at least as strong as `required`. */
export function levelSatisfies(achieved: Level, required: Level): boolean {
  return levels.indexOf(achieved) >= levels.indexOf(required);
}

/**
 * The level a role must log in with: the strongest set for it or for any role below it, so a
 * role added above `admin` (the service desk) never needs less than an admin does.
 */
export function requiredLevelForRole(roleLevels: Partial<Record<Role, Level>>, role: Role): Level | undefined {
  let required: Level | undefined;
  for (const r of roles.slice(0, roles.indexOf(role) + 1)) {
    const level = roleLevels[r];
    if (level) required = required ? strongestLevel(required, level) : level;
  }
  return required;
}

export function strongestLevel(a: Level, b: Level): Level {
  return levelSatisfies(a, b) ? a : b;
}
