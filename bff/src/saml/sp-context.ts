// Poort as a SAML service provider: the facts every SAML message of ours is built from.
import type { Localized } from '../../../contract/locales.js';
import type { SpKeys } from './key-pair.js';

/** What every SAML service provider of Poort is (eHerkenning, ACM/IDM): an entity, its ACS and its keys. */
export interface SamlSp {
  entityId: string;
  /** ACS URL (eHerkenning: both bindings share it, POST carries SAMLResponse, GET carries SAMLart). */
  acsUrl: string;
  keys: SpKeys;
}

/**
 * One service of ours in the eHerkenning service catalogue (dienstencatalogus): an AuthnRequest
 * names it by its AttributeConsumingService index, and answers carry its ServiceID and ServiceUUID.
 */
export interface CatalogueService {
  serviceId: string;
  serviceUuid: string;
  serviceName: Localized;
  /** What it is for (the service catalogue's description), where the site configured one. */
  serviceDescription?: Localized;
  attributeConsumingServiceIndex: number;
}

/** The brokers' services Poort logs in with: eHerkenning itself, and eIDAS (European means, EH3+). */
export type ServiceKind = 'eherkenning' | 'eidas';

/** The eHerkenning SP: a SamlSp whose own catalogue fields are the eHerkenning service. */
export interface SpContext extends SamlSp, CatalogueService {
  /** The eIDAS service, where the site offers it. */
  eidas?: CatalogueService;
}

/** The catalogue entry of a service kind; undefined for eIDAS where the site does not offer it. */
export function catalogueService(sp: SpContext, kind: ServiceKind): CatalogueService | undefined {
  return kind === 'eidas' ? sp.eidas : sp;
}

export const ACS_INDEX = { artifact: 0, post: 1 } as const;

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
