// GET /api/config: everything the widget needs to know about this site, and nothing secret.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { PublicConfigSchema, type PublicConfig } from '../../../contract/api-schemas.js';
import { offeredMethods } from './offered-methods.js';
import type { AppEnv } from '../app-env.js';
import { validationHook } from '../http/validation-hook.js';
import type { SiteConfig } from './schema.js';
import { applicationView } from '../applications/application-access.js';
import { brokerHealthNow } from '../eherkenning/broker-health-store.js';
import type { BrokerAvailability } from '../eherkenning/broker-health-policy.js';

/** The site's public configuration; brokers that are down now are marked and listed last. */
export function publicConfig(site: SiteConfig, health: ReadonlyMap<string, BrokerAvailability> = new Map()): PublicConfig {
  return {
    environment: site.environment,
    siteName: site.site.name,
    methods: offeredMethods(site),
    level: site.eherkenning.level,
    brokers: brokersWithHealth(site, health),
    eherkenning: {
      entityId: site.eherkenning.entityId,
      serviceId: site.eherkenning.serviceId,
      serviceUuid: site.eherkenning.serviceUuid,
      serviceName: site.eherkenning.serviceName,
      level: site.eherkenning.level,
    },
    ...(site.site.helpdesk ? { helpdesk: site.site.helpdesk } : {}),
    ...(site.applications.length ? { applications: site.applications.map((app) => applicationView(app, site)) } : {}),
    localAccounts: {
      maxFailedLogins: site.localAccounts.maxFailedLogins,
      lockoutNoticeAfter: site.localAccounts.lockoutNoticeAfter,
      ...(site.localAccounts.passwordLoginUntil
        ? { passwordLoginUntil: site.localAccounts.passwordLoginUntil.toISOString(), passwordLoginScope: site.localAccounts.passwordLoginScope }
        : {}),
    },
  };
}

function brokersWithHealth(site: SiteConfig, health: ReadonlyMap<string, BrokerAvailability>): PublicConfig['brokers'] {
  // Under `contracted` routing every login goes through the one contracted broker: its health is theirs.
  const through = site.eherkenning.routing === 'contracted' ? site.eherkenning.contractedBroker : undefined;
  const listed = site.brokers.map(({ id, name, aliases, logo, levels }) => {
    const state = health.get(through ?? id);
    return { id, name, aliases, levels, ...(logo ? { logo } : {}), ...(state && !state.available ? { unavailable: { since: state.since.toISOString() } } : {}) };
  });
  // Stable: the configured order within the available and within the unavailable ones.
  return [...listed.filter((b) => !b.unavailable), ...listed.filter((b) => b.unavailable)];
}

const getConfig = createRoute({
  method: 'get',
  path: '/api/config',
  summary: 'What the widget needs to know about this site',
  responses: { 200: { description: 'site configuration', content: { 'application/json': { schema: PublicConfigSchema } } } },
});

export function configRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(getConfig, async (c) => {
    const { site, db, logger } = c.get('deps');
    // Without the database the list is still served, unmarked: a login attempt will say what is wrong.
    const health = await brokerHealthNow(db.db).catch((error: unknown) => {
      logger.warn({ requestId: c.get('requestId'), err: { name: (error as Error)?.name } }, 'broker health unavailable');
      return new Map<string, BrokerAvailability>();
    });
    return c.json(publicConfig(site, health), 200);
  });
}
