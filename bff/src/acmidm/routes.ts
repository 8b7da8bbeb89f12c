// ACM/IDM HTTP surface: our SP metadata (for the integratiedossier), starting a login (a signed
// AuthnRequest posted to the Flemish IdP) and the ACS (HTTP-POST: ACM/IDM offers no Artifact).
// SAML itself lives in ../saml, the shared login steps in ../saml-login; this file is HTTP only.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Level } from '../../../contract/levels.js';
import type { AppEnv } from '../app-env.js';
import { loginDemand } from '../applications/login-demand.js';
import { recordAudit } from '../audit/record-audit.js';
import { ApiError } from '../http/api-error.js';
import { answersWithPage, siteRoot } from '../http/error-response.js';
import { ErrorSchema } from '../http/error-schema.js';
import { requestOrigin } from '../http/request-client.js';
import { withPoortError } from '../http/return-to.js';
import { validationHook } from '../http/validation-hook.js';
import { countLoginStarted } from '../metrics/metrics.js';
import { decodeSamlResponse } from '../saml-login/acs-steps.js';
import { finishSamlLogin, refuseOversizedAnswer, startSamlLogin } from '../saml-login/acs-routes.js';
import { buildAuthnRequest } from '../saml/authn-request.js';
import { SamlError } from '../saml/saml-error.js';
import { authmechsFor } from './acmidm-levels.js';
import { ACMIDM_REQUEST_KEY, type AcmidmService } from './acmidm-service.js';
import { acceptAcmidmResponse } from './finish-login.js';

const ACS_BODY_LIMIT = 1024 * 1024;
const refusal = { 'text/html': { schema: z.string() }, 'application/json': { schema: ErrorSchema } };

const metadataRoute = createRoute({
  method: 'get',
  path: '/auth/acmidm/metadata',
  summary: 'SAML metadata of this service provider for the Flemish government login (ACM/IDM)',
  responses: { 200: { description: 'signed SAML 2.0 EntityDescriptor', content: { 'application/samlmetadata+xml': { schema: z.string() } } }, 404: { description: 'ACM/IDM is not configured', content: refusal } },
});

const startRoute = createRoute({
  method: 'get',
  path: '/auth/acmidm/start',
  summary: 'Start an ACM/IDM login: a page that posts a signed AuthnRequest to the Flemish IdP',
  request: {
    query: z.object({
      returnTo: z.string().max(512).optional().openapi({ description: "same-site path to return to; default the site root (the application's first path when `app` is given)" }),
      lang: z.string().max(35).optional().openapi({ description: 'language of the pages Poort shows on the way (nl, nl-BE, en); else Accept-Language' }),
      app: z.string().max(64).optional().openapi({ description: 'the application this login is for (issue 15): its minimum level holds, and returnTo must be one of its paths' }),
      level: z.string().max(16).optional().openapi({ description: "a stronger minimum than the site's acmidm.level and the application's (loa2, loa2plus, loa3, loa4): a step-up; a weaker one changes nothing" }),
      forceAuthn: z.enum(['true', 'false']).optional().openapi({ description: 'true: the IdP must authenticate again, not answer from its single sign-on session (step-up)' }),
    }),
  },
  responses: {
    200: { description: 'auto-submitting form to the IdP', content: { 'text/html': { schema: z.string() } } },
    400: { description: 'return path not allowed (for the application when one is named), a level that is no ACM/IDM level, an application that takes no ACM/IDM (method_not_offered), or another bad parameter', content: refusal },
    303: { description: "IdP metadata unavailable, to a browser: back to the return path with ?poort-error=broker_unavailable" },
    404: { description: 'ACM/IDM is not configured on this site (not_found), or unknown_application', content: refusal },
    503: { description: 'IdP metadata unavailable, to a fetch caller', content: refusal },
  },
});

const acsRoute = createRoute({
  method: 'post',
  path: '/auth/acmidm/acs',
  summary: 'ACM/IDM Assertion Consumer Service, HTTP-POST binding',
  request: {
    body: {
      content: { 'application/x-www-form-urlencoded': { schema: z.object({ SAMLResponse: z.string().optional(), RelayState: z.string().optional() }) } },
      required: false,
    },
  },
  responses: {
    303: { description: 'to the return path: logged in (the widget asks for the capacity when the answer left several); or with ?poort-error=cancelled|level_too_low|no_authorisation|saml_invalid|identity_unknown' },
    413: { description: 'body over 1 MB: every started login of this browser is used up and audited', content: refusal },
  },
});

export function acmidmRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  routes.use('/auth/acmidm/acs', bodyLimit({ maxSize: ACS_BODY_LIMIT, onError: (c) => refuseOversizedAnswer(c, 'acmidm') }));
  return routes
    .openapi(metadataRoute, (c) => c.body(requireAcmidm(c).spMetadata(), 200, { 'content-type': 'application/samlmetadata+xml; charset=utf-8' }))
    .openapi(startRoute, async (c) => {
      const acmidm = requireAcmidm(c);
      const { db, env, logger } = c.get('deps');
      const query = c.req.valid('query');
      // The application, minimum level, ForceAuthn and return path of this login (a step-up too).
      const demand = loginDemand('acmidm', query, { site: c.get('deps').site, publicUrl: env.publicUrl, baseLevel: acmidm.config.level, defaultReturnTo: siteRoot(c) });
      const returnTo = demand.returnTo;
      let idp;
      try {
        idp = await acmidm.idp();
      } catch (error) {
        const reason = error instanceof SamlError ? error.reason : 'metadata_error';
        logger.warn({ requestId: c.get('requestId'), method: 'acmidm', reason }, 'ACM/IDM metadata unavailable');
        await recordAudit(db.db, { type: 'login', outcome: 'failure', method: 'acmidm', reason, details: { outcome: 'broker_unavailable' } }, requestOrigin(c, env.trustProxy));
        if (answersWithPage(c)) return c.redirect(withPoortError(returnTo, 'broker_unavailable', env.publicUrl), 303);
        throw new ApiError('service_unavailable');
      }
      const level = demand.minimumLevel as Level;
      countLoginStarted('acmidm');
      return startSamlLogin(c, {
        method: 'acmidm',
        requestKey: ACMIDM_REQUEST_KEY,
        level,
        lifetimeMinutes: acmidm.config.requestLifetimeMinutes,
        returnTo,
        ssoUrl: idp.ssoUrl,
        handOver: 'handOverAcmidm',
        buildRequest: (id, now) =>
          buildAuthnRequest(
            acmidm.sp,
            { destination: idp.ssoUrl, binding: 'HTTP-POST', authnContext: { comparison: 'exact', classRefs: authmechsFor(level) }, forceAuthn: demand.forceAuthn },
            id,
            now,
          ),
      });
    })
    .openapi(acsRoute, async (c) => {
      const acmidm = requireAcmidm(c);
      const { db, site } = c.get('deps');
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : undefined);
      return finishSamlLogin(c, 'acmidm', field('RelayState'), (request, { origin, previousSessionToken }) =>
        acceptAcmidmResponse({ db: db.db, site, acmidm, origin, ...(previousSessionToken ? { previousSessionToken } : {}) }, request, decodeSamlResponse(field('SAMLResponse'))),
      );
    });
}

function requireAcmidm(c: Context<AppEnv>): AcmidmService {
  const acmidm = c.get('deps').acmidm;
  if (!acmidm) throw new ApiError('not_found');
  return acmidm;
}
