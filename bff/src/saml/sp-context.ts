// Poort as a SAML service provider: the facts every SAML message of ours is built from.
import type { Localized } from '../../../contract/locales.js';
import type { SpKeys } from './key-pair.js';

export interface SpContext {
  entityId: string;
  /** ACS URL (both bindings share it: POST carries SAMLResponse, GET carries SAMLart). */
  acsUrl: string;
  keys: SpKeys;
  serviceId: string;
  serviceUuid: string;
  serviceName: Localized;
  attributeConsumingServiceIndex: number;
}

export const ACS_INDEX = { artifact: 0, post: 1 } as const;

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
