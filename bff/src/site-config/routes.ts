// GET /api/config: everything the widget needs to know about this site, and nothing secret.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { PublicConfigSchema, type PublicConfig } from '../../../contract/api-schemas.js';
import { servedMethods } from '../../../contract/login-methods.js';
import type { AppEnv } from '../app-env.js';
import { validationHook } from '../http/validation-hook.js';
import type { SiteConfig } from './schema.js';

export function publicConfig(site: SiteConfig): PublicConfig {
  return {
    environment: site.environment,
    siteName: site.site.name,
    methods: site.methods.filter((m) => servedMethods.includes(m)),
    level: site.eherkenning.level,
    brokers: site.brokers.map(({ id, name, aliases, logo, levels }) => ({ id, name, aliases, levels, ...(logo ? { logo } : {}) })),
    eherkenning: {
      entityId: site.eherkenning.entityId,
      serviceId: site.eherkenning.serviceId,
      serviceUuid: site.eherkenning.serviceUuid,
      serviceName: site.eherkenning.serviceName,
      level: site.eherkenning.level,
    },
    ...(site.site.helpdesk ? { helpdesk: site.site.helpdesk } : {}),
    localAccounts: { maxFailedLogins: site.localAccounts.maxFailedLogins, lockoutNoticeAfter: site.localAccounts.lockoutNoticeAfter },
  };
}

const getConfig = createRoute({
  method: 'get',
  path: '/api/config',
  summary: 'What the widget needs to know about this site',
  responses: { 200: { description: 'site configuration', content: { 'application/json': { schema: PublicConfigSchema } } } },
});

export function configRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(getConfig, (c) =>
    c.json(publicConfig(c.get('deps').site), 200),
  );
}
