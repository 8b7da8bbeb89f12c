// eHerkenning HTTP surface: SP metadata, starting a login (signed AuthnRequest posted to the
// broker), and the ACS for both bindings. SAML itself lives in ../saml; this file is HTTP only.
import { countLoginStarted } from '../metrics/metrics.js';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app-env.js';
import { recordAudit } from '../audit/record-audit.js';
import { requestOrigin } from '../http/request-client.js';
import { ApiError } from '../http/api-error.js';
import { answersWithPage, siteRoot } from '../http/error-response.js';
import { validationHook } from '../http/validation-hook.js';
import { AUTO_SUBMIT_SCRIPT } from '../pages/page-texts.js';
import { acceptResponse, resolveArtifact, type AcsContext } from './finish-login.js';
import { decodeSamlResponse } from '../saml-login/acs-steps.js';
import { finishSamlLogin, refuseOversizedAnswer, startSamlLogin } from '../saml-login/acs-routes.js';
import { buildEherkenningAuthnRequest } from '../saml/authn-request.js';
import type { StoredRequest } from '../saml-login/request-store.js';
import { withPoortError } from '../http/return-to.js';
import { SamlError } from '../saml/saml-error.js';
import { catalogueService } from '../saml/sp-context.js';
import { requestedLevel } from './service-level-policy.js';
import type { SamlService } from './saml-service.js';
import { ErrorSchema } from '../http/error-schema.js';
import type { CompletedLogin, PendingLinkLogin } from './person-for-identity.js';
import { loginDemand } from '../applications/login-demand.js';
import type { Level } from '../../../contract/levels.js';

export const ACS_BODY_LIMIT = 1024 * 1024;

// Where a browser navigates, a refusal is a page in the person's language; fetch callers get JSON.
const refusal = { 'text/html': { schema: z.string() }, 'application/json': { schema: ErrorSchema } };

const metadataRoute = createRoute({
  method: 'get',
  path: '/auth/eherkenning/metadata',
  summary: 'SAML metadata of this service provider (for the brokers)',
  responses: { 200: { description: 'signed SAML 2.0 EntityDescriptor', content: { 'application/samlmetadata+xml': { schema: z.string() } } } },
});

const serviceCatalogueRoute = createRoute({
  method: 'get',
  path: '/auth/eherkenning/service-catalogue',
  summary: 'Our signed entry for the eHerkenning service catalogue (dienstencatalogus), for the broker that registers it',
  responses: {
    200: { description: 'signed esc:ServiceCatalogue (urn:etoegang:1.13:service-catalog)', content: { 'application/xml': { schema: z.string() } } },
    404: { description: 'the site configured no eherkenning.catalogue', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

const startRoute = createRoute({
  method: 'get',
  path: '/auth/eherkenning/start',
  summary: 'Start an eHerkenning login: a page that posts a signed AuthnRequest to the broker',
  request: {
    query: z.object({
      broker: z.string().max(64).optional().openapi({ description: 'id of a configured broker (missing: 400 unknown_broker)' }),
      service: z
        .enum(['eherkenning', 'eidas'])
        .optional()
        .openapi({ description: 'the broker service to log in with: eherkenning (default), or eidas for a company from another EU country, EH3 or higher (400 eidas_not_offered where the site does not offer it)' }),
      returnTo: z.string().max(512).optional().openapi({ description: 'same-site path to return to; default the first allowed prefix' }),
      lang: z.string().max(35).optional().openapi({ description: 'language of the pages Poort shows on the way (nl, nl-BE, en); else Accept-Language' }),
      app: z.string().max(64).optional().openapi({ description: "the application this login is for (issue 15): its minimum level holds, and returnTo must be one of its paths" }),
      level: z.string().max(16).optional().openapi({ description: 'a stronger minimum level than the site and the application ask (loa2, loa2plus, loa3, loa4): a step-up' }),
      forceAuthn: z.enum(['true', 'false']).optional().openapi({ description: 'true: a step-up, the broker must authenticate again (eHerkenning always sends ForceAuthn="true")' }),
    }),
  },
  responses: {
    200: { description: 'auto-submitting form to the broker', content: { 'text/html': { schema: z.string() } } },
    400: { description: 'unknown broker, eIDAS not offered (eidas_not_offered), return path not allowed (for the application when one is named), a level that is no eHerkenning level, or an application that takes no eHerkenning (method_not_offered) (a page for browsers, JSON for Accept: application/json)', content: refusal },
    404: { description: 'unknown_application', content: refusal },
    303: { description: "broker metadata unavailable, to a browser: back to the return path with ?poort-error=broker_unavailable (the widget's error view)" },
    503: { description: 'broker metadata unavailable, to a fetch caller', content: refusal },
  },
});

const autoSubmitRoute = createRoute({
  method: 'get',
  path: '/auth/eherkenning/auto-submit.js',
  summary: 'Script that submits the hand-over form (no inline script under the CSP)',
  responses: { 200: { description: 'JavaScript', content: { 'text/javascript': { schema: z.string() } } } },
});

const acsPostRoute = createRoute({
  method: 'post',
  path: '/auth/eherkenning/acs',
  summary: 'Assertion Consumer Service, HTTP-POST binding',
  request: {
    body: {
      // Both optional here: a missing or odd field is refused by the ACS flow itself, which answers
      // the browser with a redirect and writes an audit event, rather than by a bare 400.
      content: { 'application/x-www-form-urlencoded': { schema: z.object({ SAMLResponse: z.string().optional(), RelayState: z.string().optional() }) } },
      required: false,
    },
  },
  responses: {
    303: {
      description:
        'to the return path: logged in; with ?poort-link=pending when the identity is new and the site links (unknownIdentity: link); or with ?poort-error=cancelled|level_too_low|no_authorisation|saml_invalid|service_mismatch|broker_unavailable|identity_unknown',
    },
    413: { description: 'body over 1 MB: every started login of this browser is used up and audited', content: refusal },
  },
});

const acsArtifactRoute = createRoute({
  method: 'get',
  path: '/auth/eherkenning/acs',
  summary: 'Assertion Consumer Service, HTTP-Artifact binding (SOAP ArtifactResolve to the broker)',
  request: { query: z.object({ SAMLart: z.string().optional(), RelayState: z.string().optional() }) },
  responses: { 303: { description: 'as for the POST binding' } },
});

export function eherkenningRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  routes.use(
    '/auth/eherkenning/acs',
    bodyLimit({ maxSize: ACS_BODY_LIMIT, onError: (c) => refuseOversizedAnswer(c, 'eherkenning') }),
  );
  return routes
    .openapi(metadataRoute, (c) => {
      const saml = requireSaml(c);
      return c.body(saml.spMetadata(), 200, { 'content-type': 'application/samlmetadata+xml; charset=utf-8' });
    })
    .openapi(serviceCatalogueRoute, (c) => {
      const xml = requireSaml(c).serviceCatalogue();
      if (!xml) throw new ApiError('not_found');
      return c.body(xml, 200, { 'content-type': 'application/xml; charset=utf-8' });
    })
    .openapi(autoSubmitRoute, (c) => c.body(AUTO_SUBMIT_SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8' }))
    .openapi(startRoute, async (c) => {
      const saml = requireSaml(c);
      const { db, site, logger } = c.get('deps');
      const query = c.req.valid('query');
      const chosen = query.broker === undefined ? undefined : saml.broker(query.broker);
      if (!chosen) throw new ApiError('unknown_broker');
      const serviceKind = query.service ?? 'eherkenning';
      const service = catalogueService(saml.sp, serviceKind);
      if (!service) throw new ApiError('eidas_not_offered');
      // The application, minimum level, ForceAuthn and return path of this login (a step-up too);
      // an eIDAS login starts from its own floor (EH3), which no application or step-up lowers.
      // An application names its minimum per method: eIDAS has its own (the brokers' second service).
      const demand = loginDemand(serviceKind, query, { site, publicUrl: c.get('deps').env.publicUrl, baseLevel: requestedLevel(site.eherkenning, serviceKind), defaultReturnTo: siteRoot(c) });
      const returnTo = demand.returnTo;
      const level = demand.minimumLevel as Level;
      const { via, idpHint } = saml.route(chosen);
      let endpoints;
      try {
        endpoints = await saml.metadata.endpoints(via);
      } catch (error) {
        const reason = error instanceof SamlError ? error.reason : 'metadata_error';
        logger.warn({ requestId: c.get('requestId'), broker: via.id, reason }, 'broker metadata unavailable');
        await recordAudit(db.db, { type: 'login', outcome: 'failure', method: serviceKind, broker: via.id, reason, details: { outcome: 'broker_unavailable' } }, requestOrigin(c, c.get('deps').env.trustProxy));
        // A person who clicked the broker goes back to the site, whose widget explains and offers the others.
        if (answersWithPage(c)) return c.redirect(withPoortError(returnTo, 'broker_unavailable', c.get('deps').env.publicUrl), 303);
        throw new ApiError('eherkenning_unavailable');
      }
      countLoginStarted(serviceKind, via.id);
      return startSamlLogin(c, {
        method: serviceKind,
        requestKey: via.id,
        level,
        lifetimeMinutes: site.eherkenning.requestLifetimeMinutes,
        returnTo,
        ssoUrl: endpoints.ssoUrl,
        buildRequest: (id, now) => buildEherkenningAuthnRequest(saml.sp, { destination: endpoints.ssoUrl, binding: via.binding, level, service, ...(idpHint ? { idpHint } : {}) }, id, now),
      });
    })
    .openapi(acsPostRoute, async (c) => {
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : undefined);
      return finishLogin(c, field('RelayState'), async (ctx, request) => acceptResponse(ctx, request, decodeSamlResponse(field('SAMLResponse'))));
    })
    .openapi(acsArtifactRoute, async (c) => {
      const query = c.req.valid('query');
      return finishLogin(c, query.RelayState, async (ctx, request) => acceptResponse(ctx, request, await resolveArtifact(ctx, request, query.SAMLart)));
    });
}

function requireSaml(c: Context<AppEnv>): SamlService {
  const saml = c.get('deps').saml;
  if (!saml) throw new ApiError('not_found');
  return saml;
}

/** The eHerkenning attempt inside the shared ACS answer: its context carries the SAML service. */
function finishLogin(c: Context<AppEnv>, relayState: string | undefined, attempt: (ctx: AcsContext, request: StoredRequest) => Promise<CompletedLogin | PendingLinkLogin>) {
  const saml = requireSaml(c);
  const { db, site } = c.get('deps');
  return finishSamlLogin(c, 'eherkenning', relayState, (request, { origin, previousSessionToken }) =>
    attempt({ db: db.db, site, saml, origin, ...(previousSessionToken ? { previousSessionToken } : {}) }, request),
  );
}
