// What the account operations need besides their input: the database, the site and process
// configuration, and who is acting from where (for the audit log). Routes and the CLI both make one.
import type { Db } from '../../../db/open.js';
import type { RequestOrigin } from '../http/request-client.js';
import type { EnvConfig } from '../config.js';
import type { SiteConfig } from '../site-config/schema.js';
import type { AdminActor } from './admin-scope.js';

export interface AccountContext {
  db: Db;
  site: SiteConfig;
  env: Pick<EnvConfig, 'publicUrl'>;
  /** Who acts (an admin, a service-desk user, or the CLI): decides the scope and is audited. */
  actor: AdminActor;
  origin?: RequestOrigin;
  /** Recorded in the audit details, e.g. `cli`. */
  via?: string;
}
