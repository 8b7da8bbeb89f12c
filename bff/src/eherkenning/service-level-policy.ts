// The level a broker login asks for and must reach, per service (pure). eIDAS has a floor no site
// setting lowers: EH3, eIDAS "substantial" (contract/levels.ts). The configuration refuses a
// lower eIDAS level already; the floor is applied here again, so a configuration object built
// some other way (tests, a future loader) still never asks for less.
import { eidasMinimumLevel, levelSatisfies, strongerLevel, type Level } from '../../../contract/levels.js';
import { isBrokerMethod } from '../../../contract/login-methods.js';
import { SamlError } from '../saml/saml-error.js';
import type { ServiceKind } from '../saml/sp-context.js';
import type { SiteConfig } from '../site-config/schema.js';

/** What the AuthnRequest asks for, and the stored request then demands: the site's level, and for eIDAS also its own and the floor. */
export function requestedLevel(eherkenning: Pick<SiteConfig['eherkenning'], 'level' | 'eidas'>, service: ServiceKind): Level {
  if (service === 'eherkenning') return eherkenning.level;
  return strongerLevel(strongerLevel(eherkenning.level, eherkenning.eidas?.level ?? eidasMinimumLevel), eidasMinimumLevel);
}

/** True when an eIDAS answer is below the floor: refused with its own reason, whatever was asked. */
export function belowEidasFloor(service: ServiceKind, achieved: Level): boolean {
  return service === 'eidas' && !levelSatisfies(achieved, eidasMinimumLevel);
}

/**
 * The broker service a stored request was started for. A RelayState of another upstream's login
 * (ACM/IDM) brought to the brokers' ACS names no request of theirs: refused as unknown.
 */
export function brokerServiceOf(request: { service: string }): ServiceKind {
  if (!isBrokerMethod(request.service)) throw new SamlError('relay_state_unknown');
  return request.service;
}
