// eHerkenning assurance levels (betrouwbaarheidsniveaus), weakest first. Their SAML URIs are the
// BFF's business (bff/src/site-config/levels.ts); the order is shared, because the widget hides
// brokers that cannot deliver the level a site asks for.
export const levels = ['loa2', 'loa2plus', 'loa3', 'loa4'] as const;
export type Level = (typeof levels)[number];

/** True when `achieved` is at least as strong as `required`. */
export function levelSatisfies(achieved: Level, required: Level): boolean {
  return levels.indexOf(achieved) >= levels.indexOf(required);
}

/** The stronger of two levels. */
export function strongerLevel(a: Level, b: Level): Level {
  return levelSatisfies(a, b) ? a : b;
}

/**
 * eIDAS logins through eHerkenning need EH3 (eIDAS "substantial") or higher: a European means is
 * accepted only at the levels eIDAS recognises across borders (EH3 = substantial, EH4 = high).
 */
export const eidasMinimumLevel: Level = 'loa3';
