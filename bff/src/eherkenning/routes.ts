// eHerkenning HTTP surface: SP metadata, starting a login (signed AuthnRequest posted to the
// broker), and the ACS for both bindings. SAML itself lives in ../saml; this file is HTTP only.
import { countLoginStarted } from '../metrics/metrics.js';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app-env.js';
import { recordAudit } from '../audit/record-audit.js';
import { applicationOf } from '../audit/application.js';
import { requestOrigin } from '../http/request-client.js';
import { issueLoginBinding, readLoginBinding } from './login-binding-cookie.js';
import { ApiError } from '../http/api-error.js';
import { answersWithPage, errorResponse, requestedLocale, siteRoot } from '../http/error-response.js';
import { validationHook } from '../http/validation-hook.js';
import { contentSecurityPolicyWith } from '../http/security-headers.js';
import { matchLocale } from '../../../contract/locales.js';
import { AUTO_SUBMIT_SCRIPT, autoPostPage, handOverTexts } from '../pages/page-texts.js';
import { refreshTextsForPage } from '../texts/live-texts.js';
import { acceptResponse, checkBrowserBinding, decodeSamlResponse, requestForRelayState, resolveArtifact, type AcsContext } from './finish-login.js';
import { buildAuthnRequest, newRequestId } from '../saml/authn-request.js';
import { newRelayState } from '../saml/relay-state.js';
import { consumeRequest, consumeRequestsOfBrowser, storeRequest, type StoredRequest } from './request-store.js';
import { allowedReturnTo, withPoortError, type ReturnToRule } from '../http/return-to.js';
import { SamlError } from '../saml/saml-error.js';
import { catalogueService } from '../saml/sp-context.js';
import { requestedLevel } from './service-level-policy.js';
import { hashSecretToken } from '../security/secret-token.js';
import type { SamlService } from './saml-service.js';
import { readSessionCookie, writeSessionCookie } from '../sessions/session-cookie.js';
import { ErrorSchema } from '../http/error-schema.js';
import type { CompletedLogin, PendingLinkLogin } from './person-for-identity.js';
import { withLinkPending } from '../linking/link-redirect.js';
import { loginDemand } from '../applications/login-demand.js';
import { applicationEntryPath } from '../applications/application-rules.js';
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
    bodyLimit({ maxSize: ACS_BODY_LIMIT, onError: refuseOversizedAnswer }),
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
      const demand = loginDemand('eherkenning', query, { site, publicUrl: c.get('deps').env.publicUrl, baseLevel: requestedLevel(site.eherkenning, serviceKind), defaultReturnTo: siteRoot(c) });
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
      const locale = requestedLocale(c);
      const binding = issueLoginBinding(c, site.eherkenning.requestLifetimeMinutes * 60);
      const id = newRequestId();
      const relayState = newRelayState();
      const now = new Date();
      const xml = buildAuthnRequest(saml.sp, { destination: endpoints.ssoUrl, binding: via.binding, level, service, ...(idpHint ? { idpHint } : {}) }, id, now);
      await storeRequest(db.db, {
        id,
        relayState,
        broker: via.id,
        returnTo,
        level,
        service: serviceKind,
        browserBinding: hashSecretToken(binding),
        locale,
        expiresAt: new Date(now.getTime() + site.eherkenning.requestLifetimeMinutes * 60_000),
      });
      countLoginStarted(serviceKind, via.id);
      await refreshTextsForPage(db.db);
      const texts = handOverTexts(locale);
      c.header('Content-Security-Policy', contentSecurityPolicyWith({ formAction: ["'self'", new URL(endpoints.ssoUrl).origin] }));
      c.header('Pragma', 'no-cache');
      return c.html(
        autoPostPage({
          lang: locale,
          ...texts,
          action: endpoints.ssoUrl,
          fields: { SAMLRequest: Buffer.from(xml, 'utf8').toString('base64'), RelayState: relayState },
        }),
        200,
      );
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

/**
 * Runs one ACS attempt and answers the browser with a 303: to the stored return path when it
 * worked, or back with `poort-error=<outcome>`. Whatever fails, the reason goes to the log and
 * the audit trail (a code, never SAML content or identifiers), and no 5xx reaches the browser.
 */
async function finishLogin(
  c: Context<AppEnv>,
  relayState: string | undefined,
  attempt: (ctx: AcsContext, request: StoredRequest) => Promise<CompletedLogin | PendingLinkLogin>,
) {
  const saml = requireSaml(c);
  const { db, site, env, logger } = c.get('deps');
  const origin = requestOrigin(c, env.trustProxy);
  const previousSessionToken = readSessionCookie(c);
  const ctx: AcsContext = { db: db.db, site, saml, origin, ...(previousSessionToken ? { previousSessionToken } : {}) };
  let request: StoredRequest | undefined;
  try {
    request = await requestForRelayState(db.db, relayState);
    checkBrowserBinding(request, readLoginBinding(c));
    const result = await attempt(ctx, request);
    if ('pendingLink' in result) {
      // Policy `link`: back to the site, whose widget shows the linking step. The binding cookie
      // must outlive the pending link it now also guards.
      issueLoginBinding(c, site.linking.pendingMinutes * 60);
      return c.redirect(withLinkPending(storedReturnTo(c, request), env.publicUrl), 303);
    }
    writeSessionCookie(c, result.token, result.session.absoluteExpiresAt);
    // A login for an application ends at its entry route, which decides whether it opens.
    return c.redirect(applicationEntryPath(site.applications, storedReturnTo(c, request), request.locale), 303);
  } catch (error) {
    const refusal = error instanceof SamlError ? error : new SamlError('internal');
    if (!(error instanceof SamlError)) logger.error({ requestId: c.get('requestId'), err: { name: (error as Error)?.name } }, 'eherkenning login failed unexpectedly');
    else logger.warn({ requestId: c.get('requestId'), reason: refusal.reason, broker: request?.broker }, 'eherkenning login refused');
    try {
      // A refused answer still uses up its request: the same RelayState cannot be tried again.
      if (request) await consumeRequest(db.db, request.id, request.broker);
      await recordAudit(
        db.db,
        {
          type: 'login',
          outcome: 'failure',
          method: request?.service ?? 'eherkenning',
          broker: request?.broker ?? null,
          level: request?.level ?? null,
          application: applicationOf(request?.returnTo, c.get('deps').site),
          reason: refusal.reason,
          details: { outcome: refusal.outcome },
        },
        origin,
      );
    } catch {
      logger.error({ requestId: c.get('requestId') }, 'could not record the refused eherkenning login');
    }
    const back = request ? storedReturnTo(c, request) : siteRoot(c);
    return c.redirect(withPoortError(back, refusal.outcome, env.publicUrl), 303);
  }
}

function returnToRule(c: Context<AppEnv>): ReturnToRule {
  const { env, site } = c.get('deps');
  return { publicUrl: env.publicUrl, prefixes: site.site.returnToPrefixes };
}

/**
 * The stored return path, checked again by the same rule before it goes into Location: a row
 * written under an older, looser rule (or by hand) must not redirect off the site.
 */
function storedReturnTo(c: Context<AppEnv>, request: StoredRequest): string {
  return allowedReturnTo(request.returnTo, returnToRule(c)) ?? siteRoot(c);
}

/**
 * A body over ACS_BODY_LIMIT is refused before it is read, so its RelayState is unknown: every
 * started login of this browser (its binding cookie) is used up instead, the refusal is audited
 * like any other, and the person gets a page in the language their login started in.
 */
async function refuseOversizedAnswer(c: Context<AppEnv>): Promise<Response> {
  const { db, env, logger } = c.get('deps');
  const origin = requestOrigin(c, env.trustProxy);
  const binding = readLoginBinding(c);
  let newest: StoredRequest | undefined;
  try {
    // Used up and audited together, or neither.
    newest = await db.db.transaction(async (tx) => {
      const usedUp = binding ? await consumeRequestsOfBrowser(tx, hashSecretToken(binding)) : [];
      const first = usedUp[0];
      await recordAudit(
        tx,
        { type: 'login', outcome: 'failure', method: first?.service ?? 'eherkenning', broker: first?.broker ?? null, level: first?.level ?? null, reason: 'payload_too_large', details: { outcome: 'saml_invalid', requestsUsedUp: usedUp.length } },
        origin,
      );
      return first;
    });
  } catch {
    logger.error({ requestId: c.get('requestId') }, 'could not record the refused eherkenning login');
  }
  logger.warn({ requestId: c.get('requestId'), reason: 'payload_too_large', broker: newest?.broker }, 'eherkenning login refused');
  const locale = matchLocale(newest?.locale ?? undefined);
  await refreshTextsForPage(db.db);
  return errorResponse(c, new ApiError('payload_too_large'), { ...(locale ? { locale } : {}), back: newest ? storedReturnTo(c, newest) : siteRoot(c) });
}
