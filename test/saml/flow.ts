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

export interface Started {
  status: number;
  action: string;
  samlRequest: string;
  relayState: string;
  requestXml: string;
  html: string;
}

export async function startLogin(t: TestApp, broker: string, returnTo = '/mijn'): Promise<Started> {
  const res = await t.app.request(`/poort/auth/eherkenning/start?broker=${encodeURIComponent(broker)}&returnTo=${encodeURIComponent(returnTo)}`);
  const html = await res.text();
  const { action, fields } = formFields(html);
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
export async function brokerAnswers(t: TestApp, started: Started, answer: string): Promise<Response> {
  const page = await t.app.request(started.action, form({ SAMLRequest: started.samlRequest, RelayState: started.relayState }));
  if (page.status !== 200) throw new Error(`broker page ${page.status}`);
  const { action, fields } = formFields(await page.text());
  return t.app.request(action, form({ ...fields, answer }));
}

/** The SAMLResponse XML a POST-binding broker would post, and its RelayState. */
export async function brokerResponse(t: TestApp, started: Started, answer = 'person:jan'): Promise<{ xml: string; relayState: string }> {
  const res = await brokerAnswers(t, started, answer);
  const { fields } = formFields(await res.text());
  return { xml: Buffer.from(fields.SAMLResponse ?? '', 'base64').toString('utf8'), relayState: fields.RelayState ?? '' };
}

export async function postToAcs(t: TestApp, xml: string, relayState: string, extra: Record<string, string> = {}): Promise<Response> {
  return t.app.request('/poort/auth/eherkenning/acs', form({ SAMLResponse: Buffer.from(xml, 'utf8').toString('base64'), RelayState: relayState, ...extra }));
}

export function cookieOf(res: Response): string | undefined {
  return res.headers.get('set-cookie')?.split(';')[0];
}
