/// <reference types="mocha" />
// <poort-organisation-chooser> on its own and as the organisation step of <login-chooser>: the
// list with name, number and role; keyboard only; the last choice remembered (only its id); the
// switch posted; refusals explained; no axe violations in nl, nl-BE and en.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widget/src/organisations/poort-organisation-chooser.js';
import '../../widget/src/email-form/poort-email-form.js';
import '../../widget/src/login-chooser.js';
import type { PoortOrganisationChooser } from '../../widget/src/organisations/poort-organisation-chooser.js';
import type { MembershipView, OrganisationsView, SessionView } from '../../contract/api-schemas.js';
import type { PoortOrganisationDetail } from '../../widget/src/events.js';
import { locales } from '../../contract/locales.js';
import { $, chooser, restoreFetch, siteConfig, text } from './support.js';

const school: MembershipView = { id: '11111111-1111-4111-8111-111111111111', name: 'Basisschool De Linde', identifiers: { kvk: '41000001', vestigingsnr: '000000000001' }, role: 'user', capacity: null };
const board: MembershipView = { id: '22222222-2222-4222-8222-222222222222', name: 'Stichting Scholengroep Oost', identifiers: { kvk: '41000001' }, role: 'admin', capacity: 'bestuurder' };
const pending: OrganisationsView = { actingFor: null, organisationChoiceNeeded: true, organisations: [school, board] };

function sessionActingFor(actingFor: MembershipView | null, organisationChoiceNeeded = false): SessionView {
  return {
    user: { id: 'u1', email: 'directeur@school.example.nl', displayName: null, role: 'user' },
    method: 'eherkenning',
    level: 'loa3',
    actingFor,
    organisationChoiceNeeded,
    attributes: {},
    expiresAt: new Date(Date.now() + 60_000).toISOString(),
    absoluteExpiresAt: new Date(Date.now() + 60_000).toISOString(),
  };
}

const realFetch = window.fetch;
let switches: unknown[] = [];

/** A stubbed BFF: the memberships (or 401), the session, and the switch's answer. */
function serveBff(options: { organisations?: OrganisationsView | null; session?: SessionView | null; switchAnswer?: () => Response; config?: ReturnType<typeof siteConfig> } = {}) {
  switches = [];
  const { organisations = pending, session = null, config = siteConfig() } = options;
  window.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const unauthenticated = () => Response.json({ error: { code: 'unauthenticated', message: '' } }, { status: 401 });
    if (url.endsWith('/api/config')) return Response.json(config);
    if (url.endsWith('/api/session')) return session ? Response.json(session) : unauthenticated();
    if (url.endsWith('/api/organisations')) return organisations ? Response.json(organisations) : unauthenticated();
    if (url.endsWith('/api/organisations/switch')) {
      const body = JSON.parse(String(init?.body)) as { organisationId: string };
      switches.push(body);
      if (options.switchAnswer) return options.switchAnswer();
      return Response.json(sessionActingFor([school, board].find((o) => o.id === body.organisationId)!));
    }
    return realFetch(input, init);
  };
}

async function organisationChooser(lang = 'nl', attrs = html``): Promise<PoortOrganisationChooser> {
  const el = await fixture<PoortOrganisationChooser>(html`<poort-organisation-chooser lang=${lang} bff="/poort">${attrs}</poort-organisation-chooser>`);
  await el.updateComplete;
  return el;
}

const inside = <T extends Element = HTMLElement>(el: PoortOrganisationChooser, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const radios = (el: PoortOrganisationChooser) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];

describe('<poort-organisation-chooser>', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    window.fetch = realFetch;
    restoreFetch();
  });

  it('renders nothing for a visitor who is not logged in', async () => {
    serveBff({ organisations: null });
    const el = await organisationChooser();
    expect(el.asking).to.equal(false);
    expect(text(el.shadowRoot)).to.equal('');
  });

  it('renders nothing when there is nothing to choose, unless asked to show the list always', async () => {
    serveBff({ organisations: { actingFor: board.id, organisationChoiceNeeded: false, organisations: [school, board] } });
    expect(text((await organisationChooser()).shadowRoot)).to.equal('');
    const always = await fixture<PoortOrganisationChooser>(html`<poort-organisation-chooser always></poort-organisation-chooser>`);
    await always.updateComplete;
    expect(always.asking).to.equal(true);
    expect(radios(always).find((r) => r.checked)?.value).to.equal(board.id);
  });

  it('lists each organisation with its name, numbers, role and capacity', async () => {
    serveBff();
    const el = await organisationChooser();
    expect(text(inside(el, 'h2'))).to.equal('Voor welke organisatie werkt u nu?');
    const options = [...el.shadowRoot!.querySelectorAll('label')].map((l) => text(l));
    expect(options).to.deep.equal([
      'Basisschool De Linde KvK-nummer 41000001 · vestigingsnummer 000000000001 · rol: gebruiker',
      'Stichting Scholengroep Oost KvK-nummer 41000001 · rol: beheerder · hoedanigheid: bestuurder',
    ]);
    expect(radios(el).some((r) => r.checked)).to.equal(false);
  });

  it('works with the keyboard alone: arrow keys choose, Enter sends the switch, and it fires poort-organisation', async () => {
    serveBff();
    const el = await organisationChooser();
    const seen = new Promise<PoortOrganisationDetail>((resolve) => document.addEventListener('poort-organisation', (e) => resolve(e.detail), { once: true }));
    radios(el)[0]!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    expect(radios(el)[1]!.checked).to.equal(true);
    await sendKeys({ press: 'Enter' });
    expect((await seen).organisation).to.deep.equal(board);
    expect(switches).to.deep.equal([{ organisationId: board.id }]);
    await el.updateComplete;
    expect(text(el.shadowRoot)).to.equal('U werkt nu voor Stichting Scholengroep Oost.');
  });

  it('remembers the last choice in this browser (the id only) and preselects and marks it next time', async () => {
    serveBff();
    const first = await organisationChooser('en');
    radios(first)[0]!.click();
    inside(first, 'form').dispatchEvent(new SubmitEvent('submit', { cancelable: true }));
    await waitUntil(() => switches.length === 1, 'the switch was not sent', { timeout: 5000 });
    await waitUntil(() => localStorage.getItem('poort.organisation') === school.id, 'the choice was not remembered', { timeout: 5000 });
    expect(Object.keys(localStorage)).to.deep.equal(['poort.organisation']);

    const second = await organisationChooser('en');
    expect(radios(second)[0]!.checked).to.equal(true);
    expect(text(second.shadowRoot!.querySelectorAll('label')[0])).to.contain('chosen last time on this device');
    expect(text(second.shadowRoot!.querySelectorAll('label')[1])).to.not.contain('chosen last time');
  });

  it('ignores a remembered id that is not one of the memberships', async () => {
    localStorage.setItem('poort.organisation', '99999999-9999-4999-8999-999999999999');
    serveBff();
    const el = await organisationChooser();
    expect(radios(el).some((r) => r.checked)).to.equal(false);
  });

  it('asks to choose first when nothing is chosen, with the focus on the first organisation', async () => {
    serveBff();
    const el = await organisationChooser();
    inside(el, 'form').dispatchEvent(new SubmitEvent('submit', { cancelable: true }));
    await el.updateComplete;
    expect(text(inside(el, '[role="alert"]'))).to.equal('Kies eerst een organisatie.');
    expect(el.shadowRoot!.activeElement).to.equal(radios(el)[0]);
    expect(switches).to.deep.equal([]);
  });

  it('explains a refusal by the BFF in the person’s language', async () => {
    serveBff({ switchAnswer: () => Response.json({ error: { code: 'not_a_member', message: 'x' } }, { status: 403 }) });
    const el = await organisationChooser('nl-BE');
    radios(el)[1]!.click();
    inside(el, 'form').dispatchEvent(new SubmitEvent('submit', { cancelable: true }));
    await waitUntil(() => text(inside(el, '[role="alert"]')) !== '', 'no error shown', { timeout: 5000 });
    expect(text(inside(el, '[role="alert"]'))).to.equal('U hoort niet bij deze organisatie. Kies een andere organisatie.');
    expect(localStorage.getItem('poort.organisation')).to.equal(null);
  });

  for (const locale of locales) {
    it(`has no raw keys and no axe violations in ${locale}, also with an error shown`, async () => {
      serveBff();
      localStorage.setItem('poort.organisation', board.id);
      const el = await organisationChooser(locale);
      expect((el.shadowRoot!.textContent ?? '').match(/\b[a-z]+(?:\.[a-zA-Z_]+)+\b/g) ?? []).to.deep.equal([]);
      await expect(el).to.be.accessible();
      serveBff({ switchAnswer: () => Response.json({ error: { code: 'organisation_not_found', message: 'x' } }, { status: 404 }) });
      inside(el, 'form').dispatchEvent(new SubmitEvent('submit', { cancelable: true }));
      await waitUntil(() => text(inside(el, '[role="alert"]')) !== '', 'no error shown', { timeout: 5000 });
      await expect(el).to.be.accessible();
    });
  }
});

describe('<login-chooser> organisation step', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    window.fetch = realFetch;
    restoreFetch();
  });

  it('asks for the organisation when the page opens with a session that still needs one (back from eHerkenning)', async () => {
    serveBff({ session: sessionActingFor(null, true) });
    const el = await chooser(html`<login-chooser lang="en"></login-chooser>`);
    const inner = $<PoortOrganisationChooser>(el, 'poort-organisation-chooser');
    expect(inner).to.not.equal(null);
    await inner.updateComplete;
    expect(text(inner.shadowRoot!.querySelector('h2'))).to.equal('Which organisation are you acting for?');
    await waitUntil(() => inner.shadowRoot!.activeElement === inner.shadowRoot!.querySelector('h2'), 'the heading did not get the focus', { timeout: 5000 });
    await expect(el).to.be.accessible();
  });

  it('shows the methods as before for a visitor, and for a session that acts for an organisation', async () => {
    serveBff({ session: sessionActingFor(board) });
    const el = await chooser(html`<login-chooser lang="nl"></login-chooser>`);
    expect($(el, 'poort-organisation-chooser')).to.equal(null);
    expect($(el, 'button[data-method="eherkenning"]')).to.not.equal(null);
  });

  it('asks after an e-mail login whose answer says a choice is needed, and passes that on in poort-login', async () => {
    serveBff();
    const el = await chooser(html`<login-chooser lang="nl"></login-chooser>`);
    $(el, 'button[data-method="email"]').click();
    await el.updateComplete;
    const form = el.querySelector('poort-email-form')! as HTMLElement & { updateComplete: Promise<boolean> };
    await form.updateComplete;
    const stub = window.fetch;
    window.fetch = async (input, init) =>
      String(input).endsWith('/api/login') ? Response.json({ ...sessionActingFor(null, true), method: 'email' }) : stub(input, init);
    const login = new Promise<boolean>((resolve) => document.addEventListener('poort-login', (e) => resolve(e.detail.organisationChoiceNeeded), { once: true }));
    form.querySelector<HTMLInputElement>('input[name="email"]')!.value = 'directeur@school.example.nl';
    form.querySelector<HTMLInputElement>('input[name="password"]')!.value = 'een wachtwoord';
    form.querySelector('form')!.requestSubmit();
    expect(await login).to.equal(true);
    await waitUntil(() => $(el, 'poort-organisation-chooser') !== null, 'no organisation step', { timeout: 5000 });
  });
});

describe('<login-chooser> and the end of password login', () => {
  const configWith = (until: Date, scope: 'everyone' | 'linkedOnly' = 'everyone') =>
    siteConfig({ localAccounts: { maxFailedLogins: 5, lockoutNoticeAfter: 2, passwordLoginUntil: until.toISOString(), passwordLoginScope: scope } });
  // 1 March 2027 00:00 Dutch time is far ahead; 1 March 2020 long past.
  const future = new Date('2099-02-28T23:00:00.000Z');
  const past = new Date('2020-02-29T23:00:00.000Z');

  afterEach(() => {
    window.fetch = realFetch;
    restoreFetch();
  });

  async function emailStep(lang: string, config: ReturnType<typeof siteConfig>) {
    serveBff({ config });
    const el = await chooser(html`<login-chooser lang=${lang}></login-chooser>`);
    $(el, 'button[data-method="email"]').click();
    await el.updateComplete;
    return el;
  }

  const announced = {
    nl: 'Vanaf 1 maart 2099 kunt u niet meer inloggen met uw e-mailadres en wachtwoord. Log daarna in met eHerkenning.',
    'nl-BE': 'Vanaf 1 maart 2099 kunt u zich niet meer aanmelden met uw e-mailadres en wachtwoord. Meld u daarna aan met eHerkenning.',
    en: 'From 1 March 2099 you can no longer log in with your e-mail address and password. From then on, log in with eHerkenning.',
  };
  for (const locale of locales) {
    it(`announces the date in the e-mail step before it, in ${locale}, without axe violations`, async () => {
      const el = await emailStep(locale, configWith(future));
      expect(text($(el, '[part="notice"]'))).to.equal(announced[locale]);
      await expect(el).to.be.accessible();
    });
  }

  it('says the notice for linked people only with the linkedOnly scope', async () => {
    const el = await emailStep('en', configWith(future, 'linkedOnly'));
    expect(text($(el, '[part="notice"]'))).to.equal(
      'Have you linked eHerkenning to your account? Then from 1 March 2099 you can no longer log in with your e-mail address and password. From then on, log in with eHerkenning.',
    );
  });

  it('hides the e-mail method once password login ended for everyone, and says since when', async () => {
    serveBff({ config: configWith(past) });
    const el = await chooser(html`<login-chooser lang="nl"></login-chooser>`);
    expect($(el, 'button[data-method="email"]')).to.equal(null);
    expect($(el, 'button[data-method="eherkenning"]')).to.not.equal(null);
    expect(text($(el, '[part="notice"]'))).to.equal('Sinds 1 maart 2020 kunt u niet meer inloggen met uw e-mailadres en wachtwoord. Log in met eHerkenning.');
    await expect(el).to.be.accessible();
  });

  it('keeps the e-mail method after a linkedOnly end, and explains it there', async () => {
    const el = await emailStep('nl-BE', configWith(past, 'linkedOnly'));
    expect(text($(el, '[part="notice"]'))).to.equal('Hebt u eHerkenning aan uw account gekoppeld? Dan kunt u zich sinds 1 maart 2020 alleen nog aanmelden met eHerkenning.');
  });

  it('shows no notice where the site set no end', async () => {
    const el = await emailStep('nl', siteConfig());
    expect($(el, '[part="notice"]')).to.equal(null);
  });

  it('shows the dated refusal when the BFF refuses a password login with password_login_ended', async () => {
    const el = await emailStep('en', configWith(past, 'linkedOnly'));
    const form = el.querySelector('poort-email-form')! as HTMLElement & { updateComplete: Promise<boolean> };
    await form.updateComplete;
    const stub = window.fetch;
    window.fetch = async (input, init) =>
      String(input).endsWith('/api/login') ? Response.json({ error: { code: 'password_login_ended', message: 'x' } }, { status: 403 }) : stub(input, init);
    form.querySelector<HTMLInputElement>('input[name="email"]')!.value = 'sanne@gemeente.nl';
    form.querySelector<HTMLInputElement>('input[name="password"]')!.value = 'een wachtwoord';
    form.querySelector('form')!.requestSubmit();
    await waitUntil(() => text(form.querySelector('[role="alert"]')) !== '', 'no error shown', { timeout: 5000 });
    expect(text(form.querySelector('[role="alert"]'))).to.equal('Since 1 March 2020 you can no longer log in with your e-mail address and password. Log in with eHerkenning.');
  });
});
