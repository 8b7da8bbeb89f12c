// The HTTP side every SAML upstream's login shares (eHerkenning, ACM/IDM): the page that hands a
// signed AuthnRequest to the IdP, the ACS answer (a session and a 303 to the stored return path,
// or a refusal back to it with `poort-error`), and the refusal of an answer too large to read.
// The upstream passes its method name and its own attempt (which IdP, which profile, which person).
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { isBrokerMethod, type LoginMethod } from '../../../contract/login-methods.js';
import { matchLocale, type Locale } from '../../../contract/locales.js';
import type { PendingLink, Session } from '../../../db/schema.js';
import { applicationEntryPath } from '../applications/application-rules.js';
import { applicationOf } from '../audit/application.js';
import { recordAudit } from '../audit/record-audit.js';
import { ApiError } from '../http/api-error.js';
import { errorResponse, requestedLocale, siteRoot } from '../http/error-response.js';
import { newRequestId } from '../saml/authn-request.js';
import { newRelayState } from '../saml/relay-state.js';
import { requestOrigin, type RequestOrigin } from '../http/request-client.js';
import { allowedReturnTo, withPoortError, type ReturnToRule } from '../http/return-to.js';
import { contentSecurityPolicyWith } from '../http/security-headers.js';
import { withLinkPending } from '../linking/link-redirect.js';
import { autoPostPage, handOverTexts } from '../pages/page-texts.js';
import { SamlError } from '../saml/saml-error.js';
import { hashSecretToken } from '../security/secret-token.js';
import { readSessionCookie, writeSessionCookie } from '../sessions/session-cookie.js';
import { refreshTextsForPage } from '../texts/live-texts.js';
import { issueLoginBinding, readLoginBinding } from './login-binding-cookie.js';
import { checkBrowserBinding, requestForRelayState } from './acs-steps.js';
import { consumeRequest, consumeRequestsOfBrowser, storeRequest, type StoredRequest } from './request-store.js';

/** What a login attempt ends in: a session, or (eHerkenning, policy `link`) a pending link. */
export type SamlLoginResult = { token: string; session: Session } | { pendingLink: PendingLink };

export interface AcsAttemptContext {
  origin: RequestOrigin;
  /** The browser's session from before this login, if any: ended when the new one starts (session fixation, L11). */
  previousSessionToken?: string;
}

export interface SamlLoginStart {
  /** The login method this request starts (its answer is judged by that method's profile). */
  method: StoredRequest['service'];
  /** What the stored request names as its IdP (`saml_requests.broker`): a broker id, or `acmidm:<idp>`. */
  requestKey: string;
  /** The least level the answer must bring (checked at the ACS). */
  level: string;
  lifetimeMinutes: number;
  /** The allowed return path, already checked. */
  returnTo: string;
  ssoUrl: string;
  buildRequest: (id: string, now: Date) => string;
  /** Which hand-over texts the page shows (default: to an eHerkenning supplier). */
  handOver?: 'handOver' | 'handOverAcmidm';
}

/**
 * Starts a login: binds it to this browser (a cookie whose hash the stored request keeps), stores
 * the request under a fresh id and an opaque RelayState, and answers the hand-over page.
 */
export async function startSamlLogin(c: Context<AppEnv>, start: SamlLoginStart): Promise<Response> {
  const locale = requestedLocale(c);
  const binding = issueLoginBinding(c, start.lifetimeMinutes * 60);
  const id = newRequestId();
  const relayState = newRelayState();
  const now = new Date();
  const requestXml = start.buildRequest(id, now);
  await storeRequest(c.get('deps').db.db, {
    id,
    relayState,
    broker: start.requestKey,
    returnTo: start.returnTo,
    level: start.level,
    service: start.method,
    browserBinding: hashSecretToken(binding),
    locale,
    expiresAt: new Date(now.getTime() + start.lifetimeMinutes * 60_000),
  });
  return handOverToIdp(c, { ssoUrl: start.ssoUrl, requestXml, relayState, locale, texts: start.handOver ?? 'handOver' });
}

/**
 * The page that posts the signed AuthnRequest to the IdP: no inline script (its own script
 * submits it), a CSP that lets the form go to the IdP's origin only, never cached.
 */
async function handOverToIdp(c: Context<AppEnv>, input: { ssoUrl: string; requestXml: string; relayState: string; locale: Locale; texts: 'handOver' | 'handOverAcmidm' }): Promise<Response> {
  await refreshTextsForPage(c.get('deps').db.db);
  c.header('Content-Security-Policy', contentSecurityPolicyWith({ formAction: ["'self'", new URL(input.ssoUrl).origin] }));
  c.header('Pragma', 'no-cache');
  return c.html(
    autoPostPage({
      lang: input.locale,
      ...handOverTexts(input.locale, input.texts),
      action: input.ssoUrl,
      fields: { SAMLRequest: Buffer.from(input.requestXml, 'utf8').toString('base64'), RelayState: input.relayState },
    }),
    200,
  );
}

/**
 * What the audit event of a refused answer records: the ACS's own method, refined at the brokers'
 * ACS to the service the request was started for (eHerkenning or eIDAS) with its broker. A request
 * of another upstream brought here names neither.
 */
function audited(method: LoginMethod, request: StoredRequest | undefined): { method: LoginMethod; broker: string | null } {
  if (isBrokerMethod(method) && request && isBrokerMethod(request.service)) return { method: request.service, broker: request.broker };
  return { method, broker: null };
}

/**
 * Runs one ACS attempt and answers the browser with a 303: to the stored return path (through its
 * application's entry route when it belongs to one) when it worked, or back with
 * `poort-error=<outcome>`. Whatever fails, the reason goes to the log and the audit trail (a code,
 * never SAML content or identifiers), and no 5xx reaches the browser.
 */
export async function finishSamlLogin(
  c: Context<AppEnv>,
  method: LoginMethod,
  relayState: string | undefined,
  attempt: (request: StoredRequest, ctx: AcsAttemptContext) => Promise<SamlLoginResult>,
): Promise<Response> {
  const { db, site, env, logger } = c.get('deps');
  const origin = requestOrigin(c, env.trustProxy);
  const previousSessionToken = readSessionCookie(c);
  let request: StoredRequest | undefined;
  try {
    request = await requestForRelayState(db.db, relayState);
    checkBrowserBinding(request, readLoginBinding(c));
    const result = await attempt(request, { origin, ...(previousSessionToken ? { previousSessionToken } : {}) });
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
    if (!(error instanceof SamlError)) logger.error({ requestId: c.get('requestId'), method, err: { name: (error as Error)?.name } }, 'login failed unexpectedly');
    else logger.warn({ requestId: c.get('requestId'), method, reason: refusal.reason, broker: request?.broker }, 'login refused');
    try {
      // A refused answer still uses up its request: the same RelayState cannot be tried again.
      if (request) await consumeRequest(db.db, request.id, request.broker);
      await recordAudit(
        db.db,
        {
          type: 'login',
          outcome: 'failure',
          ...audited(method, request),
          level: request?.level ?? null,
          application: applicationOf(request?.returnTo, site),
          reason: refusal.reason,
          details: { outcome: refusal.outcome },
        },
        origin,
      );
    } catch {
      logger.error({ requestId: c.get('requestId'), method }, 'could not record the refused login');
    }
    const back = request ? storedReturnTo(c, request) : siteRoot(c);
    return c.redirect(withPoortError(back, refusal.outcome, env.publicUrl), 303);
  }
}

export function returnToRule(c: Context<AppEnv>): ReturnToRule {
  const { env, site } = c.get('deps');
  return { publicUrl: env.publicUrl, prefixes: site.site.returnToPrefixes };
}

/**
 * The stored return path, checked again by the same rule before it goes into Location: a row
 * written under an older, looser rule (or by hand) must not redirect off the site.
 */
export function storedReturnTo(c: Context<AppEnv>, request: StoredRequest): string {
  return allowedReturnTo(request.returnTo, returnToRule(c)) ?? siteRoot(c);
}

/**
 * A body over the ACS limit is refused before it is read, so its RelayState is unknown: every
 * started login of this browser (its binding cookie) is used up instead, the refusal is audited
 * like any other, and the person gets a page in the language their login started in.
 */
export async function refuseOversizedAnswer(c: Context<AppEnv>, method: LoginMethod): Promise<Response> {
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
        { type: 'login', outcome: 'failure', ...audited(method, first), level: first?.level ?? null, reason: 'payload_too_large', details: { outcome: 'saml_invalid', requestsUsedUp: usedUp.length } },
        origin,
      );
      return first;
    });
  } catch {
    logger.error({ requestId: c.get('requestId'), method }, 'could not record the refused login');
  }
  logger.warn({ requestId: c.get('requestId'), method, reason: 'payload_too_large', broker: newest?.broker }, 'login refused');
  const locale = matchLocale(newest?.locale ?? undefined);
  await refreshTextsForPage(db.db);
  return errorResponse(c, new ApiError('payload_too_large'), { ...(locale ? { locale } : {}), back: newest ? storedReturnTo(c, newest) : siteRoot(c) });
}
