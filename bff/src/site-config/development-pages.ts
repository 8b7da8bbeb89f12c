// The development pages (/poort/dev/outbox with live reset and invitation links, and the
// simulated eHerkenning brokers) log nobody in and show secrets, so they fail closed: served only
// when the site configuration says it is a demo AND the process is not running as production.
// Either one alone is not enough: a production configuration started without NODE_ENV, or a
// demo configuration on a production process, gets none of them.
import type { SiteConfig } from './schema.js';

export function developmentPagesOn(site: Pick<SiteConfig, 'environment'>, production: boolean): boolean {
  return site.environment === 'demo' && !production;
}

export const DEVELOPMENT_PAGES_WARNING =
  'development pages are on (/poort/dev/outbox and the simulated eHerkenning brokers): this instance must not be reachable by the public';
