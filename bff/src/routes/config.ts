// GET /api/config: everything the widget needs to know about this site, and nothing secret.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { validationHook } from '../http/validation-hook.js';
import { levels } from '../site-config/levels.js';
import type { SiteConfig } from '../site-config/schema.js';

const Localized = z.object({ nl: z.string(), 'nl-BE': z.string(), en: z.string() });
const Level = z.enum(levels);

export const PublicConfigSchema = z
  .object({
    environment: z.enum(['production', 'demo']),
    siteName: Localized,
    methods: z.array(z.enum(['eherkenning', 'acmidm', 'email'])),
    level: Level,
    brokers: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        aliases: z.array(z.string()),
        logo: z.string().optional(),
        levels: z.array(Level),
      }),
    ),
    eherkenning: z.object({
      entityId: z.string(),
      serviceId: z.string(),
      serviceUuid: z.string(),
      serviceName: Localized,
      level: Level,
    }),
    helpdesk: z
      .object({ name: Localized, phone: z.string().optional(), url: z.string().optional(), email: z.string().optional() })
      .optional(),
    /** For the e-mail form's lockout explanation: the same for every address, so it reveals nothing. */
    localAccounts: z.object({ maxFailedLogins: z.number().int(), lockoutNoticeAfter: z.number().int() }),
  })
  .openapi('PublicConfig');
export type PublicConfig = z.infer<typeof PublicConfigSchema>;

/**
 * Login methods a route of this BFF can start. ACM/IDM is allowed in the configuration but has no
 * start route yet: offering it would send people to a 404, so it is left out until one exists.
 */
export const servedMethods: readonly SiteConfig['methods'][number][] = ['eherkenning', 'email'];

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
