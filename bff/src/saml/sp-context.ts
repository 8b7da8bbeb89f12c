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

/** The eHerkenning SP: a SamlSp registered for one service in the service catalogue. */
export interface SpContext extends SamlSp {
  serviceId: string;
  serviceUuid: string;
  serviceName: Localized;
  attributeConsumingServiceIndex: number;
}

export const ACS_INDEX = { artifact: 0, post: 1 } as const;

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
