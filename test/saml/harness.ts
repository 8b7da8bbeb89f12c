// Shared set-up of the SAML suites: an app on the demo configuration, a started login at the
// simulated POST broker `demo-noord`, a response spec signed with that broker's key, and the
// checks every refusal must pass (303 back with the code, no session, an audit event, no 5xx).
import { count, desc, inArray } from 'drizzle-orm';
import { brokerMethods } from '../../contract/login-methods.js';
import { expect } from 'vitest';
import { auditEvents, sessions } from '../../db/schema.js';
import type { TestApp } from '../support/app.js';
import { postToAcs, startLogin, type Started } from './flow.js';
import type { ResponseSpec } from './response-builder.js';

export interface StartedLogin extends Started {
  requestId: string;
  spec: ResponseSpec;
}

export async function startAt(t: TestApp, broker = 'demo-noord', returnTo = '/mijn', lang?: string, service?: 'eidas'): Promise<StartedLogin> {
  const started = await startLogin(t, broker, returnTo, lang, service ? { service } : {});
  const requestId = /ID="([^"]+)"/.exec(started.requestXml)![1]!;
  const dev = t.deps.devBrokers!.get(broker === 'demo-noord' || broker === 'demo-zuid' || broker === 'demo-eenvoud' ? broker : 'demo-noord')!;
  const saml = t.deps.saml!;
  return {
    ...started,
    requestId,
    spec: {
      brokerEntityId: dev.entityId,
      brokerKeys: dev.keys,
      sp: { entityId: saml.sp.entityId, acsUrl: saml.sp.acsUrl, encryptionCert: saml.sp.keys.encryption.cert },
      inResponseTo: requestId,
      signAssertion: true,
    },
  };
}

export async function sessionCount(t: TestApp): Promise<number> {
  const [row] = await t.db.db.select({ n: count() }).from(sessions);
  return row!.n;
}

export async function lastAudit(t: TestApp) {
  const [row] = await t.db.db.select().from(auditEvents).where(inArray(auditEvents.method, [...brokerMethods])).orderBy(desc(auditEvents.id)).limit(1);
  return row;
}

/**
 * Posts `xml` and checks the refusal: code in the redirect, no cookie, no new session, a failure
 * audit event with exactly `reason` (required: a test that expects a refusal names why).
 */
export async function expectRefused(t: TestApp, xml: string, relayState: string, code: string, reason: string): Promise<void> {
  const before = await sessionCount(t);
  const res = await postToAcs(t, xml, relayState);
  await expectRefusal(t, res, code, before, reason);
}

export async function expectRefusal(t: TestApp, res: Response, code: string, sessionsBefore: number, reason: string): Promise<void> {
  expect(res.status).toBe(303);
  expect(new URL(res.headers.get('location')!, 'http://x').searchParams.get('poort-error')).toBe(code);
  expect(res.headers.get('set-cookie')).toBeNull();
  expect(await sessionCount(t)).toBe(sessionsBefore);
  const audit = await lastAudit(t);
  expect(audit).toMatchObject({ type: 'login', outcome: 'failure' });
  // The reason is named exactly: a refusal for another reason is a different (and missed) check.
  expect(audit!.reason).toBe(reason);
}
