// The language travels with an eHerkenning login (issue 14 §3): the start stores the widget's
// language with the SAML request, and every page on the way (the hand-over, the simulated broker,
// its answer, a refusal) speaks it, whatever language the browser prefers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { form, formFields, startLogin } from './flow.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // The simulated broker makes its keys at first use: here, not inside a request and its deadline.
  t.deps.devBrokers!.get('demo-noord');
});
afterAll(() => t.close());

const htmlLang = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1];

/** Posts the AuthnRequest to the simulated broker as a browser preferring `acceptLanguage` would. */
async function brokerPage(started: Awaited<ReturnType<typeof startLogin>>, acceptLanguage: string): Promise<string> {
  const request = form({ SAMLRequest: started.samlRequest, RelayState: started.relayState });
  const res = await t.app.request(started.action, { ...request, headers: { ...request.headers, 'accept-language': acceptLanguage } });
  expect(res.status).toBe(200);
  return res.text();
}

describe('the language of an eHerkenning login', () => {
  it('the simulated broker speaks the page\'s language (nl-BE), not the browser\'s (English), up to the answer it posts back', async () => {
    const started = await startLogin(t, 'demo-noord', '/vl/', 'nl-BE');
    expect(htmlLang(started.html)).toBe('nl-BE');
    const page = await brokerPage(started, 'en-GB,en;q=0.9');
    expect(htmlLang(page)).toBe('nl-BE');
    expect(page).toContain('Aanmelden als');
    expect(page).not.toContain('Log in as');

    const { action, fields } = formFields(page);
    const answer = await t.app.request(action, { ...form({ ...fields, answer: 'person:jan' }), headers: { ...form({}).headers, 'accept-language': 'en' } });
    expect(htmlLang(await answer.text())).toBe('nl-BE');
  });

  it('each start keeps its own language: an English start on a Dutch browser gets an English broker page', async () => {
    const english = await startLogin(t, 'demo-noord', '/en/', 'en');
    const dutch = await startLogin(t, 'demo-noord', '/', 'nl');
    expect(await brokerPage(english, 'nl-NL,nl')).toContain('Log in as');
    expect(await brokerPage(dutch, 'en')).toContain('Inloggen als');
  });

  it('without a lang, the start falls back to Accept-Language and the broker page follows what was stored', async () => {
    const res = await t.app.request('/poort/auth/eherkenning/start?broker=demo-noord&returnTo=/', { headers: { 'accept-language': 'en-US,en;q=0.8' } });
    const { action, fields } = formFields(await res.text());
    const started = { status: res.status, action, samlRequest: fields.SAMLRequest!, relayState: fields.RelayState!, requestXml: '', html: '' };
    expect(htmlLang(await brokerPage(started, 'nl'))).toBe('en');
  });

  it('a broker page for a request Poort never stored (a replayed form) falls back to the browser\'s language', async () => {
    const started = await startLogin(t, 'demo-noord', '/', 'nl-BE');
    await t.db.db.execute('delete from saml_requests');
    expect(htmlLang(await brokerPage(started, 'en'))).toBe('en');
  });
});
