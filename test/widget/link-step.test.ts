/// <reference types="mocha" />
// <poort-link-step> in Chromium: the linking step after a first eHerkenning login, with the BFF
// stubbed (the real one is driven by the end-to-end test): the path through password and PIN, the
// activation code with the helpdesk for who has none, each refusal's own text, and accessibility.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../widget/src/linking/poort-link-step.js';
import '../../widget/src/email-form/poort-email-form.js';
import '../../widget/src/login-chooser.js';
import type { LoginChooser } from '../../widget/src/login-chooser.js';
import type { PoortLinkStep } from '../../widget/src/linking/poort-link-step.js';
import { locales } from '../../contract/locales.js';
import type { PoortLoginDetail } from '../../widget/src/events.js';
import linkEn from '../../widget/locales/steps/link/en.json';
import linkNl from '../../widget/locales/steps/link/nl.json';
import linkNlBE from '../../widget/locales/steps/link/nl-BE.json';
import { resources } from '../support/widget-texts.js';
import { siteConfig } from './support.js';

// The step's own texts (a chunk of their own) with the widget's first-render ones it uses too.
const texts = { nl: { ...resources.nl, ...linkNl }, 'nl-BE': { ...resources['nl-BE'], ...linkNlBE }, en: { ...resources.en, ...linkEn } };
const nl = texts.nl;
const realFetch = window.fetch;
let calls: { url: string; body: unknown }[] = [];
type Answer = { status: number; body: unknown };
let answers: Record<string, Answer[]> = {};

/** Serves the configuration, and for each BFF path its next answer (the last one repeats). */
function stub(byPath: Record<string, Answer[]>) {
  calls = [];
  answers = byPath;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.endsWith('/api/config')) return Response.json(siteConfig());
    calls.push({ url, body: init?.body ? JSON.parse(String(init.body)) : null });
    const path = url.replace(/^.*\/poort/, '');
    const list = answers[path] ?? [{ status: 404, body: { error: { code: 'not_found' } } }];
    const answer = list.length > 1 ? list.shift()! : list[0]!;
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
  };
}

const pending: Answer = { status: 200, body: { expiresAt: '2030-01-01T00:00:00Z', pinSent: false, pinExpiresAt: null, broker: 'demo-noord' } };
const user = { id: 'u1', email: 'anna@school.example.nl', displayName: null, role: 'user' };
const linked: Answer = {
  status: 200,
  body: { returnTo: '/mijn', session: { user, method: 'eherkenning', level: 'loa3', actingFor: null, organisationChoiceNeeded: false, attributes: {}, expiresAt: 'x', absoluteExpiresAt: 'x' } },
};
const refusal = (status: number, code: string): Answer => ({ status, body: { error: { code, message: code } } });
const patient = { timeout: 8_000 };

async function step(locale = 'nl'): Promise<PoortLinkStep> {
  const el = await fixture<PoortLinkStep>(html`<poort-link-step lang=${locale} bff="/poort"></poort-link-step>`);
  await waitUntil(() => el.querySelector('form'), 'the step never showed a form', patient);
  return el;
}

async function submit(el: PoortLinkStep, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) el.querySelector<HTMLInputElement>(`input[name="${name}"]`)!.value = value;
  el.querySelector('form')!.requestSubmit();
}

const alertText = (el: PoortLinkStep) => el.querySelector('[role="alert"]')?.textContent?.trim() ?? '';

afterEach(() => {
  window.fetch = realFetch;
});

describe('<poort-link-step>', () => {
  for (const locale of locales) {
    it(`asks for the account's address and password in light DOM, for password managers (${locale}), and passes axe`, async () => {
      stub({ '/api/link': [pending] });
      const el = await step(locale);
      expect(el.querySelector('h2')!.textContent).to.equal(texts[locale].link.heading);
      expect(el.querySelector('input[name="email"]')!.getAttribute('autocomplete')).to.equal('username');
      expect(el.querySelector('input[name="password"]')!.getAttribute('autocomplete')).to.equal('current-password');
      expect(el.shadowRoot).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it('goes from password to PIN to logged in, and fires poort-login with the return path', async () => {
    stub({ '/api/link': [pending], '/api/link/password': [{ status: 202, body: { status: 'pin_sent', pinExpiresAt: 'x' } }], '/api/link/pin': [linked] });
    const el = await step();
    await submit(el, { email: 'anna@school.example.nl', password: 'geheim wachtwoord' });
    await waitUntil(() => el.querySelector('input[name="pin"]'), 'no PIN field', patient);
    expect(el.querySelector('input[name="pin"]')!.getAttribute('autocomplete')).to.equal('one-time-code');
    const login = oneEvent(el, 'poort-login');
    await submit(el, { pin: '042 137' });
    const detail = ((await login) as CustomEvent<PoortLoginDetail>).detail;
    expect(detail).to.deep.equal({ method: 'eherkenning', user, returnTo: '/mijn', organisationChoiceNeeded: false });
    expect(calls.find((c) => c.url.endsWith('/api/link/pin'))!.body).to.deep.equal({ pin: '042137' });
    expect(el.textContent).to.contain(nl.link.done);
  });

  it('shows each refusal with its own text, and ends the step where nothing more can be done', async () => {
    stub({ '/api/link': [pending], '/api/link/password': [{ status: 202, body: { status: 'pin_sent' } }], '/api/link/pin': [refusal(422, 'pin_wrong'), refusal(403, 'pin_too_many_attempts')] });
    const el = await step();
    await submit(el, { email: 'anna@school.example.nl', password: 'geheim wachtwoord' });
    await waitUntil(() => el.querySelector('input[name="pin"]'), 'no PIN field', patient);
    await submit(el, { pin: '000000' });
    await waitUntil(() => alertText(el) === nl.errors.pin_wrong, 'no pin_wrong text', patient);
    await submit(el, { pin: '000001' });
    await waitUntil(() => alertText(el) === nl.errors.pin_too_many_attempts, 'no pin_too_many_attempts text', patient);
    expect(el.querySelector('form')).to.equal(null);
  });

  it('says so when no eHerkenning login waits in this browser', async () => {
    stub({ '/api/link': [refusal(409, 'link_not_pending')] });
    const el = await fixture<PoortLinkStep>(html`<poort-link-step lang="en" bff="/poort"></poort-link-step>`);
    await waitUntil(() => alertText(el) === texts.en.errors.link_not_pending, 'no link_not_pending text', patient);
  });

  it('takes an activation code with the address, and names the helpdesk for who has no code', async () => {
    stub({ '/api/link': [pending], '/api/link/activation-code': [refusal(410, 'code_used'), linked] });
    const el = await step('nl-BE');
    el.querySelector<HTMLButtonElement>('[data-action="code"]')!.click();
    await waitUntil(() => el.querySelector('input[name="code"]'), 'no code field', patient);
    await waitUntil(() => el.textContent!.includes('Contactcenter 1700'), 'no helpdesk', patient);
    await submit(el, { code: '7K3M-Q9TA-2XHB-RP4D', email: 'directie@bestuur.example.nl' });
    await waitUntil(() => alertText(el) === texts["nl-BE"].errors.code_used, 'no code_used text', patient);
    const login = oneEvent(el, 'poort-login');
    await submit(el, { code: '7K3M-Q9TA-2XHB-RP4E', email: 'directie@bestuur.example.nl' });
    await login;
    expect(calls.at(-1)!.body).to.deep.equal({ code: '7K3M-Q9TA-2XHB-RP4E', email: 'directie@bestuur.example.nl' });
  });

  it('checks the fields before asking the BFF', async () => {
    stub({ '/api/link': [pending] });
    const el = await step();
    await submit(el, { email: 'geen adres', password: '' });
    await waitUntil(() => el.querySelector('[aria-invalid="true"]'), 'no field marked', patient);
    expect(el.querySelector('[aria-invalid="true"]')!.getAttribute('name')).to.equal('email');
    expect(calls.filter((c) => c.url.includes('/api/link/'))).to.have.length(0);
  });

  it('sends "Wachtwoord vergeten?" to the linking route and confirms without saying whether the account exists', async () => {
    stub({ '/api/link': [pending], '/api/link/forgot-password': [{ status: 202, body: { status: 'accepted' } }] });
    const el = await step();
    [...el.querySelectorAll('button')].find((b) => b.textContent === nl.link.forgotLink)!.click();
    await waitUntil(() => el.querySelector('h2')?.textContent === nl.link.forgot.heading, 'no forgot view', patient);
    await submit(el, { email: 'anna@school.example.nl' });
    await waitUntil(() => el.textContent!.includes(nl.link.forgot.sent), 'no confirmation', patient);
    expect(calls.at(-1)!.body).to.deep.equal({ email: 'anna@school.example.nl', locale: 'nl' });
  });
});

describe('<poort-email-form> for an admin with only a password', () => {
  it('says after admin_requires_eherkenning how to link eHerkenning to the account', async () => {
    stub({ '/api/login': [refusal(403, 'admin_requires_eherkenning')] });
    const el = await fixture<HTMLElement>(html`<poort-email-form lang="nl" bff="/poort"></poort-email-form>`);
    for (const [name, value] of Object.entries({ email: 'beheer@school.example.nl', password: 'geheim wachtwoord' })) el.querySelector<HTMLInputElement>(`input[name="${name}"]`)!.value = value;
    el.querySelector('form')!.requestSubmit();
    const alert = () => el.querySelector('[role="alert"]')?.textContent?.trim() ?? '';
    await waitUntil(() => alert().includes(nl.errorHints.admin_requires_eherkenning), 'no linking hint', patient);
    expect(alert().startsWith(nl.errors.admin_requires_eherkenning)).to.equal(true);
  });
});

describe('<login-chooser> back from a first eHerkenning login', () => {
  it('shows the linking step for ?poort-link=pending and takes the parameter out of the address', async () => {
    const before = location.pathname + location.search;
    history.replaceState(null, '', `${location.pathname}?tab=1&poort-link=pending`);
    try {
      stub({ '/api/link': [pending] });
      const el = await fixture<LoginChooser>(html`<login-chooser lang="nl"></login-chooser>`);
      await el.updateComplete;
      await waitUntil(() => el.querySelector('poort-link-step[slot="link"] form'), 'no linking step', patient);
      expect(location.search).to.equal('?tab=1');
      expect(el.shadowRoot!.querySelector('slot[name="link"]')).to.not.equal(null);
      expect(el.shadowRoot!.textContent).to.contain(nl.link.help);
    } finally {
      history.replaceState(null, '', before);
    }
  });
});
