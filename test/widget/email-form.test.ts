/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../widget/src/email-form/poort-email-form.js';
import '../../widget/src/login-chooser.js';
import type { PoortEmailForm } from '../../widget/src/email-form/poort-email-form.js';
import type { SessionUser } from '../../contract/api-schemas.js';
import { locales } from '../../contract/locales.js';
import type { PoortLoginDetail } from '../../widget/src/events.js';

interface Call {
  url: string;
  body: unknown;
}

const realFetch = window.fetch;
let calls: Call[] = [];

/** Answers every BFF call with one status and body, and records what was sent. */
function stubFetch(status: number, body: unknown) {
  calls = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input).endsWith('/api/config')) return new Response(JSON.stringify({ environment: 'production' }), { status: 200 });
    // The served texts (editors' overrides) are not this test's subject: the bundled ones show.
    if (String(input).includes('/api/texts/')) return new Response('{}', { status: 404 });
    calls.push({ url: String(input), body: JSON.parse(String(init?.body ?? 'null')) });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
}

/** Answers each BFF path with its own status and body (the config with a production environment). */
function stubRoutes(routes: Record<string, [number, unknown]>) {
  calls = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.endsWith('/api/config')) return new Response(JSON.stringify({ environment: 'production' }), { status: 200 });
    calls.push({ url, body: JSON.parse(String(init?.body ?? 'null')) });
    const [status, body] = Object.entries(routes).find(([path]) => url.endsWith(path))?.[1] ?? [404, { error: { code: 'not_found', message: 'x' } }];
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
}

async function submit(el: PoortEmailForm, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) el.querySelector<HTMLInputElement>(`input[name="${name}"]`)!.value = value;
  el.querySelector('form')!.requestSubmit();
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}

/** open-wc's waitUntil gives up after 1 s by default; a loaded machine may need longer (mocha allows 10 s a test). */
const patient = { timeout: 8_000 };

/**
 * Waits until the form has read /api/config (its lockout rules arrive in the same step as the
 * environment), so what it does not show is a decision, not something still on its way.
 */
async function settingsApplied(el: PoortEmailForm) {
  await waitUntil(() => (el as unknown as { lockout?: unknown }).lockout, 'the form never read /api/config', patient);
  await el.updateComplete;
}

const alertText = (el: PoortEmailForm) => el.querySelector('[role="alert"]')!.textContent!.trim();

afterEach(() => {
  window.fetch = realFetch;
  sessionStorage.clear();
});

const titles = { nl: 'Inloggen met e-mailadres', 'nl-BE': 'Aanmelden met e-mailadres', en: 'Log in with e-mail address' } as const;

describe('<poort-email-form>', () => {
  for (const locale of locales) {
    it(`renders the login form in light DOM with password-manager hints (${locale}) and passes axe`, async () => {
      const el = await fixture<PoortEmailForm>(html`<poort-email-form lang=${locale}></poort-email-form>`);
      expect(el.shadowRoot).to.equal(null);
      expect(el.querySelector('h2')!.textContent).to.equal(titles[locale]);
      expect(el.querySelector('input[name="email"]')!.getAttribute('autocomplete')).to.equal('username');
      expect(el.querySelector('input[name="password"]')!.getAttribute('autocomplete')).to.equal('current-password');
      // "Wachtwoord vergeten?" sits right under the login button (seed 000).
      const submitButton = el.querySelector('button[type="submit"]')!;
      expect(submitButton.nextElementSibling!.querySelector('button')!.textContent).to.match(/vergeten|Forgot/);
      expect(el.textContent).not.to.match(/\bemail\.[a-z]/);
      await expect(el).to.be.accessible();
    });
  }

  it('adopts its stylesheet into the document (no inline styles, CSP-safe)', async () => {
    await fixture(html`<poort-email-form></poort-email-form>`);
    const rules = document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText));
    expect(rules.some((r) => r.startsWith('poort-email-form'))).to.equal(true);
  });

  it('shows a demo banner in the demo environment, but not inside <login-chooser> (which shows its own)', async () => {
    const config = { environment: 'demo', localAccounts: { maxFailedLogins: 5, lockoutNoticeAfter: 1 } };
    window.fetch = async () => new Response(JSON.stringify(config), { status: 200 });
    const el = await fixture<PoortEmailForm>(html`<poort-email-form lang="nl"></poort-email-form>`);
    await waitUntil(() => el.querySelector('.poort-demo-banner'), undefined, patient);
    expect(el.querySelector('.poort-demo-banner')!.textContent).to.contain('demo-omgeving');
    const chooser = await fixture(html`<login-chooser><poort-email-form slot="email" lang="nl"></poort-email-form></login-chooser>`);
    const inner = chooser.querySelector<PoortEmailForm>('poort-email-form')!;
    await settingsApplied(inner);
    expect(chooser.querySelector('.poort-demo-banner')).to.equal(null);
  });

  it('checks the fields before calling the BFF', async () => {
    stubFetch(200, {});
    const el = await fixture<PoortEmailForm>(html`<poort-email-form lang="nl"></poort-email-form>`);
    await submit(el, { email: 'geen-adres', password: '' });
    expect(calls).to.have.length(0);
    const email = el.querySelector('input[name="email"]')!;
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(el.querySelector(`#${email.getAttribute('aria-describedby')}`)!.textContent).to.contain('geldig e-mailadres');
    expect(el.textContent).to.contain('Vul uw wachtwoord in.');
  });

  it('says a 5,000-character address is too long at the field, without a round trip', async () => {
    stubFetch(200, {});
    const el = await fixture<PoortEmailForm>(html`<poort-email-form lang="nl"></poort-email-form>`);
    await submit(el, { email: `${'a'.repeat(4990)}@gemeente.nl`, password: 'een wachtwoord' });
    expect(calls).to.have.length(0);
    const email = el.querySelector('input[name="email"]')!;
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(el.querySelector(`#${email.getAttribute('aria-describedby')}`)!.textContent).to.equal('Een e-mailadres is hoogstens 254 tekens lang. Controleer wat u heeft ingevuld.');
    expect(document.activeElement).to.equal(email);
    expect(alertText(el)).to.equal('');
  });

  it('puts the BFF\'s refusal of a field (400 invalid_request naming it) at that field, not in a general error', async () => {
    stubFetch(400, { error: { code: 'invalid_request', message: 'The request is not valid: check email.', fields: ['email'] } });
    const el = await fixture<PoortEmailForm>(html`<poort-email-form lang="en"></poort-email-form>`);
    await submit(el, { email: 'sanne@gemeente.nl', password: 'een wachtwoord' });
    expect(calls).to.have.length(1);
    const email = el.querySelector('input[name="email"]')!;
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(el.querySelector(`#${email.getAttribute('aria-describedby')}`)!.textContent).to.contain('valid e-mail address');
    expect(alertText(el)).to.equal('');
    expect(el.textContent).not.to.contain('Something went wrong');
  });

  it('clears a refused password, and puts focus in the field, which points at the reason', async () => {
    stubFetch(401, { error: { code: 'invalid_credentials', message: 'x' } });
    const el = await fixture<PoortEmailForm>(html`<poort-email-form lang="nl"></poort-email-form>`);
    await submit(el, { email: 'piet@gemeente.nl', password: 'een fout wachtwoord' });
    const password = el.querySelector<HTMLInputElement>('input[name="password"]')!;
    await waitUntil(() => document.activeElement === password, 'focus did not go to the password field', patient);
    expect(password.value).to.equal('');
    expect(el.querySelector<HTMLInputElement>('input[name="email"]')!.value).to.equal('piet@gemeente.nl');
    const described = password.getAttribute('aria-describedby')!.split(' ').map((id) => el.querySelector(`#${id}`)!.textContent);
    expect(described.join(' ')).to.contain('Het e-mailadres of het wachtwoord klopt niet.');
  });

  it('logs in and fires poort-login with the method, the user and no return path', async () => {
    const user: SessionUser = { id: 'u1', email: 'sanne@gemeente.nl', displayName: 'Sanne', role: 'user' };
    stubFetch(200, { user, method: 'email' });
    const el = await fixture<PoortEmailForm>(html`<poort-email-form bff="/x/poort" lang="en"></poort-email-form>`);
    const event = oneEvent(el, 'poort-login');
    await submit(el, { email: 'sanne@gemeente.nl', password: 'een wachtwoord' });
    const { detail, bubbles, composed } = (await event) as CustomEvent<PoortLoginDetail>;
    expect(detail).to.deep.equal({ method: 'email', user, returnTo: null, organisationChoiceNeeded: false });
    expect(bubbles && composed).to.equal(true);
    expect(calls).to.deep.equal([{ url: '/x/poort/api/login', body: { email: 'sanne@gemeente.nl', password: 'een wachtwoord' } }]);
    await waitUntil(() => el.textContent!.includes('You are logged in as sanne@gemeente.nl'), undefined, patient);
    // Focus goes to the result's heading, never back to the page body.
    expect(el.querySelector('h2')!.textContent).to.equal('You are logged in');
    await waitUntil(() => document.activeElement === el.querySelector('h2'), 'focus did not move to the result heading', patient);
  });

  it('shows the localised text for each error code, and a general one for codes it does not know', async () => {
    const el = await fixture<PoortEmailForm>(html`<poort-email-form lang="nl-BE"></poort-email-form>`);
    for (const [code, text] of [
      ['invalid_credentials', 'niet juist'],
      ['admin_requires_eherkenning', 'eHerkenning'],
      ['rate_limited', 'te vaak'],
      ['service_unavailable', 'storing'],
      ['something_new', 'Er liep iets mis'],
    ]) {
      stubFetch(code === 'service_unavailable' ? 503 : 401, { error: { code, message: 'English' } });
      await submit(el, { email: 'an@provincie.be', password: 'een wachtwoord' });
      expect(alertText(el), code).to.contain(text!);
    }
    window.fetch = () => Promise.reject(new TypeError('offline'));
    await submit(el, { email: 'an@provincie.be', password: 'een wachtwoord' });
    expect(alertText(el)).to.contain('geen verbinding');
  });

  it('asks for a reset link and always says the same thing', async () => {
    stubFetch(202, { status: 'accepted' });
    const el = await fixture<PoortEmailForm>(html`<poort-email-form lang="nl"></poort-email-form>`);
    el.querySelector<HTMLButtonElement>('.poort-after-submit button')!.click();
    await el.updateComplete;
    expect(el.querySelector('h2')!.textContent).to.equal('Wachtwoord vergeten');
    await submit(el, { email: 'piet@gemeente.nl' });
    expect(calls[0]).to.deep.equal({ url: '/poort/api/password/forgot', body: { email: 'piet@gemeente.nl', locale: 'nl' } });
    expect(el.textContent).to.contain('Als er een account bij dit e-mailadres hoort');
  });

  it('opens the reset form from the mail link, removes the token from the address bar, and sets the password', async () => {
    history.replaceState(null, '', '?poort-reset=geheim-token-uit-de-mail&x=1');
    stubFetch(200, { email: 'piet@gemeente.nl' });
    const el = await fixture<PoortEmailForm>(html`<poort-email-form lang="nl"></poort-email-form>`);
    expect(location.search).to.equal('?x=1');
    expect(el.querySelector('h2')!.textContent).to.equal('Nieuw wachtwoord kiezen');
    // The link is checked as the page opens, without using it; the form appears once it works.
    await waitUntil(() => el.querySelector('input[name="newPassword"]'), 'the link was never checked', patient);
    expect(calls).to.deep.equal([{ url: '/poort/api/link/check', body: { token: 'geheim-token-uit-de-mail', kind: 'reset' } }]);
    calls = [];
    expect(el.querySelector('input[name="newPassword"]')!.getAttribute('autocomplete')).to.equal('new-password');
    await submit(el, { newPassword: 'kort', repeat: 'kort' });
    expect(el.textContent).to.contain('minimaal 12 tekens');
    await submit(el, { newPassword: 'een lang nieuw wachtwoord', repeat: 'een ander lang wachtwoord' });
    expect(el.textContent).to.contain('niet gelijk');
    expect(calls).to.have.length(0);
    await submit(el, { newPassword: 'een lang nieuw wachtwoord', repeat: 'een lang nieuw wachtwoord' });
    expect(calls[0]).to.deep.equal({ url: '/poort/api/password/reset', body: { token: 'geheim-token-uit-de-mail', password: 'een lang nieuw wachtwoord' } });
    await waitUntil(() => el.querySelector('input[name="email"]'), undefined, patient);
    expect(el.querySelector<HTMLInputElement>('input[name="email"]')!.value).to.equal('piet@gemeente.nl');
    expect(el.textContent).to.contain('Uw wachtwoord is ingesteld');
    history.replaceState(null, '', location.pathname);
  });

  for (const [code, says] of [
    ['token_used', 'Deze link is al gebruikt.'],
    ['token_expired', 'Deze link is verlopen.'],
    ['token_invalid', 'Deze link is niet geldig.'],
  ] as const) {
    it(`says a ${code} invitation link as soon as the page opens, before anyone types a password, with a way on`, async () => {
      history.replaceState(null, '', '?poort-invitation=uitnodiging-van-vorige-week');
      stubRoutes({ '/api/link/check': [code === 'token_invalid' ? 400 : 410, { error: { code, message: 'x' } }], '/api/password/forgot': [202, { status: 'accepted' }] });
      const el = await fixture<PoortEmailForm>(html`<poort-email-form lang="nl"></poort-email-form>`);
      expect(location.search).to.equal('');
      await waitUntil(() => el.textContent!.includes(says), 'the refusal was never shown', patient);
      expect(el.querySelector('h2')!.textContent).to.equal('Kies uw wachtwoord');
      expect(el.querySelector('input[type="password"]')).to.equal(null);
      expect(calls).to.deep.equal([{ url: '/poort/api/link/check', body: { token: 'uitnodiging-van-vorige-week', kind: 'invitation' } }]);
      await expect(el).to.be.accessible();
      const newLink = [...el.querySelectorAll('button')].find((b) => b.textContent === 'Vraag een nieuwe link aan')!;
      newLink.click();
      await el.updateComplete;
      expect(el.querySelector('h2')!.textContent).to.equal('Wachtwoord vergeten');
      await waitUntil(() => document.activeElement === el.querySelector('h2'), 'focus did not move to the new heading', patient);
    });
  }

  it('still says so when the link stopped working between opening the page and submitting it', async () => {
    history.replaceState(null, '', '?poort-invitation=uitnodiging');
    stubRoutes({ '/api/link/check': [200, { status: 'valid' }], '/api/invitation/accept': [410, { error: { code: 'token_expired', message: 'expired' } }] });
    const el = await fixture<PoortEmailForm>(html`<poort-email-form lang="en"></poort-email-form>`);
    await waitUntil(() => el.querySelector('input[name="newPassword"]'), 'the link was never checked', patient);
    expect(el.querySelector('h2')!.textContent).to.equal('Choose your password');
    await submit(el, { newPassword: 'a long first password', repeat: 'a long first password' });
    expect(calls[1]!.url).to.equal('/poort/api/invitation/accept');
    expect(alertText(el)).to.contain('This link has expired');
    await expect(el).to.be.accessible();
  });

  it('shows the form all the same when the link cannot be checked (no connection, an older BFF): the submit decides', async () => {
    history.replaceState(null, '', '?poort-reset=geheim');
    stubRoutes({});
    const el = await fixture<PoortEmailForm>(html`<poort-email-form lang="nl"></poort-email-form>`);
    await waitUntil(() => el.querySelector('input[name="newPassword"]'), 'the form never appeared', patient);
    expect(alertText(el)).to.equal('');
  });

  it('confirms a notification address from its link', async () => {
    history.replaceState(null, '', '?poort-confirm-email=bevestig');
    stubFetch(200, { notificationEmail: 'team@gemeente.nl' });
    const el = await fixture<PoortEmailForm>(html`<poort-email-form lang="nl"></poort-email-form>`);
    await waitUntil(() => el.textContent!.includes('team@gemeente.nl'), undefined, patient);
    expect(calls[0]).to.deep.equal({ url: '/poort/api/me/notification-email/confirm', body: { token: 'bevestig' } });
  });

  describe('lockout explanation (issue 10, item 13)', () => {
    /** A BFF whose config says: blocked after `max`, explain after `after`; login answers `status`. */
    function stubLockoutBff(max: number, after: number, status = 401, body: unknown = { error: { code: 'invalid_credentials', message: 'x' } }) {
      calls = [];
      window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
        if (String(input).endsWith('/api/config')) return new Response(JSON.stringify({ environment: 'production', localAccounts: { maxFailedLogins: max, lockoutNoticeAfter: after } }), { status: 200 });
        calls.push({ url: String(input), body: JSON.parse(String(init?.body ?? 'null')) });
        return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
      };
    }
    const notice = (el: PoortEmailForm) => el.querySelector('.poort-lockout-notice')!.textContent!.replace(/\s+/g, ' ').trim() || undefined;

    it('appears after the configured number of failed logins in this browser, whatever the addresses, and says how to get back in', async () => {
      stubLockoutBff(5, 2);
      const el = await fixture<PoortEmailForm>(html`<poort-email-form lang="nl"></poort-email-form>`);
      await submit(el, { email: 'bestaat-misschien@gemeente.nl', password: 'een wachtwoord' });
      expect(alertText(el)).to.contain('klopt niet');
      expect(notice(el)).to.equal(undefined);
      await submit(el, { email: 'iemand-anders@gemeente.nl', password: 'nog een wachtwoord' });
      await waitUntil(() => notice(el), undefined, patient);
      expect(notice(el)).to.contain('Na 5 onjuiste pogingen achter elkaar wordt een account geblokkeerd.');
      expect(notice(el)).to.contain('Wachtwoord vergeten?');
      expect(notice(el)).to.contain('beheerder');
      expect(el.querySelector('.poort-lockout-notice')!.getAttribute('role')).to.equal('status');
      // The notice replaces the general "Account geblokkeerd?" text: the lockout is explained once.
      expect(el.textContent!.match(/geblokkeerd/g)).to.have.length(2);
      expect(el.querySelector('h3')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('survives a reload of the page, uses the numbers from the configuration, and speaks nl-BE and en', async () => {
      stubLockoutBff(7, 3);
      const first = await fixture<PoortEmailForm>(html`<poort-email-form lang="nl-BE"></poort-email-form>`);
      for (let i = 0; i < 3; i++) await submit(first, { email: 'an@provincie.be', password: 'een wachtwoord' });
      await waitUntil(() => notice(first), undefined, patient);
      expect(notice(first)).to.contain('Na 7 foute pogingen na elkaar wordt een account geblokkeerd.');
      expect(notice(first)).not.to.match(/Inloggen/);
      const again = await fixture<PoortEmailForm>(html`<poort-email-form lang="en"></poort-email-form>`);
      await waitUntil(() => notice(again), undefined, patient);
      expect(notice(again)).to.contain('After 7 wrong attempts in a row an account is blocked.');
      expect(notice(again)).to.contain('Forgot your password?');
    });

    it('is the same for a blocked account with the right password (one answer), and gone after a successful login', async () => {
      stubLockoutBff(5, 1);
      const el = await fixture<PoortEmailForm>(html`<poort-email-form lang="en"></poort-email-form>`);
      await submit(el, { email: 'blocked@gemeente.nl', password: 'the right password' });
      await waitUntil(() => notice(el), undefined, patient);
      const shown = { alert: alertText(el), notice: notice(el) };
      await submit(el, { email: 'blocked@gemeente.nl', password: 'a wrong password' });
      expect({ alert: alertText(el), notice: notice(el) }).to.deep.equal(shown);
      stubLockoutBff(5, 1, 200, { user: { id: 'u', email: 'ok@gemeente.nl', displayName: null, role: 'user' } });
      await submit(el, { email: 'ok@gemeente.nl', password: 'the right password' });
      const later = await fixture<PoortEmailForm>(html`<poort-email-form lang="en"></poort-email-form>`);
      await settingsApplied(later);
      expect(notice(later)).to.equal(undefined);
    });

    it('does not count refusals that are not about the password (rate limit, outage)', async () => {
      stubLockoutBff(5, 1, 429, { error: { code: 'rate_limited', message: 'x' } });
      const el = await fixture<PoortEmailForm>(html`<poort-email-form lang="nl"></poort-email-form>`);
      await submit(el, { email: 'piet@gemeente.nl', password: 'een wachtwoord' });
      await waitUntil(() => alertText(el).includes('te vaak'), 'no rate-limit message', patient);
      await settingsApplied(el);
      expect(notice(el)).to.equal(undefined);
    });
  });
});
