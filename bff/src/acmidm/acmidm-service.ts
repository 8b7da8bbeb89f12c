// Everything the ACM/IDM routes need, built once at start-up from the site configuration: our SP
// identity and keys for the Flemish IdP (its own entity id and certificates), the IdP's metadata,
// and our signed SP metadata.
import { BASE } from '../../../contract/paths.js';
import type { Db } from '../../../db/open.js';
import { MetadataStore } from '../eherkenning/metadata-store.js';
import { BINDING, type BrokerEndpoints } from '../saml/broker-metadata.js';
import type { SpKeys } from '../saml/key-pair.js';
import type { SamlSp } from '../saml/sp-context.js';
import { buildSpMetadata } from '../saml/sp-metadata.js';
import type { AcmidmConfig } from '../site-config/schema.js';

export const ACMIDM_ACS_PATH = `${BASE}/auth/acmidm/acs`;
/**
 * What started ACM/IDM logins name as their IdP in `saml_requests.broker` and what its metadata is
 * cached under: a colon is no letter of a broker id, so no eHerkenning broker can share it.
 */
export const ACMIDM_REQUEST_KEY = 'acmidm:idp';

const NAMEID_TRANSIENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';

export interface AcmidmService {
  config: AcmidmConfig;
  sp: SamlSp;
  /** The IdP's entity id, SSO URL and signing certificates, from its metadata. */
  idp(): Promise<BrokerEndpoints>;
  /** Our signed SP metadata: POST ACS only (ACM/IDM offers no Artifact), transient NameIDs. */
  spMetadata(): string;
}

export interface AcmidmServiceOptions {
  config: AcmidmConfig;
  baseDir: string;
  publicUrl: string;
  keys: SpKeys;
  db: Db;
  devMetadata?: () => string | undefined;
  fetch?: typeof fetch;
}

export function createAcmidmService(options: AcmidmServiceOptions): AcmidmService {
  const { config } = options;
  const sp: SamlSp = { entityId: config.entityId, acsUrl: `${options.publicUrl}${ACMIDM_ACS_PATH}`, keys: options.keys };
  const metadata = new MetadataStore({
    db: options.db,
    baseDir: options.baseDir,
    refreshHours: config.metadataRefreshHours,
    ...(options.devMetadata ? { devMetadata: () => options.devMetadata!() } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const source = { id: ACMIDM_REQUEST_KEY, metadata: config.metadata, ...(config.metadataSigningCert ? { metadataSigningCert: config.metadataSigningCert } : {}) };
  let spMetadataXml: string | undefined;
  return {
    config,
    sp,
    idp: () => metadata.endpoints(source),
    spMetadata: () => (spMetadataXml ??= buildSpMetadata(sp, { acs: [{ binding: BINDING.post, index: 0 }], nameIdFormats: [NAMEID_TRANSIENT] })),
  };
}
