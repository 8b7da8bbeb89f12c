// HTTP side of the simulated brokers (development only): metadata, the SSO page that receives our
// AuthnRequest, the answer, and SOAP artifact resolution.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { brokerPage } from './broker-page.js';
import type { DevAnswer, DevBroker, DevBrokers } from './dev-brokers.js';
import { DEV_BROKERS_PATH } from '../../../../contract/paths.js';
import { eidasTestPeople, testPeople } from './test-people.js';
import type { ServiceKind } from '../../saml/sp-context.js';
import { ApiError } from '../../http/api-error.js';
import { validationHook } from '../../http/validation-hook.js';
import { autoPostPage } from '../../pages/page-texts.js';
import type { Locale } from '../../../../contract/locales.js';
import { startedLoginLocale } from '../../saml-login/started-login-locale.js';
import { childElement, NS, onlyChild, textOf } from '../../saml/dom.js';
import { verifyEnvelopedSignature } from '../../saml/verify-signature.js';
import { parseXmlStrict } from '../../saml/xml-guard.js';
import type { Level } from '../../../../contract/levels.js';
import { levelFromUri } from '../../saml/level-uris.js';

const Id = z.object({ id: z.string().max(64) });
const html = { 'text/html': { schema: z.string() } };

const metadataRoute = createRoute({
  method: 'get',
  path: '/dev/brokers/{id}/metadata',
  summary: 'Development only: SAML metadata of a simulated broker',
  request: { params: Id },
  responses: { 200: { description: 'IdP metadata', content: { 'application/samlmetadata+xml': { schema: z.string() } } } },
});
const ssoRoute = createRoute({
  method: 'post',
  path: '/dev/brokers/{id}/sso',
  summary: 'Development only: a simulated broker receives an AuthnRequest (HTTP-POST)',
  request: { params: Id, body: { content: { 'application/x-www-form-urlencoded': { schema: z.object({ SAMLRequest: z.string(), RelayState: z.string().optional() }) } } } },
  responses: { 200: { description: 'page with test people', content: html } },
});
const answerRoute = createRoute({
  method: 'post',
  path: '/dev/brokers/{id}/answer',
  summary: 'Development only: the simulated broker answers (log in, cancel, no authorisation)',
  request: {
    params: Id,
    body: { content: { 'application/x-www-form-urlencoded': { schema: z.object({ answer: z.string(), requestId: z.string(), relayState: z.string(), level: z.string(), service: z.enum(['eherkenning', 'eidas']).optional() }) } } },
  },
  responses: { 200: { description: 'form posting the Response to the ACS', content: html }, 303: { description: 'to the ACS with an artifact' } },
});
const arsRoute = createRoute({
  method: 'post',
  path: '/dev/brokers/{id}/ars',
  summary: 'Development only: SOAP ArtifactResolutionService of a simulated broker',
  request: { params: Id },
  responses: { 200: { description: 'SOAP envelope with a signed ArtifactResponse', content: { 'text/xml': { schema: z.string() } } } },
});

function brokerOf(c: Context<AppEnv>, id: string): { dev: DevBrokers; broker: DevBroker } {
  const dev = c.get('deps').devBrokers;
  const broker = dev?.get(id);
  if (!dev || !broker) throw new ApiError('not_found');
  return { dev, broker };
}

async function form(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody().catch(() => ({}));
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export function devBrokerRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(metadataRoute, (c) => {
      const { broker } = brokerOf(c, c.req.valid('param').id);
      return c.body(broker.metadata, 200, { 'content-type': 'application/samlmetadata+xml; charset=utf-8' });
    })
    .openapi(ssoRoute, async (c) => {
      const { dev, broker } = brokerOf(c, c.req.valid('param').id);
      const fields = await form(c);
      const xml = Buffer.from(fields.SAMLRequest ?? '', 'base64').toString('utf8');
      let request: { id: string; level: Level; service: ServiceKind };
      try {
        const root = parseXmlStrict(xml).documentElement!;
        // Like a real broker: only signed requests from the SP in our metadata.
        if (!verifyEnvelopedSignature(xml, root, [spSigningCert(dev)])) throw new Error('signature');
        const context = childElement(root, NS.samlp, 'RequestedAuthnContext');
        const ref = context && onlyChild(context, NS.saml, 'AuthnContextClassRef');
        request = { id: root.getAttribute('ID') ?? '', level: levelFromUri((ref && textOf(ref)) ?? '') ?? 'loa2', service: dev.serviceFor(root.getAttribute('AttributeConsumingServiceIndex')) };
      } catch {
        throw new ApiError('invalid_request', 'The simulated broker could not read a signed AuthnRequest.', 400);
      }
      return c.html(
        brokerPage({
          lang: await loginLocale(c, request.id),
          brokerName: broker.config.name,
          answerAction: `${DEV_BROKERS_PATH}/${c.req.valid('param').id}/answer`,
          level: request.level,
          service: request.service,
          state: { requestId: request.id, relayState: fields.RelayState ?? '', level: request.level, service: request.service },
        }),
        200,
      );
    })
    .openapi(answerRoute, async (c) => {
      const { dev, broker } = brokerOf(c, c.req.valid('param').id);
      const fields = await form(c);
      const service = fields.service === 'eidas' ? 'eidas' : 'eherkenning';
      const person = service === 'eherkenning' ? testPeople.find((p) => `person:${p.key}` === fields.answer) : undefined;
      const eidasPerson = service === 'eidas' ? eidasTestPeople.find((p) => `person:${p.key}` === fields.answer) : undefined;
      const answer: DevAnswer | undefined = person
        ? { person }
        : eidasPerson
          ? { eidasPerson }
          : fields.answer === 'cancelled' || fields.answer === 'no_authorisation'
            ? { status: fields.answer }
            : undefined;
      if (!answer || !fields.requestId) throw new ApiError('invalid_request');
      const level = levelFromUri(`urn:etoegang:core:assurance-class:${fields.level}`) ?? 'loa2';
      const responseXml = await dev.buildResponse(broker, { id: fields.requestId, level, relayState: fields.relayState ?? '', service }, answer);
      const acs = dev.options.sp.acsUrl;
      if (broker.config.binding === 'HTTP-Artifact') {
        const target = new URL(acs);
        target.searchParams.set('SAMLart', dev.issueArtifact(broker, responseXml));
        if (fields.relayState) target.searchParams.set('RelayState', fields.relayState);
        return c.redirect(target.toString(), 303);
      }
      return c.html(
        autoPostPage({
          lang: await loginLocale(c, fields.requestId),
          title: broker.config.name,
          explanation: broker.config.name,
          button: 'OK',
          action: acs,
          fields: { SAMLResponse: Buffer.from(responseXml, 'utf8').toString('base64'), ...(fields.relayState ? { RelayState: fields.relayState } : {}) },
        }),
        200,
      );
    })
    .openapi(arsRoute, async (c) => {
      const { id } = c.req.valid('param');
      const { dev } = brokerOf(c, id);
      const xml = await c.req.text();
      let resolve: { id: string; artifact: string };
      try {
        const envelope = parseXmlStrict(xml).documentElement!;
        const body = childElement(envelope, NS.soap11, 'Body');
        const request = body && childElement(body, NS.samlp, 'ArtifactResolve');
        if (!request || !verifyEnvelopedSignature(xml, request, [spSigningCert(dev)])) throw new Error('signature');
        const artifact = childElement(request, NS.samlp, 'Artifact');
        resolve = { id: request.getAttribute('ID') ?? '', artifact: (artifact && textOf(artifact)) ?? '' };
      } catch {
        throw new ApiError('invalid_request', 'The simulated broker could not read a signed ArtifactResolve.', 400);
      }
      const answer = dev.resolveArtifact(id, resolve.id, resolve.artifact);
      if (!answer) throw new ApiError('not_found');
      return c.body(answer, 200, { 'content-type': 'text/xml; charset=utf-8' });
    });
}

function loginLocale(c: Context<AppEnv>, requestId: string): Promise<Locale> {
  return startedLoginLocale(c.get('deps').db.db, requestId, c.req.header('accept-language'));
}

function spSigningCert(dev: DevBrokers): string {
  return dev.options.sp.signingCert;
}
