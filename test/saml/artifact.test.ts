// HTTP-Artifact: the SAMLart the browser brings is resolved over SOAP at the broker; the answer
// must be a signed ArtifactResponse to our ArtifactResolve, and an artifact works once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SoapRequest } from '../../bff/src/saml/artifact.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { brokerAnswers, cookieOf, getAcs } from './flow.js';
import { expectRefusal, sessionCount, startAt } from './harness.js';

let t: TestApp;
const seen: SoapRequest[] = [];
/** Rewrites the broker's SOAP answer when set (to play a hostile broker or network). */
let tamper: ((xml: string) => string) | undefined;

beforeAll(async () => {
  const self: { t?: TestApp } = {};
  t = await createTestApp({
    soap: async (request) => {
      seen.push(request);
      const res = await self.t!.app.request(request.url, { method: 'POST', body: request.body, headers: { 'content-type': request.contentType } });
      const xml = await res.text();
      return tamper ? tamper(xml) : xml;
    },
  });
  self.t = t;
});
afterAll(() => t.close());

async function artifactRedirect(answer = 'person:fatima') {
  const s = await startAt(t, 'demo-zuid');
  const res = await brokerAnswers(t, s, answer);
  expect(res.status).toBe(303);
  return res.headers.get('location')!;
}

describe('HTTP-Artifact ACS', () => {
  it('resolves the artifact with a signed SOAP ArtifactResolve (text/xml) and logs in', async () => {
    tamper = undefined;
    const location = await artifactRedirect();
    expect(location).toMatch(/\/poort\/auth\/eherkenning\/acs\?SAMLart=/);
    const res = await getAcs(t, location);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/mijn');
    const session = await (await t.app.request('/poort/api/session', { headers: { cookie: cookieOf(res)! } })).json();
    expect(session).toMatchObject({ method: 'eherkenning', level: 'loa2plus', attributes: { kvk: '90005678', vestigingsnr: '000012345678', broker: 'demo-zuid' } });
    const last = seen[seen.length - 1]!;
    expect(last.contentType).toBe('text/xml');
    expect(last.body).toContain('<samlp:ArtifactResolve');
    expect(last.body).toContain('<ds:SignatureValue>');
  });

  it('brings back cancel and no-authorisation answers as poort-error', async () => {
    tamper = undefined;
    for (const [answer, code, reason] of [
      ['cancelled', 'cancelled', 'status_AuthnFailed'],
      ['no_authorisation', 'no_authorisation', 'status_RequestDenied'],
    ] as const) {
      const before = await sessionCount(t);
      const res = await getAcs(t, await artifactRedirect(answer));
      await expectRefusal(t, res, code, before, reason);
    }
  });

  it('refuses an artifact a second time', async () => {
    tamper = undefined;
    const location = await artifactRedirect();
    expect((await getAcs(t, location)).headers.get('location')).toBe('/mijn');
    const before = await sessionCount(t);
    await expectRefusal(t, await getAcs(t, location), 'saml_invalid', before, 'replay');
  });

  it('refuses an ArtifactResponse whose content was changed after signing', async () => {
    tamper = (xml) => xml.replace('assurance-class:loa2plus', 'assurance-class:loa4');
    const before = await sessionCount(t);
    await expectRefusal(t, await getAcs(t, await artifactRedirect()), 'saml_invalid', before, 'artifact_response_signature_invalid');
  });

  it('refuses an unsigned ArtifactResponse', async () => {
    tamper = (xml) => xml.replace(/<ds:Signature[\s\S]*?<\/ds:Signature>(?=<samlp:Status)/, '');
    const before = await sessionCount(t);
    await expectRefusal(t, await getAcs(t, await artifactRedirect()), 'saml_invalid', before, 'artifact_response_signature_invalid');
  });

  it('refuses a malformed artifact and one from another source', async () => {
    tamper = undefined;
    const s = await startAt(t, 'demo-zuid');
    const before = await sessionCount(t);
    await expectRefusal(t, await getAcs(t, `/poort/auth/eherkenning/acs?SAMLart=bm90LWFuLWFydGlmYWN0&RelayState=${s.relayState}`), 'saml_invalid', before, 'artifact_malformed');
    const s2 = await startAt(t, 'demo-zuid');
    const foreign = Buffer.concat([Buffer.from([0, 4, 0, 0]), Buffer.alloc(40, 7)]).toString('base64');
    await expectRefusal(t, await getAcs(t, `/poort/auth/eherkenning/acs?SAMLart=${encodeURIComponent(foreign)}&RelayState=${s2.relayState}`), 'saml_invalid', before, 'artifact_source_mismatch');
  });
});

describe('per-broker SOAP content type', () => {
  it('sends application/soap+xml to a broker configured for it', async () => {
    const { demoSiteConfig } = await import('../../bff/src/site-config/demo-defaults.js');
    const requests: SoapRequest[] = [];
    const self: { t?: TestApp } = {};
    const site = { ...demoSiteConfig, brokers: demoSiteConfig.brokers.map((b) => (b.id === 'demo-zuid' ? { ...b, artifact: { contentType: 'application/soap+xml' } } : b)) };
    const other = await createTestApp({
      site,
      soap: async (request) => {
        requests.push(request);
        return (await self.t!.app.request(request.url, { method: 'POST', body: request.body, headers: { 'content-type': request.contentType } })).text();
      },
    });
    self.t = other;
    try {
      const s = await startAt(other, 'demo-zuid');
      const res = await getAcs(other, (await brokerAnswers(other, s, 'person:jan')).headers.get('location')!);
      expect(res.headers.get('location')).toBe('/mijn');
      expect(requests.map((r) => r.contentType)).toEqual(['application/soap+xml']);
    } finally {
      await other.close();
    }
  });
});
