// Drives the eHerkenning flow in-process the way a browser would: start → broker page → answer →
// ACS. Returns what each step produced so tests can tamper with it in between.
import type { TestApp } from '../support/app.js';

export function formFields(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1] ?? '';
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields[m[1]!] = decodeHtml(m[2]!);
  return { action: decodeHtml(action), fields };
}

function decodeHtml(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

/**
 * The login-binding cookie each started login got, by RelayState: the browser that started a
 * login is the one that brings the answer back, so the ACS helpers send it along.
 */
const bindingCookies = new Map<string, string>();

export function bindingCookieFor(relayState: string): string | undefined {
  return bindingCookies.get(relayState);
}

export interface Started {
  status: number;
  action: string;
  samlRequest: string;
  relayState: string;
  requestXml: string;
  html: string;
}

/** `more`: further start parameters, such as an application's `app`, `level` and `forceAuthn`. */
export async function startLogin(t: TestApp, broker: string, returnTo = '/mijn', lang?: string, more: Record<string, string> = {}): Promise<Started> {
  const query = new URLSearchParams({ broker, returnTo, ...(lang ? { lang } : {}), ...more });
  const res = await t.app.request(`/poort/auth/eherkenning/start?${query}`);
  const html = await res.text();
  const { action, fields } = formFields(html);
  const binding = res.headers.get('set-cookie')?.split(';')[0];
  if (binding && fields.RelayState) bindingCookies.set(fields.RelayState, binding);
  return {
    status: res.status,
    action,
    samlRequest: fields.SAMLRequest ?? '',
    relayState: fields.RelayState ?? '',
    requestXml: Buffer.from(fields.SAMLRequest ?? '', 'base64').toString('utf8'),
    html,
  };
}

/** Posts the AuthnRequest to the simulated broker and presses a button on its page. */
export async function brokerAnswers(t: TestApp, started: Started, answer: string, options: { level?: string } = {}): Promise<Response> {
  const page = await t.app.request(started.action, form({ SAMLRequest: started.samlRequest, RelayState: started.relayState }));
  if (page.status !== 200) throw new Error(`broker page ${page.status}`);
  const { action, fields } = formFields(await page.text());
  // `level`: the broker answers with another level than the request asked (a downgrade).
  return t.app.request(action, form({ ...fields, answer, ...(options.level ? { level: options.level } : {}) }));
}

/** The SAMLResponse XML a POST-binding broker would post, and its RelayState. */
export async function brokerResponse(t: TestApp, started: Started, answer = 'person:jan', options: { level?: string } = {}): Promise<{ xml: string; relayState: string }> {
  const res = await brokerAnswers(t, started, answer, options);
  const { fields } = formFields(await res.text());
  return { xml: Buffer.from(fields.SAMLResponse ?? '', 'base64').toString('utf8'), relayState: fields.RelayState ?? '' };
}

/** Posts a Response to the ACS from the browser that started the login (unless `cookie` says otherwise). */
export async function postToAcs(t: TestApp, xml: string, relayState: string, options: { cookie?: string | null } = {}): Promise<Response> {
  const request = form({ SAMLResponse: Buffer.from(xml, 'utf8').toString('base64'), RelayState: relayState });
  const cookie = options.cookie === undefined ? bindingCookieFor(relayState) : options.cookie;
  return t.app.request('/poort/auth/eherkenning/acs', { ...request, headers: { ...request.headers, ...(cookie ? { cookie } : {}) } });
}

/** Follows an artifact redirect to the ACS from the browser that started the login. */
export async function getAcs(t: TestApp, location: string): Promise<Response> {
  const relayState = new URL(location, 'http://x').searchParams.get('RelayState') ?? '';
  const cookie = bindingCookieFor(relayState);
  return t.app.request(location, cookie ? { headers: { cookie } } : {});
}

export function cookieOf(res: Response): string | undefined {
  return res.headers.get('set-cookie')?.split(';')[0];
}
