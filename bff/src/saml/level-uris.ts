// eHerkenning assurance levels' URIs in SAML (AuthnContextClassRef). Source: eHerkenning
// Afsprakenstelsel, "Interface specificaties". The levels and their order: contract/levels.ts.
import { levels, type Level } from '../../../contract/levels.js';

export const levelUri: Record<Level, string> = {
  loa2: 'urn:etoegang:core:assurance-class:loa2',
  loa2plus: 'urn:etoegang:core:assurance-class:loa2plus',
  loa3: 'urn:etoegang:core:assurance-class:loa3',
  loa4: 'urn:etoegang:core:assurance-class:loa4',
};

export function levelFromUri(uri: string): Level | undefined {
  return levels.find((l) => levelUri[l] === uri.trim());
}
