// Drives the ACM/IDM flow in-process the way a browser would: start → simulated IdP page → answer
// → ACS; and builds ACM/IDM-shaped Responses for the hostile tests, signed with the simulated
// IdP's key and encrypted for Poort's ACM/IDM encryption certificate, every field settable.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TestApp } from '../support/app.js';
import { encryptAssertion } from '../../bff/src/eherkenning/dev-brokers/encrypt-id.js';
import type { KeyPair } from '../../bff/src/saml/key-pair.js';
import { bindingCookieFor, form, formFields, type Started } from './flow.js';
import { sign, type AnswerSpec } from './response-builder.js';

const rememberBinding = new Map<string, string>();

export async function startAcmidm(t: TestApp, query = 'returnTo=/mijn'): Promise<Started & { requestId: string; cookie?: string }> {
  const res = await t.app.request(`/poort/auth/acmidm/start?${query}`);
  const html = await res.text();
  const { action, fields } = formFields(html);
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (cookie && fields.RelayState) rememberBinding.set(fields.RelayState, cookie);
  const requestXml = Buffer.from(fields.SAMLRequest ?? '', 'base64').toString('utf8');
  return {
    status: res.status,
    action,
    samlRequest: fields.SAMLRequest ?? '',
    relayState: fields.RelayState ?? '',
    requestXml,
    html,
    requestId: /ID="([^"]+)"/.exec(requestXml)?.[1] ?? '',
    ...(cookie ? { cookie } : {}),
  };
}

/** Posts the AuthnRequest to the simulated IdP and answers on its page (a person with a means, or `cancelled`). */
export async function idpAnswers(t: TestApp, started: Started, answer: string, authmech?: string): Promise<{ xml: string; relayState: string }> {
  const page = await t.app.request(started.action, form({ SAMLRequest: started.samlRequest, RelayState: started.relayState }));
  expect(page.status).toBe(200);
  const { action, fields } = formFields(await page.text());
  const res = await t.app.request(action, form({ ...fields, answer, ...(authmech ? { authmech } : {}) }));
  const posted = formFields(await res.text());
  return { xml: Buffer.from(posted.fields.SAMLResponse ?? '', 'base64').toString('utf8'), relayState: posted.fields.RelayState ?? '' };
}

export async function postToAcmidmAcs(t: TestApp, xml: string, relayState: string, options: { cookie?: string | null } = {}): Promise<Response> {
  const request = form({ SAMLResponse: Buffer.from(xml, 'utf8').toString('base64'), RelayState: relayState });
  const cookie = options.cookie === undefined ? (rememberBinding.get(relayState) ?? bindingCookieFor(relayState)) : options.cookie;
  return t.app.request('/poort/auth/acmidm/acs', { ...request, headers: { ...request.headers, ...(cookie ? { cookie } : {}) } });
}

export interface AcmidmSpec extends AnswerSpec {
  idpEntityId: string;
  idpKeys: KeyPair;
  authmech?: string;
  sub?: string;
  capacities?: string[];
  orgCode?: string;
  /** Encrypt the signed assertion (default true: ACM/IDM encrypts for SPs that support it). */
  encrypt?: boolean | ((signedAssertionXml: string) => string);
}

export const acmidmId = () => `_${randomBytes(16).toString('hex')}`;

export function acmidmAssertion(spec: AcmidmSpec): string {
  const now = new Date();
  const notBefore = spec.notBefore ?? new Date(now.getTime() - 1000);
  const notOnOrAfter = spec.notOnOrAfter ?? new Date(now.getTime() + 4 * 60_000);
  const irt = spec.inResponseTo ? ` InResponseTo="${spec.inResponseTo}"` : '';
  const attr = (name: string, values: string[]) => `<saml:Attribute Name="${name}">${values.map((v) => `<saml:AttributeValue>${v}</saml:AttributeValue>`).join('')}</saml:Attribute>`;
  return (
    `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${spec.assertionId ?? acmidmId()}" Version="2.0" IssueInstant="${now.toISOString()}">` +
    `<saml:Issuer>${spec.issuer ?? spec.idpEntityId}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient">t-${randomBytes(4).toString('hex')}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData${irt} NotOnOrAfter="${notOnOrAfter.toISOString()}" Recipient="${spec.recipient ?? spec.sp.acsUrl}"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${notBefore.toISOString()}" NotOnOrAfter="${notOnOrAfter.toISOString()}"><saml:AudienceRestriction><saml:Audience>${spec.audience ?? spec.sp.entityId}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${now.toISOString()}"><saml:AuthnContext><saml:AuthnContextClassRef>${spec.authmech ?? 'urn:be:vlaanderen:authmech:itsme'}</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    `<saml:AttributeStatement>` +
    attr('sub', [spec.sub ?? 'acm-test-1']) +
    attr('given_name', ['Test']) +
    attr('family_name', ['Persoon']) +
    attr('vo_doelgroepcode', spec.capacities ?? ['BUR']) +
    (spec.orgCode ? attr('vo_orgcode', [spec.orgCode]) : '') +
    `</saml:AttributeStatement></saml:Assertion>`
  );
}

export function acmidmResponse(spec: AcmidmSpec): string {
  const status = spec.status ?? { top: 'urn:oasis:names:tc:SAML:2.0:status:Success' };
  const success = status.top.endsWith(':Success');
  let body = '';
  if (success) {
    const plain = acmidmAssertion(spec);
    const signed = spec.signAssertion === false ? plain : sign(plain, 'Assertion', spec.idpKeys);
    const encrypt = spec.encrypt ?? true;
    body = encrypt === false ? signed : typeof encrypt === 'function' ? encrypt(signed) : encryptAssertion(signed, { entityId: spec.sp.entityId, cert: spec.sp.encryptionCert });
  }
  const irt = spec.inResponseTo ? ` InResponseTo="${spec.inResponseTo}"` : '';
  const statusXml = `<samlp:Status><samlp:StatusCode Value="${status.top}">${status.second ? `<samlp:StatusCode Value="${status.second}"/>` : ''}</samlp:StatusCode></samlp:Status>`;
  let xml =
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${spec.responseId ?? acmidmId()}" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${spec.destination ?? spec.sp.acsUrl}"${irt}>` +
    `<saml:Issuer>${spec.issuer ?? spec.idpEntityId}</saml:Issuer>${statusXml}${body}</samlp:Response>`;
  if (spec.signResponse) xml = sign(xml, 'Response', spec.idpKeys);
  return xml;
}

/** A started ACM/IDM login and the spec of a good answer to it. */
export async function startAcmidmWithSpec(t: TestApp, query?: string): Promise<{ started: Awaited<ReturnType<typeof startAcmidm>>; spec: AcmidmSpec }> {
  const started = await startAcmidm(t, query);
  const dev = t.deps.devAcmidm!;
  const acmidm = t.deps.acmidm!;
  return {
    started,
    spec: { idpEntityId: dev.entityId, idpKeys: dev.keys, sp: { entityId: acmidm.sp.entityId, acsUrl: acmidm.sp.acsUrl, encryptionCert: acmidm.sp.keys.encryption.cert }, inResponseTo: started.requestId },
  };
}
