// HTTP side of the simulated ACM/IDM IdP (development only): its metadata, the SSO page that
// receives our signed AuthnRequest, and the answer posted back to our ACS.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { DEV_ACMIDM_PATH } from '../../../../contract/paths.js';
import type { Locale } from '../../../../contract/locales.js';
import type { AppEnv } from '../../app-env.js';
import { ApiError } from '../../http/api-error.js';
import { validationHook } from '../../http/validation-hook.js';
import { autoPostPage } from '../../pages/page-texts.js';
import { startedLoginLocale } from '../../saml-login/started-login-locale.js';
import { childElement, childElements, NS, textOf } from '../../saml/dom.js';
import { verifyEnvelopedSignature } from '../../saml/verify-signature.js';
import { parseXmlStrict } from '../../saml/xml-guard.js';
import { levelOfAuthmech } from '../acmidm-levels.js';
import type { DevAcmidmAnswer, DevAcmidmIdp } from './dev-idp.js';
import { ensureDemoOrganisations } from './demo-organisations.js';
import { idpPage } from './idp-page.js';
import { acmidmTestPeople } from './test-people.js';

const html = { 'text/html': { schema: z.string() } };

const metadataRoute = createRoute({
  method: 'get',
  path: '/dev/acmidm/metadata',
  summary: 'Development only: SAML metadata of the simulated ACM/IDM IdP',
  responses: { 200: { description: 'IdP metadata', content: { 'application/samlmetadata+xml': { schema: z.string() } } } },
});
const ssoRoute = createRoute({
  method: 'post',
  path: '/dev/acmidm/sso',
  summary: 'Development only: the simulated ACM/IDM IdP receives an AuthnRequest (HTTP-POST)',
  request: { body: { content: { 'application/x-www-form-urlencoded': { schema: z.object({ SAMLRequest: z.string(), RelayState: z.string().optional() }) } } } },
  responses: { 200: { description: 'page with the means and test people', content: html }, 400: { description: 'not a signed AuthnRequest of ours', content: html } },
});
const answerRoute = createRoute({
  method: 'post',
  path: '/dev/acmidm/answer',
  summary: 'Development only: the simulated ACM/IDM IdP answers (log in with a means, or cancel)',
  request: { body: { content: { 'application/x-www-form-urlencoded': { schema: z.object({ answer: z.string(), requestId: z.string(), relayState: z.string(), authmechs: z.string(), authmech: z.string().optional() }) } } } },
  responses: { 200: { description: 'form posting the Response to the ACS', content: html } },
});

function devIdp(c: Context<AppEnv>): DevAcmidmIdp {
  const dev = c.get('deps').devAcmidm;
  if (!dev) throw new ApiError('not_found');
  return dev;
}

async function form(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody().catch(() => ({}));
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export function devAcmidmRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(metadataRoute, (c) => c.body(devIdp(c).metadata, 200, { 'content-type': 'application/samlmetadata+xml; charset=utf-8' }))
    .openapi(ssoRoute, async (c) => {
      const dev = devIdp(c);
      const fields = await form(c);
      const xml = Buffer.from(fields.SAMLRequest ?? '', 'base64').toString('utf8');
      let request: { id: string; authmechs: string[] };
      try {
        const root = parseXmlStrict(xml).documentElement!;
        // Like ACM/IDM: only signed requests from the SP in its integratiedossier.
        if (!verifyEnvelopedSignature(xml, root, [dev.options.sp.signingCert])) throw new Error('signature');
        const context = childElement(root, NS.samlp, 'RequestedAuthnContext');
        const asked = context ? childElements(context, NS.saml, 'AuthnContextClassRef').map((r) => textOf(r) ?? '') : [];
        request = { id: root.getAttribute('ID') ?? '', authmechs: asked.filter((urn) => levelOfAuthmech(urn)) };
      } catch {
        throw new ApiError('invalid_request', 'The simulated ACM/IDM IdP could not read a signed AuthnRequest.', 400);
      }
      return c.html(
        idpPage({
          lang: await loginLocale(c, request.id),
          answerAction: `${DEV_ACMIDM_PATH}/answer`,
          authmechs: request.authmechs,
          state: { requestId: request.id, relayState: fields.RelayState ?? '', authmechs: request.authmechs.join(' ') },
        }),
        200,
      );
    })
    .openapi(answerRoute, async (c) => {
      const dev = devIdp(c);
      const fields = await form(c);
      const allowed = (fields.authmechs ?? '').split(' ').filter(Boolean);
      const person = acmidmTestPeople.find((p) => `person:${p.key}` === fields.answer);
      // The means chosen must be one the request allowed (a real IdP offers only those).
      const authmech = fields.authmech && allowed.includes(fields.authmech) ? fields.authmech : allowed[0];
      const answer: DevAcmidmAnswer | undefined = person && authmech ? { person, authmech } : fields.answer === 'cancelled' ? { status: 'cancelled' } : undefined;
      if (!answer || !fields.requestId) throw new ApiError('invalid_request');
      // Where the start-up could not make them (the database was down then), now.
      if ('person' in answer) await ensureDemoOrganisations(c.get('deps').db.db);
      const responseXml = dev.buildResponse({ id: fields.requestId, authmechs: allowed }, answer);
      return c.html(
        autoPostPage({
          lang: await loginLocale(c, fields.requestId),
          title: 'ACM/IDM',
          explanation: 'ACM/IDM',
          button: 'OK',
          action: dev.options.sp.acsUrl,
          fields: { SAMLResponse: Buffer.from(responseXml, 'utf8').toString('base64'), ...(fields.relayState ? { RelayState: fields.relayState } : {}) },
        }),
        200,
      );
    });
}

function loginLocale(c: Context<AppEnv>, requestId: string): Promise<Locale> {
  return startedLoginLocale(c.get('deps').db.db, requestId, c.req.header('accept-language'));
}
