// eHerkenning assurance levels (betrouwbaarheidsniveaus) and their URIs in SAML
// (AuthnContextClassRef). Source: eHerkenning Afsprakenstelsel, "Interface specificaties".
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

export function strongestLevel(a: Level, b: Level): Level {
  return levelSatisfies(a, b) ? a : b;
}
