// Where a browser navigates for applications behind one Poort (issue 15):
// GET /auth/app/{id}: the end of every login for an application, and a link from one application to
// another: opens it (single sign-on), or hands the page's widget the login or step-up, or shows a
// refused person a page with the application's helpdesk text (never a login loop).
// POST /auth/logout: ends the one session of this browser, so every application, and says so.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { recordAudit } from '../audit/record-audit.js';
import { assertSameOrigin } from '../http/csrf-same-origin.js';
import { ApiError } from '../http/api-error.js';
import { requestedLocale, siteRoot } from '../http/error-response.js';
import { requestOrigin } from '../http/request-client.js';
import { allowedReturnTo } from '../http/return-to.js';
import { validationHook } from '../http/validation-hook.js';
import { ErrorSchema } from '../http/error-schema.js';
import { applicationRefusedPage, loggedOutPage } from '../pages/application-pages.js';
import { loadSession } from '../sessions/load-session.js';
import { endBrowserSession } from '../sessions/routes.js';
import { refreshTextsForPage } from '../texts/live-texts.js';
import { matchLocale } from '../../../contract/locales.js';
import { applicationIdPattern } from '../../../contract/applications.js';
import { checkAccess } from './application-access.js';
import { applicationById } from './application-rules.js';

const page = { 'text/html': { schema: z.string() }, 'application/json': { schema: ErrorSchema } };

const entryRoute = createRoute({
  method: 'get',
  path: '/auth/app/{app}',
  summary: "Open an application: to its page when the session opens it (or when the page's widget must log in or step up); a refusal page with its helpdesk text when the person lacks its rights",
  request: {
    params: z.object({ app: z.string().max(64).regex(applicationIdPattern) }),
    query: z.object({
      returnTo: z.string().max(512).optional().openapi({ description: "a path of this application; default its first return path. Another application's path is refused" }),
      lang: z.string().max(35).optional(),
    }),
  },
  responses: {
    303: { description: 'to the return path' },
    400: { description: 'invalid_return_to: not a path of this application', content: page },
    403: { description: 'application_forbidden: a page in the person\'s language with the application\'s helpdesk text', content: page },
    404: { description: 'unknown_application', content: page },
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/auth/logout',
  summary: 'Log out of every application (a form post from the site): ends the session and answers a page that says so',
  request: {
    body: { content: { 'application/x-www-form-urlencoded': { schema: z.object({ returnTo: z.string().max(512).optional(), lang: z.string().max(35).optional() }) } }, required: false },
  },
  responses: {
    200: { description: 'logged out: a page naming every application of the site', content: { 'text/html': { schema: z.string() } } },
    403: { description: 'forbidden_origin: not posted from this site', content: page },
  },
});

export function applicationRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  routes.use('/auth/app/*', loadSession());
  return routes
    .openapi(entryRoute, async (c) => {
      const { db, site, env } = c.get('deps');
      const { app: appId } = c.req.valid('param');
      const query = c.req.valid('query');
      const app = applicationById(site.applications, appId);
      if (!app) throw new ApiError('unknown_application');
      const returnTo = allowedReturnTo(query.returnTo ?? app.returnToPrefixes[0], { publicUrl: env.publicUrl, prefixes: app.returnToPrefixes });
      if (!returnTo) throw new ApiError('invalid_return_to');
      const active = c.get('session');
      const { decision, acting } = await checkAccess(db.db, site, app, active);
      if (decision.outcome !== 'refused') {
        if (decision.outcome === 'granted') {
          await recordAudit(db.db, { type: 'application_entered', outcome: 'success', userId: active!.user.id, organisationId: acting?.id ?? null, method: active!.session.method, level: active!.session.level, application: app.id }, requestOrigin(c, env.trustProxy));
        }
        return c.redirect(returnTo, 303);
      }
      await recordAudit(
        db.db,
        { type: 'application_entered', outcome: 'failure', userId: active!.user.id, organisationId: acting?.id ?? null, method: active!.session.method, level: active!.session.level, application: app.id, reason: decision.reason },
        requestOrigin(c, env.trustProxy),
      );
      await refreshTextsForPage(db.db);
      const lang = requestedLocale(c);
      c.header('Cache-Control', 'no-store');
      return c.html(applicationRefusedPage({ lang, application: app.name[lang], helpdesk: app.helpdesk[lang], back: siteRoot(c) }), 403);
    })
    .openapi(logoutRoute, async (c) => {
      assertSameOrigin(c);
      const { db, site, env } = c.get('deps');
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : undefined);
      await endBrowserSession(c);
      await refreshTextsForPage(db.db);
      const lang = matchLocale(field('lang')) ?? requestedLocale(c);
      const back = allowedReturnTo(field('returnTo'), { publicUrl: env.publicUrl, prefixes: site.site.returnToPrefixes }) ?? siteRoot(c as Context<AppEnv>);
      c.header('Cache-Control', 'no-store');
      return c.html(loggedOutPage({ lang, applications: site.applications.map((a) => a.name[lang]), back }), 200);
    });
}
