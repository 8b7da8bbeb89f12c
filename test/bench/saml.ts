// eHerkenning SP figures, all in-process on PGlite:
//   saml.acs_ratio           our SAML handling of one signed Response with encrypted identifiers
//                            (guards, node-saml, own checks, EncryptedID decryption) ÷ bare node-saml
//                            validatePostResponseAsync on the same Response, same run (goal ≤ 1.3)
//   saml.acs_per_s           full HTTP ACS (verify + one-time ids + user + session + audit), sequential
//   saml.authnrequest_per_s  GET /start: signed AuthnRequest + stored request + hand-over page
import { SAML } from '@node-saml/node-saml';
import { readEnvelope } from '../../bff/src/saml/verify-response.js';
import { verifyEherkenningResponse as verifyResponse } from '../../bff/src/saml/eherkenning-response.js';
import { createTestApp } from '../support/app.js';
import { postToAcs } from '../saml/flow.js';
import { startAt } from '../saml/harness.js';
import { buildResponse } from '../saml/response-builder.js';
import { median, report } from './report.js';

async function timeLoop(fn: () => Promise<unknown>, iterations: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < iterations; i++) await fn();
  return (performance.now() - started) / iterations;
}

export async function benchSaml(): Promise<void> {
  const t = await createTestApp();
  try {
    const saml = t.deps.saml!;
    const broker = t.site.brokers.find((b) => b.id === 'demo-noord')!;
    const endpoints = await saml.metadata.endpoints(broker);

    // One realistic Response (assertion signed, ActingSubjectID and LegalSubjectID as EncryptedID).
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, signResponse: true, notOnOrAfter: new Date(Date.now() + 3_600_000) });
    const bare = new SAML({
      callbackUrl: saml.sp.acsUrl,
      issuer: saml.sp.entityId,
      audience: saml.sp.entityId,
      idpCert: endpoints.signingCerts,
      decryptionPvk: saml.sp.keys.encryption.key,
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: false,
      acceptedClockSkewMs: 60_000,
    });
    const base64 = Buffer.from(xml).toString('base64');
    const options = { sp: saml.sp, broker: endpoints, clockSkewMs: 60_000 };
    for (let i = 0; i < 20; i++) {
      await bare.validatePostResponseAsync({ SAMLResponse: base64 });
      await verifyResponse(readEnvelope(xml), options);
    }
    const ratios: number[] = [];
    for (let round = 0; round < 5; round++) {
      // Alternate which goes first, so warm-up and GC do not favour one side.
      const runBare = () => timeLoop(() => bare.validatePostResponseAsync({ SAMLResponse: base64 }), 40);
      const runOurs = () => timeLoop(() => verifyResponse(readEnvelope(xml), options), 40);
      const [nodeSaml, ours] = round % 2 === 0 ? [await runBare(), await runOurs()] : await runOurs().then(async (o) => [await runBare(), o]);
      ratios.push(ours / nodeSaml);
    }
    report('saml.acs_ratio', median(ratios), 'x');

    const logins = [];
    for (let i = 0; i < 100; i++) {
      const started = await startAt(t);
      logins.push({ relayState: started.relayState, xml: buildResponse({ ...started.spec, pseudonym: `S-bench-${i}` }).xml });
    }
    const began = performance.now();
    for (const login of logins) {
      const res = await postToAcs(t, login.xml, login.relayState);
      if (res.headers.get('location') !== '/mijn') throw new Error('bench login failed');
    }
    report('saml.acs_per_s', Math.round(logins.length / ((performance.now() - began) / 1000)), '/s');

    const startMs = await timeLoop(async () => {
      const res = await t.app.request('/poort/auth/eherkenning/start?broker=demo-noord&returnTo=/mijn');
      if (res.status !== 200) throw new Error('bench start failed');
      await res.text();
    }, 100);
    report('saml.authnrequest_per_s', Math.round(1000 / startMs), '/s');
  } finally {
    await t.close();
  }
}
