// createApp(deps): Poort's HTTP surface as pure wiring. No listening, no process state: tests build
// it in-process, and any number of instances can serve one database.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { mountDemoSite } from '../../demo-site/serve.js';
import type { AppDeps, AppEnv } from './app-env.js';
import { ApiError } from './http/api-error.js';
import { BASE } from '../../contract/paths.js';
import { ACS_PATH } from './eherkenning/saml-service.js';
import { ACMIDM_ACS_PATH } from './acmidm/acmidm-service.js';
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
/** The routes that answer a completed login: their own, longer deadline (POORT_ACS_DEADLINE_MS). */
const ACS_PATHS = new Set([ACS_PATH, ACMIDM_ACS_PATH]);

export interface AppOptions {
  /** Serve the demo site and the built widget at `/` (npm start); off for a bare BFF. */
  demoSite?: boolean;
}

export function createApp(deps: AppDeps, options: AppOptions = {}) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requestId(), provide(deps), requestLog(deps.logger), securityHeaders(BASE));
  app.use(`${BASE}/*`, requestDeadline((path) => (ACS_PATHS.has(path) ? deps.env.acsDeadlineMs : deps.env.requestDeadlineMs), deps.logger));
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

// GET and HEAD carry no body. A body with a Content-Length is judged by that header alone: Node's
// HTTP parser never delivers more bytes than it says. Only a body without one (chunked) goes through
// bodyLimit, which counts the bytes as they stream in. bodyLimit reads c.req.raw.body, and on the
// Node adapter that builds a full WHATWG Request (an AbortController, a web stream over the socket)
// and makes the later c.req.json() read through it instead of the adapter's direct read: a large
// share of the main thread's work on a login.
const apiBodyLimit: MiddlewareHandler = (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
  const length = c.req.header('content-length');
  if (length === undefined || c.req.header('transfer-encoding') !== undefined) return limitBody(c, next);
  // parseInt as bodyLimit reads it: a header that is not a number counts as 0, as there.
  if (Number.parseInt(length, 10) > API_BODY_LIMIT) throw new ApiError('payload_too_large');
  return next();
};
