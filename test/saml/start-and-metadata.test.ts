// SP metadata and the start of a login: what brokers receive from us, checked by independent tools.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samlRequests } from '../../db/schema.js';
import { buildArtifactResolve, soapEnvelope } from '../../bff/src/saml/artifact.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { startLogin } from './flow.js';
import { xmllintValidate, xmlsecVerify } from './peers/xml-tools.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('SP metadata', () => {
  it('is valid SAML 2.0 metadata (xmllint, OASIS schema) with both ACS bindings and the service', async () => {
    const res = await t.app.request('/poort/auth/eherkenning/metadata');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/samlmetadata\+xml/);
    const xml = await res.text();
    const result = xmllintValidate(xml, 'saml-schema-metadata-2.0.xsd');
    expect(result.output).toMatch(/validates/);
    expect(result.ok).toBe(true);
    expect(xml).toContain(`entityID="${t.site.eherkenning.entityId}"`);
    expect(xml).toMatch(/<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact" Location="http:\/\/localhost:8080\/poort\/auth\/eherkenning\/acs" index="0"/);
    expect(xml).toMatch(/Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"[^>]*index="1"/);
    expect(xml).toContain(`<md:RequestedAttribute Name="${t.site.eherkenning.serviceId}"`);
    expect(xml).toMatch(/<md:KeyDescriptor use="signing">/);
    expect(xml).toMatch(/<md:KeyDescriptor use="encryption">/);
  });

  it('carries a signature that xmlsec1 verifies with our signing certificate', async () => {
    const xml = await (await t.app.request('/poort/auth/eherkenning/metadata')).text();
    const result = xmlsecVerify(xml, t.deps.saml!.sp.keys.signing.cert, 'urn:oasis:names:tc:SAML:2.0:metadata:EntityDescriptor');
    expect(result.output).toMatch(/OK/);
    expect(result.ok).toBe(true);
  });
});

describe('GET /poort/auth/eherkenning/start', () => {
  it('answers a page that posts a signed AuthnRequest to the broker, with no-store and a CSP allowing just that form', async () => {
    const started = await startLogin(t, 'demo-noord', '/mijn/overzicht?tab=1');
    expect(started.status).toBe(200);
    expect(started.action).toBe('http://localhost:8080/poort/dev/brokers/demo-noord/sso');
    expect(started.html).not.toMatch(/<script>/); // no inline script
    expect(started.html).toContain('src="/poort/auth/eherkenning/auto-submit.js"');
    const res = await t.app.request('/poort/auth/eherkenning/start?broker=demo-noord&returnTo=/mijn');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toMatch(/form-action 'self' http:\/\/localhost:8080/);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
  });

  it('sends ForceAuthn, the minimum level, the broker binding and our service index, signed RSA-SHA256 (xmlsec1 verifies)', async () => {
    const post = await startLogin(t, 'demo-noord');
    expect(post.requestXml).toContain('ForceAuthn="true"');
    expect(post.requestXml).toContain('ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"');
    expect(post.requestXml).toContain(`AttributeConsumingServiceIndex="${t.site.eherkenning.attributeConsumingServiceIndex}"`);
    expect(post.requestXml).toContain('<samlp:RequestedAuthnContext Comparison="minimum"><saml:AuthnContextClassRef>urn:etoegang:core:assurance-class:loa2plus</saml:AuthnContextClassRef>');
    expect(post.requestXml).toContain('SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"');
    expect(post.requestXml).toContain('DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"');
    expect(post.requestXml).not.toContain('NameIDPolicy');
    const verified = xmlsecVerify(post.requestXml, t.deps.saml!.sp.keys.signing.cert, 'urn:oasis:names:tc:SAML:2.0:protocol:AuthnRequest');
    expect(verified.ok, verified.output).toBe(true);
    const artifact = await startLogin(t, 'demo-zuid');
    expect(artifact.requestXml).toContain('ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact"');
  });

  it('stores the request id with broker, return path and level; RelayState is opaque and short', async () => {
    const started = await startLogin(t, 'demo-zuid', '/mijn');
    const id = /ID="([^"]+)"/.exec(started.requestXml)![1]!;
    const [row] = await t.db.db.select().from(samlRequests).where(eq(samlRequests.id, id));
    expect(row).toMatchObject({ broker: 'demo-zuid', returnTo: '/mijn', level: 'loa2plus', relayState: started.relayState, consumedAt: null });
    expect(Buffer.byteLength(started.relayState)).toBeLessThanOrEqual(80);
    expect(started.relayState).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('binds the login to this browser with a cookie: SameSite=None and __Host- over https (the answer is a cross-site POST), reused across tabs', async () => {
    const https = await t.app.request('https://localhost/poort/auth/eherkenning/start?broker=demo-noord&returnTo=/mijn');
    const cookie = https.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^__Host-poort_login=[A-Za-z0-9_-]{43}; Max-Age=900; Path=\/; HttpOnly; Secure; SameSite=None$/);
    const again = await t.app.request('https://localhost/poort/auth/eherkenning/start?broker=demo-zuid&returnTo=/mijn', { headers: { cookie: cookie.split(';')[0]! } });
    expect(again.headers.get('set-cookie')!.split(';')[0]).toBe(cookie.split(';')[0]);
    const http = await t.app.request('/poort/auth/eherkenning/start?broker=demo-noord&returnTo=/mijn');
    expect(http.headers.get('set-cookie')).toMatch(/^poort_login=.*SameSite=Lax$/);
  });

  it('refuses an unknown broker with 400 unknown_broker', async () => {
    const res = await t.app.request('/poort/auth/eherkenning/start?broker=nope&returnTo=/');
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('unknown_broker');
  });

  it('refuses return paths that leave the site with 400 invalid_return_to (W10)', async () => {
    for (const returnTo of ['//evil.example', 'https://evil.example/', '/\\evil.example', 'https:evil.example', '/%2F%2Fevil.example', 'javascript:alert(1)', '/\tevil', 'evil']) {
      const res = await t.app.request(`/poort/auth/eherkenning/start?broker=demo-noord&returnTo=${encodeURIComponent(returnTo)}`);
      expect(res.status, returnTo).toBe(400);
      expect((await res.json()).error.code).toBe('invalid_return_to');
    }
  });
});

describe('ArtifactResolve', () => {
  it('is signed so that xmlsec1 verifies it', () => {
    const saml = t.deps.saml!;
    const xml = soapEnvelope(buildArtifactResolve(saml.sp, 'https://broker.example/ars', 'AAQAAA=='));
    const result = xmlsecVerify(xml, saml.sp.keys.signing.cert, 'urn:oasis:names:tc:SAML:2.0:protocol:ArtifactResolve');
    expect(result.ok, result.output).toBe(true);
  });
});
