// Everything the eHerkenning routes need from SAML, built once at start-up from the site
// configuration: our SP identity and keys, broker metadata, and how SOAP calls leave the process.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BASE } from '../../../contract/paths.js';
import type { Db } from '../../../db/open.js';
import type { SiteConfig, BrokerConfig } from '../site-config/schema.js';
import type { SoapTransport } from '../saml/artifact.js';
import type { SpKeys } from '../saml/key-pair.js';
import { MetadataStore } from './metadata-store.js';
import { httpSoapTransport } from '../saml/soap-transport.js';
import type { SpContext } from '../saml/sp-context.js';
import { buildEherkenningSpMetadata } from '../saml/sp-metadata.js';
import { buildServiceCatalogue, type CatalogueEntry } from '../saml/service-catalogue.js';

export const ACS_PATH = `${BASE}/auth/eherkenning/acs`;

export interface SamlService {
  sp: SpContext;
  metadata: MetadataStore;
  soap: SoapTransport;
  /** Our signed SP metadata (built once; signing is not free). */
  spMetadata(): string;
  /** Our signed entry for the service catalogue; undefined where the site configured none. */
  serviceCatalogue(): string | undefined;
  broker(id: string): BrokerConfig | undefined;
  /** Where an AuthnRequest for a chosen broker goes: itself, or the contracted broker with a hint. */
  route(chosen: BrokerConfig): { via: BrokerConfig; idpHint?: string };
  /** TLS settings for a broker's artifact resolution (client certificate and key, extra CA), read from their PEM files. */
  tlsClient(broker: BrokerConfig): { cert?: string; key?: string; ca?: string } | undefined;
}

export interface SamlServiceOptions {
  site: SiteConfig;
  baseDir: string;
  publicUrl: string;
  keys: SpKeys;
  db: Db;
  devMetadata?: (id: string) => string | undefined;
  soap?: SoapTransport;
  fetch?: typeof fetch;
}

export function createSamlService(options: SamlServiceOptions): SamlService {
  const { site } = options;
  const eh = site.eherkenning;
  const sp: SpContext = {
    entityId: eh.entityId,
    acsUrl: `${options.publicUrl}${ACS_PATH}`,
    keys: options.keys,
    serviceId: eh.serviceId,
    serviceUuid: eh.serviceUuid,
    serviceName: eh.serviceName,
    ...(eh.catalogue ? { serviceDescription: eh.catalogue.description } : {}),
    attributeConsumingServiceIndex: eh.attributeConsumingServiceIndex,
    ...(eh.eidas
      ? {
          eidas: {
            serviceId: eh.eidas.serviceId,
            serviceUuid: eh.eidas.serviceUuid,
            serviceName: eh.eidas.serviceName,
            ...(eh.catalogue ? { serviceDescription: eh.catalogue.eidasDescription ?? eh.catalogue.description } : {}),
            attributeConsumingServiceIndex: eh.eidas.attributeConsumingServiceIndex,
          },
        }
      : {}),
  };
  const metadata = new MetadataStore({
    db: options.db,
    baseDir: options.baseDir,
    refreshHours: eh.metadataRefreshHours,
    ...(options.devMetadata ? { devMetadata: options.devMetadata } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  let spMetadataXml: string | undefined;
  let catalogueXml: string | undefined;
  const catalogue = eh.catalogue;
  // load.ts (serviceCatalogueProblem) made sure the ServiceIDs name one OIN and eIDAS has its definition UUID.
  const catalogueEntries = (): CatalogueEntry[] =>
    catalogue
      ? [
          { kind: 'eherkenning', service: sp, definitionUuid: catalogue.definitionUuid, description: catalogue.description, level: eh.level },
          ...(sp.eidas && eh.eidas
            ? [{ kind: 'eidas' as const, service: sp.eidas, definitionUuid: catalogue.eidasDefinitionUuid!, description: catalogue.eidasDescription ?? catalogue.description, level: eh.eidas.level }]
            : []),
        ]
      : [];
  const brokers = new Map(site.brokers.map((b) => [b.id, b]));
  return {
    sp,
    metadata,
    soap: options.soap ?? httpSoapTransport,
    spMetadata: () => (spMetadataXml ??= buildEherkenningSpMetadata(sp)),
    serviceCatalogue: () =>
      catalogue &&
      (catalogueXml ??= buildServiceCatalogue({
        organisationName: site.site.name,
        brokerOin: catalogue.brokerOin,
        additionalBrokerOins: catalogue.additionalBrokerOins,
        sequence: catalogue.sequence,
        production: site.environment === 'production',
        serviceUrl: catalogue.serviceUrl,
        privacyPolicyUrl: catalogue.privacyPolicyUrl,
        entries: catalogueEntries(),
        keys: options.keys,
      })),
    broker: (id) => brokers.get(id),
    tlsClient: (broker) => {
      const read = (file: string | undefined) => (file ? readFileSync(resolve(options.baseDir, file), 'utf8') : undefined);
      const { tlsClientCert, tlsClientKey, tlsCa } = broker.artifact;
      if (!tlsClientCert && !tlsCa) return undefined;
      return { ...(tlsClientCert ? { cert: read(tlsClientCert)!, key: read(tlsClientKey)! } : {}), ...(tlsCa ? { ca: read(tlsCa)! } : {}) };
    },
    route: (chosen) => {
      if (eh.routing !== 'contracted') return { via: chosen };
      const via = brokers.get(eh.contractedBroker!)!;
      return via.id === chosen.id || !chosen.idpHint ? { via } : { via, idpHint: chosen.idpHint };
    },
  };
}
