// Builds the eHerkenning dependencies of the app (kept out of createApp, which stays pure wiring):
// SP keys (configured, or development keys under POORT_DATA_DIR), the SAML service, and in
// a demo environment the simulated brokers that `dev:<id>` metadata refers to.
import { join } from 'node:path';
import type { Db } from '../../db/open.js';
import { DevBrokers } from './dev-brokers/dev-brokers.js';
import type { SoapTransport } from './saml/artifact.js';
import { loadSpKeys, type SpKeys } from './saml/key-pair.js';
import { createSamlService, type SamlService } from './saml/saml-service.js';
import { developmentPagesOn } from './site-config/development-pages.js';
import type { SiteConfig } from './site-config/schema.js';

export interface EherkenningSetupOptions {
  site: SiteConfig;
  baseDir: string;
  dataDir: string;
  publicUrl: string;
  production: boolean;
  db: Db;
  /** Keys to use instead of configured or generated ones (tests). */
  keys?: SpKeys;
  soap?: SoapTransport;
  fetch?: typeof fetch;
}

export function setUpEherkenning(options: EherkenningSetupOptions): { saml?: SamlService; devBrokers?: DevBrokers } {
  const { site } = options;
  if (site.brokers.length === 0) return {};
  // `dev:<id>` brokers are simulated in this process only where development pages are on (a demo
  // configuration, not NODE_ENV=production); elsewhere such a broker has no metadata, and starting
  // a login with it answers "eHerkenning unavailable".
  const usesDev = developmentPagesOn(site, options.production) && site.brokers.some((b) => b.metadata.startsWith('dev:'));
  const keys = options.keys ?? loadSpKeys(site.eherkenning.keys, options.baseDir, options.dataDir);
  let devBrokers: DevBrokers | undefined;
  const saml = createSamlService({
    site,
    baseDir: options.baseDir,
    publicUrl: options.publicUrl,
    keys,
    db: options.db,
    devMetadata: (id) => devBrokers?.metadata(id),
    ...(options.soap ? { soap: options.soap } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  if (usesDev) {
    devBrokers = new DevBrokers({
      brokers: site.brokers,
      publicUrl: options.publicUrl,
      keyDir: join(options.dataDir, 'keys'),
      sp: { entityId: saml.sp.entityId, acsUrl: saml.sp.acsUrl, serviceId: saml.sp.serviceId, serviceUuid: saml.sp.serviceUuid, encryptionCert: keys.encryption.cert, signingCert: keys.signing.cert, metadata: () => saml.spMetadata() },
    });
  }
  return { saml, ...(devBrokers ? { devBrokers } : {}) };
}
