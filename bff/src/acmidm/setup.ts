// Builds the ACM/IDM dependencies of the app (kept out of createApp, which stays pure wiring): our
// SP keys for the Flemish IdP (configured, or development keys under POORT_DATA_DIR), the service,
// and in a demo environment the simulated IdP that `"metadata": "dev:vlaanderen"` refers to, with
// the demo organisations its test person works for.
import { join } from 'node:path';
import { createMissingKeyPairs, loadSpKeys } from '../saml/key-pair.js';
import { upstreamServiceInputs, type UpstreamSetupOptions } from '../saml-login/upstream-setup.js';
import { developmentPagesOn } from '../site-config/development-pages.js';
import { createAcmidmService, type AcmidmService } from './acmidm-service.js';
import { DevAcmidmIdp } from './dev-idp/dev-idp.js';
import { ensureDemoOrganisations } from './dev-idp/demo-organisations.js';

export const DEV_ACMIDM_METADATA = 'dev:vlaanderen';

/** ACM/IDM's own development key pairs: its own certificates, apart from eHerkenning's. */
export const devAcmidmKeyPairs = {
  signing: { name: 'acmidm-sp-signing', commonName: 'Poort development ACM-IDM SP signing' },
  encryption: { name: 'acmidm-sp-encryption', commonName: 'Poort development ACM-IDM SP encryption' },
};

/** As every SAML upstream's set-up takes them (no SOAP, unlike eHerkenning's: ACM/IDM has no Artifact binding). */
export type AcmidmSetupOptions = UpstreamSetupOptions;

export async function setUpAcmidm(options: AcmidmSetupOptions): Promise<{ acmidm?: AcmidmService; devAcmidm?: DevAcmidmIdp }> {
  const config = options.site.acmidm;
  if (!config) return {};
  const keys = options.keys ?? loadSpKeys(config.keys, options.baseDir, options.dataDir, devAcmidmKeyPairs);
  // Simulated only where development pages are on (a demo configuration, not NODE_ENV=production);
  // elsewhere `dev:` metadata is missing, and a login answers "unavailable".
  const dev = developmentPagesOn(options.site, options.production) && config.metadata === DEV_ACMIDM_METADATA;
  let devAcmidm: DevAcmidmIdp | undefined;
  const acmidm = createAcmidmService({
    config,
    ...upstreamServiceInputs(options, keys),
    devMetadata: () => devAcmidm?.metadata,
  });
  if (dev) {
    devAcmidm = new DevAcmidmIdp({
      publicUrl: options.publicUrl,
      keyDir: join(options.dataDir, 'keys'),
      sp: { entityId: acmidm.sp.entityId, acsUrl: acmidm.sp.acsUrl, encryptionCert: keys.encryption.cert, signingCert: keys.signing.cert },
      attributeNames: config.attributeNames,
    });
    // Made now where the database answers (tests and the demo find them at once); a start while it
    // does not must not fail for demo data: the simulated IdP makes them before its first answer.
    await ensureDemoOrganisations(options.db).catch(() => undefined);
  }
  return { acmidm, ...(devAcmidm ? { devAcmidm } : {}) };
}

/** Makes ACM/IDM's development keys (when acmidm.keys is not configured) without blocking, as eHerkenning's are. */
export async function makeAcmidmDevelopmentKeys(options: Pick<AcmidmSetupOptions, 'site' | 'dataDir'>): Promise<void> {
  if (!options.site.acmidm || options.site.acmidm.keys) return;
  await createMissingKeyPairs(join(options.dataDir, 'keys'), [devAcmidmKeyPairs.signing, devAcmidmKeyPairs.encryption]);
}
