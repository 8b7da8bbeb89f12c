// Helpers for the linking tests: a site whose policy is `unknownIdentity: link`, an eHerkenning
// login through a simulated broker that ends pending in one "browser" (its login-binding cookie),
// and the PIN out of the mail the SMTP server received.
import type { ParsedMail } from 'mailparser';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import { and, desc, eq } from 'drizzle-orm';
import { outbox } from '../../db/schema.js';
import { bindingCookieFor, brokerResponse, postToAcs, startLogin } from '../saml/flow.js';
import { startAt } from '../saml/harness.js';
import { buildResponse } from '../saml/response-builder.js';
import type { TestApp } from './app.js';

export const DEMO_SERVICE = {
  entityId: 'urn:poort:demo:sp',
  serviceId: 'urn:etoegang:DV:00000001234567890000:services:1',
  serviceUuid: '8f1bd2c6-2ad6-4ac8-9a5f-e6d1b3c2a001',
  serviceName: { nl: 'Voorbeeldportaal', 'nl-BE': 'Voorbeeldtoepassing', en: 'Example portal' },
};

/** The demo configuration with another unknown-identity policy and optional extra sections. */
export function siteWithPolicy(unknownIdentity: 'link' | 'create' | 'deny', extra: Record<string, unknown> = {}) {
  return { ...demoSiteConfig, eherkenning: { ...DEMO_SERVICE, unknownIdentity }, ...extra };
}

export interface PendingLogin {
  /** The browser's login-binding cookie, `poort_login=…`: the one browser the pending link is for. */
  browser: string;
  /** Where the ACS sent the browser. */
  location: string;
}

/** An eHerkenning login of a simulated-broker test person that the ACS leaves pending. */
export async function eherkenningLogin(t: TestApp, person = 'jan', broker = 'demo-noord', returnTo = '/mijn'): Promise<PendingLogin & { response: Response }> {
  const started = await startLogin(t, broker, returnTo);
  const browser = bindingCookieFor(started.relayState) ?? '';
  const { xml, relayState } = await brokerResponse(t, started, `person:${person}`);
  const response = await postToAcs(t, xml, relayState);
  return { browser, location: response.headers.get('location') ?? '', response };
}

let pseudonyms = 0;

/**
 * An eHerkenning login of a person nobody has seen (a fresh pseudonym unless given), answered by
 * a response signed with the simulated broker's key, as the SAML suites build them.
 */
export async function newPersonLogin(t: TestApp, options: { pseudonym?: string; returnTo?: string } = {}): Promise<PendingLogin & { response: Response; pseudonym: string }> {
  const pseudonym = options.pseudonym ?? `S-link-${process.pid}-${++pseudonyms}`;
  const started = await startAt(t, 'demo-noord', options.returnTo ?? '/mijn');
  const response = await postToAcs(t, buildResponse({ ...started.spec, pseudonym }).xml, started.relayState);
  return { browser: bindingCookieFor(started.relayState) ?? '', location: response.headers.get('location') ?? '', response, pseudonym };
}

/** The PIN in the newest link_pin mail to `to` still in the outbox (tests that do not deliver). */
export async function pinFromOutbox(t: TestApp, to: string): Promise<string> {
  const [mail] = await t.db.db.select().from(outbox).where(and(eq(outbox.kind, 'link_pin'), eq(outbox.to, to))).orderBy(desc(outbox.id)).limit(1);
  const pin = /^(\d{6})$/m.exec(mail?.text ?? '')?.[1];
  if (!pin) throw new Error(`no PIN mail to ${to}`);
  return pin;
}

/** The six digits of the newest PIN mail to `to`. */
export function pinIn(mails: readonly ParsedMail[], to: string): string {
  const mail = [...mails].reverse().find((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.text.includes(to)) && /\b\d{6}\b/.test(m.text ?? ''));
  const pin = /^(\d{6})$/m.exec(mail?.text ?? '')?.[1];
  if (!pin) throw new Error(`no PIN mail to ${to}`);
  return pin;
}
