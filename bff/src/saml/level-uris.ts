// eHerkenning assurance levels' URIs in SAML (AuthnContextClassRef). Source: eHerkenning
// Afsprakenstelsel, "Interface specificaties". The levels and their order: contract/levels.ts.
import { levels, type Level } from '../../../contract/levels.js';

export const levelUri: Record<Level, string> = {
  loa2: 'urn:etoegang:core:assurance-class:loa2',
  loa2plus: 'urn:etoegang:core:assurance-class:loa2plus',
  loa3: 'urn:etoegang:core:assurance-class:loa3',
  loa4: 'urn:etoegang:core:assurance-class:loa4',
};

/**
 * The eIDAS levels (eIDAS implementing regulation 2015/1502) as the eHerkenning levels they equal
 * in the Afsprakenstelsel: substantial = EH3, high = EH4; low is below EH2+ and is read as EH2, the
 * weakest level Poort knows, so it never passes a check for more. Brokers normally send the
 * eHerkenning URI for eIDAS logins too; an answer with the eIDAS URI means the same.
 */
const eidasLevelUri: Record<string, Level> = {
  'http://eidas.europa.eu/LoA/low': 'loa2',
  'http://eidas.europa.eu/LoA/substantial': 'loa3',
  'http://eidas.europa.eu/LoA/high': 'loa4',
};

export function levelFromUri(uri: string): Level | undefined {
  const trimmed = uri.trim();
  return levels.find((l) => levelUri[l] === trimmed) ?? eidasLevelUri[trimmed];
}
