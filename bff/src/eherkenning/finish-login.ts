// The Assertion Consumer Service flow shared by both bindings, apart from HTTP: from the
// RelayState and the Response XML (however it arrived) to a session, or to a refusal that names
// the user-facing outcome and a reason for the log.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../../db/open.js';
import { completeEherkenningLogin, type CompletedLogin, type PendingLinkLogin } from './person-for-identity.js';
import type { RequestOrigin } from '../http/request-client.js';
import type { SiteConfig } from '../site-config/schema.js';
import { parseArtifact, buildArtifactResolve, responseFromArtifactResponse, soapEnvelope, sourceIdOf } from '../saml/artifact.js';
import { markSeen, type StoredRequest } from '../saml-login/request-store.js';
import { checkAnswersRequest } from '../saml-login/acs-steps.js';
import { SamlError } from '../saml/saml-error.js';
import { observeBrokerAnswer } from '../metrics/metrics.js';
import type { SamlService } from './saml-service.js';
import { readEnvelope } from '../saml/verify-response.js';
import { verifyEherkenningResponse } from '../saml/eherkenning-response.js';
import { brokerServiceOf } from './service-level-policy.js';

export interface AcsContext {
  db: Db;
  site: SiteConfig;
  saml: SamlService;
  origin: RequestOrigin;
  /** The browser's session from before this login, if any: ended when the new one starts (session fixation, L11). */
  previousSessionToken?: string;
  now?: Date;
}

export async function acceptResponse(ctx: AcsContext, request: StoredRequest, xml: string): Promise<CompletedLogin | PendingLinkLogin> {
  const service = brokerServiceOf(request);
  const envelope = readEnvelope(xml);
  checkAnswersRequest(envelope, request, ctx.now);
  // Once per login: a replayed answer finds its request consumed above.
  observeBrokerAnswer(request.broker, request.createdAt, ctx.now);
  const broker = ctx.saml.broker(request.broker);
  if (!broker) throw new SamlError('broker_unknown');
  const endpoints = await ctx.saml.metadata.endpoints(broker);
  const verified = await verifyEherkenningResponse(envelope, {
    sp: ctx.saml.sp,
    broker: endpoints,
    service,
    clockSkewMs: ctx.site.eherkenning.clockSkewSeconds * 1000,
    ...(ctx.now ? { now: ctx.now } : {}),
  }).catch((error: unknown) => {
    // A broker that says the level could not be had (NoAuthnContext) to an eIDAS login: the eIDAS text.
    if (error instanceof SamlError && error.outcome === 'level_too_low' && service === 'eidas') throw new SamlError(error.reason, 'eidas_level_too_low');
    throw error;
  });
  return completeEherkenningLogin(ctx.db, ctx.site, request, verified, ctx.origin, { ...(ctx.previousSessionToken ? { previousSessionToken: ctx.previousSessionToken } : {}), ...(ctx.now ? { now: ctx.now } : {}) });
}

/** HTTP-Artifact: resolve the artifact at the broker that the stored request went to. */
export async function resolveArtifact(ctx: AcsContext, request: StoredRequest, artifact: string | undefined): Promise<string> {
  brokerServiceOf(request);
  if (!artifact) throw new SamlError('artifact_missing');
  const parsed = parseArtifact(artifact);
  const broker = ctx.saml.broker(request.broker);
  if (!broker) throw new SamlError('broker_unknown');
  const endpoints = await ctx.saml.metadata.endpoints(broker);
  if (!parsed.sourceId.equals(sourceIdOf(endpoints.entityId))) throw new SamlError('artifact_source_mismatch');
  const service = endpoints.artifactResolution.find((s) => s.index === parsed.endpointIndex) ?? (endpoints.artifactResolution.length === 1 ? endpoints.artifactResolution[0] : undefined);
  if (!service) throw new SamlError('artifact_no_resolution_service');
  // An artifact is good for one resolution only (bindings §3.6.5); remember it across instances.
  if (!(await markSeen(ctx.db, [{ id: artifact, kind: 'artifact' }], new Date(Date.now() + 3_600_000)))) throw new SamlError('replay');
  const resolveId = `_${randomBytes(16).toString('hex')}`;
  const body = soapEnvelope(buildArtifactResolve(ctx.saml.sp, service.url, artifact, resolveId));
  const tls = ctx.saml.tlsClient(broker);
  const answer = await ctx.saml.soap({ url: service.url, body, contentType: broker.artifact.contentType, ...(tls ? { tls } : {}) });
  return responseFromArtifactResponse(answer, endpoints, resolveId);
}
