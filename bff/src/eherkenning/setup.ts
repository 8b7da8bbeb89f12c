// Builds the eHerkenning dependencies of the app (kept out of createApp, which stays pure wiring):
// SP keys (configured, or development keys under POORT_DATA_DIR), the SAML service, and in
// a demo environment the simulated brokers that `dev:<id>` metadata refers to.
import { join } from 'node:path';
import { ConfigError } from '../config.js';
import type { DevBrokers } from './dev-brokers/dev-brokers.js';
import type { SoapTransport } from '../saml/artifact.js';
import { createMissingKeyPairs, devSpKeyPairs, loadSpKeys } from '../saml/key-pair.js';
import { upstreamServiceInputs, type UpstreamSetupOptions } from '../saml-login/upstream-setup.js';
import { createSamlService, type SamlService } from './saml-service.js';
import { developmentPagesOn } from '../site-config/development-pages.js';

export interface EherkenningSetupOptions extends UpstreamSetupOptions {
  soap?: SoapTransport;
}

export async function setUpEherkenning(options: EherkenningSetupOptions): Promise<{ saml?: SamlService; devBrokers?: DevBrokers }> {
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
    ...upstreamServiceInputs(options, keys),
    devMetadata: (id) => devBrokers?.metadata(id),
    ...(options.soap ? { soap: options.soap } : {}),
  });
  if (usesDev) {
    const DevBrokersClass = await loadDevBrokers();
    devBrokers = new DevBrokersClass({
      brokers: site.brokers,
      publicUrl: options.publicUrl,
      keyDir: join(options.dataDir, 'keys'),
      sp: {
        entityId: saml.sp.entityId,
        acsUrl: saml.sp.acsUrl,
        serviceId: saml.sp.serviceId,
        serviceUuid: saml.sp.serviceUuid,
        encryptionCert: keys.encryption.cert,
        signingCert: keys.signing.cert,
        metadata: () => saml.spMetadata(),
        ...(saml.sp.eidas ? { eidas: saml.sp.eidas } : {}),
      },
    });
  }
  return { saml, ...(devBrokers ? { devBrokers } : {}) };
}

/**
 * Makes the SP's development keys (when eherkenning.keys is not configured) without blocking, so
 * the server runs this while its database opens; setUpEherkenning then reads them. It still makes
 * any that are missing, and reports failures. (The simulated brokers make theirs at first use.)
 */
export async function makeDevelopmentKeys(options: Pick<EherkenningSetupOptions, 'site' | 'dataDir'>): Promise<void> {
  const { site } = options;
  if (site.brokers.length === 0 || site.eherkenning.keys) return;
  await createMissingKeyPairs(join(options.dataDir, 'keys'), [devSpKeyPairs.signing, devSpKeyPairs.encryption]);
}

/** The simulated brokers are loaded only when on: they need samlify, a devDependency that a
 * production install (`npm ci --omit=dev`) does not have. */
async function loadDevBrokers(): Promise<typeof DevBrokers> {
  try {
    return (await import('./dev-brokers/dev-brokers.js')).DevBrokers;
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new ConfigError('the simulated eHerkenning brokers (metadata "dev:…") need the development dependencies (npm install); in production set NODE_ENV=production and configure real brokers');
  }
}
