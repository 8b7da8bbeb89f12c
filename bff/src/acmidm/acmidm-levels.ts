// The Flemish ACM/IDM names the authentication means (authmech) a person used, not a level; each
// means has an assurance level, and the eIDAS level it equals (research: "Authentication means"
// table of authenticatie.vlaanderen.be). Poort's levels are eHerkenning's (contract/levels.ts), which
// the Afsprakenstelsel equates with eIDAS: EH2 and EH2+ ≈ low, EH3 = substantial, EH4 = high. So a
// means maps to the level of its eIDAS level; means without one (tlsclient, kerberos, password,
// ACM levels 10–19, between CSAM's low 5 and substantial 25) count as low. Pure.
import { levels, levelSatisfies, type Level } from '../../../contract/levels.js';

const AUTHMECH = 'urn:be:vlaanderen:authmech:';

/** Each means ACM/IDM documents, with the Poort level it reaches. */
export const authmechLevels: Readonly<Record<string, Level>> = {
  [`${AUTHMECH}eid`]: 'loa4',
  [`${AUTHMECH}eidashigh`]: 'loa4',
  [`${AUTHMECH}itsme`]: 'loa4',
  [`${AUTHMECH}csamtotp`]: 'loa3',
  [`${AUTHMECH}csamsms`]: 'loa3',
  [`${AUTHMECH}eidassubstantial`]: 'loa3',
  [`${AUTHMECH}tlsclient`]: 'loa2',
  [`${AUTHMECH}kerberos`]: 'loa2',
  [`${AUTHMECH}password`]: 'loa2',
  [`${AUTHMECH}csampassword`]: 'loa2',
  [`${AUTHMECH}csamselfreg`]: 'loa2',
};

/** The level an AuthnContextClassRef (an authmech URN) reaches; undefined for a means Poort does not know. */
export function levelOfAuthmech(classRef: string): Level | undefined {
  return Object.hasOwn(authmechLevels, classRef) ? authmechLevels[classRef] : undefined;
}

/**
 * The means good enough for `level`, strongest first: the RequestedAuthnContext (Comparison
 * `exact`, any one of them) that narrows ACM/IDM's choice of means, as `acr_values` does in OIDC.
 */
export function authmechsFor(level: Level): string[] {
  return Object.entries(authmechLevels)
    .filter(([, reached]) => levelSatisfies(reached, level))
    .sort(([, a], [, b]) => levels.indexOf(b) - levels.indexOf(a))
    .map(([urn]) => urn);
}
