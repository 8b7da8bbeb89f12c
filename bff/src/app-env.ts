import type { Logger } from 'pino';
import type { DbHandle } from '../../db/open.js';
import type { EnvConfig } from './config.js';
import type { ActiveSession } from './sessions/session-store.js';
import type { DevBrokers } from './eherkenning/dev-brokers/dev-brokers.js';
import type { SamlService } from './eherkenning/saml-service.js';
import type { SiteConfig } from './site-config/schema.js';
import type { AcmidmService } from './acmidm/acmidm-service.js';
import type { DevAcmidmIdp } from './acmidm/dev-idp/dev-idp.js';

/** What createApp needs from the outside world; tests pass their own. */
export interface AppDeps {
  db: DbHandle;
  logger: Logger;
  env: EnvConfig;
  site: SiteConfig;
  /** eHerkenning SP; absent when the site has no brokers configured. */
  saml?: SamlService;
  /** Simulated brokers for development (never in production). */
  devBrokers?: DevBrokers;
  /** The Flemish government login (ACM/IDM) SP; absent when the site does not configure `acmidm`. */
  acmidm?: AcmidmService;
  /** The simulated ACM/IDM IdP for development (never in production). */
  devAcmidm?: DevAcmidmIdp;
  /** The time, for rules that start at a moment (end of password login); tests set it, default the system clock. */
  clock?: () => Date;
}

/** The current time as the app sees it (AppDeps.clock, else the system clock). */
export function clockNow(deps: Pick<AppDeps, 'clock'>): Date {
  return deps.clock ? deps.clock() : new Date();
}

/** Typed context variables (Hono's `c.get`) shared by Poort's middleware and routes. */
export interface AppEnv {
  Variables: {
    requestId: string;
    deps: AppDeps;
    /** The caller's active session (null when none), set by the loadSession() middleware on the routers that use it. */
    session: ActiveSession | null;
  };
}
