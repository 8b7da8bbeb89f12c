// createApp(deps): Poort's HTTP surface as pure wiring. No listening, no process state: tests build
// it in-process, and any number of instances can serve one database.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { mountDemoSite } from '../../demo-site/serve.js';
import type { AppDeps, AppEnv } from './app-env.js';
import { ApiError } from './http/api-error.js';
import { BASE } from '../../contract/paths.js';
import { handleErrors, handleNotFound } from './http/handle-errors.js';
import { validationHook } from './http/validation-hook.js';
import { requestDeadline } from './http/request-deadline.js';
import { requestId } from './http/request-id.js';
import { requestLog } from './http/request-log.js';
import { sameOriginJson } from './http/csrf-same-origin.js';
import { securityHeaders } from './http/security-headers.js';
import { adminAccountRoutes } from './accounts/admin-routes.js';
import { applicationRoutes } from './applications/routes.js';
import { auditRoutes } from './audit/routes.js';
import { beheerRoutes } from './beheer/routes.js';
import { peopleRoutes } from './accounts/people-routes.js';
import { configRoutes } from './site-config/routes.js';
import { devOutboxRoutes } from './mail/dev-outbox-routes.js';
import { devBrokerRoutes } from './eherkenning/dev-brokers/routes.js';
import { eherkenningRoutes } from './eherkenning/routes.js';
import { acmidmRoutes } from './acmidm/routes.js';
import { capacityRoutes } from './acmidm/capacity-routes.js';
import { devAcmidmRoutes } from './acmidm/dev-idp/routes.js';
import { healthRoutes } from './health/routes.js';
import { loginRoutes } from './password-login/routes.js';
import { passwordRoutes } from './accounts/password-routes.js';
import { linkCheckRoutes } from './accounts/link-check-routes.js';
import { preferencesRoutes } from './accounts/preferences-routes.js';
import { sessionRoutes } from './sessions/routes.js';
import { metricsRoutes } from './metrics/routes.js';
import { activationCodeAdminRoutes } from './linking/admin-routes.js';
import { linkRoutes } from './linking/routes.js';
import { organisationRoutes } from './organisations/routes.js';
import { DEVELOPMENT_PAGES_WARNING, developmentPagesOn } from './site-config/development-pages.js';
import { editorPageRoutes } from './texts/editor-routes.js';
import { textRoutes } from './texts/routes.js';

export const API_BODY_LIMIT = 64 * 1024;

export interface AppOptions {
  /** Serve the demo site and the built widget at `/` (npm start); off for a bare BFF. */
  demoSite?: boolean;
}

export function createApp(deps: AppDeps, options: AppOptions = {}) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requestId(), provide(deps), requestLog(deps.logger), securityHeaders(BASE));
  app.use(`${BASE}/*`, requestDeadline(deps.env.requestDeadlineMs, deps.logger));
  app.use(`${BASE}/api/*`, apiBodyLimit, sameOriginJson());
  // The form posts outside /api (log out everywhere, the simulated IdPs' pages) read their body
  // too: the same limit, before anything reads it. The ACS routes carry their own, larger one.
  app.use(`${BASE}/auth/logout`, apiBodyLimit);
  app.use(`${BASE}/dev/*`, apiBodyLimit);

  app.route(BASE, healthRoutes());
  app.route(BASE, configRoutes());
  app.route(BASE, sessionRoutes());
  app.route(BASE, loginRoutes());
  app.route(BASE, passwordRoutes());
  app.route(BASE, linkCheckRoutes());
  app.route(BASE, preferencesRoutes());
  app.route(BASE, organisationRoutes());
  app.route(BASE, capacityRoutes());
  app.route(BASE, adminAccountRoutes());
  app.route(BASE, activationCodeAdminRoutes());
  app.route(BASE, linkRoutes());
  app.route(BASE, peopleRoutes());
  app.route(BASE, auditRoutes());
  app.route(BASE, beheerRoutes());
  app.route(BASE, textRoutes());
  app.route(BASE, editorPageRoutes());
  const devPages = developmentPagesOn(deps.site, deps.env.production);
  if (devPages) {
    deps.logger.warn({ environment: deps.site.environment }, DEVELOPMENT_PAGES_WARNING);
    app.route(BASE, devOutboxRoutes());
  }
  app.route(BASE, eherkenningRoutes());
  app.route(BASE, acmidmRoutes());
  app.route(BASE, applicationRoutes());
  if (deps.env.metrics.token) app.route(BASE, metricsRoutes(deps.env.metrics.token));
  // Simulated brokers exist only when set up under the same rule (see eherkenning/setup.ts).
  if (devPages && deps.devBrokers) app.route(BASE, devBrokerRoutes());
  if (devPages && deps.devAcmidm) app.route(BASE, devAcmidmRoutes());

  app.doc31(`${BASE}/api/openapi.json`, {
    openapi: '3.1.0',
    info: { title: 'Poort BFF', version: '0.1.0', description: 'Backend-for-frontend of the <login-chooser> widget.' },
  });

  if (options.demoSite) mountDemoSite(app);
  app.notFound(handleNotFound);
  app.onError(handleErrors(deps.logger));
  return app;
}

export type PoortApp = ReturnType<typeof createApp>;

function provide(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    c.set('deps', deps);
    return next();
  };
}

const limitBody = bodyLimit({
  maxSize: API_BODY_LIMIT,
  onError: () => {
    throw new ApiError('payload_too_large');
  },
});

// Skipped for GET and HEAD, which carry no body: bodyLimit reads c.req.raw.body, and on the Node
// adapter that alone builds a full WHATWG Request (with an AbortController) for every request,
// a large share of the cost of a session check.
const apiBodyLimit: MiddlewareHandler = (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next));
