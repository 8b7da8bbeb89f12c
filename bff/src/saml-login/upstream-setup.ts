// What the set-up of every SAML upstream (eHerkenning, ACM/IDM) is given by the server or a test,
// and the part of it the upstream's service takes as it is.
import type { Db } from '../../../db/open.js';
import type { SpKeys } from '../saml/key-pair.js';
import type { SiteConfig } from '../site-config/schema.js';

export interface UpstreamSetupOptions {
  site: SiteConfig;
  baseDir: string;
  dataDir: string;
  publicUrl: string;
  production: boolean;
  db: Db;
  /** Keys to use instead of configured or generated ones (tests). */
  keys?: SpKeys;
  fetch?: typeof fetch;
}

/** The service's inputs that pass through the set-up unchanged, with the SP keys the upstream settled on. */
export function upstreamServiceInputs(options: UpstreamSetupOptions, keys: SpKeys): Pick<UpstreamSetupOptions, 'baseDir' | 'publicUrl' | 'db' | 'fetch'> & { keys: SpKeys } {
  return { baseDir: options.baseDir, publicUrl: options.publicUrl, keys, db: options.db, ...(options.fetch ? { fetch: options.fetch } : {}) };
}
