/// <reference types="mocha" />
// Every state of <login-chooser> and <poort-email-form>, in nl, nl-BE and en, at 1280, 390 and
// 320 px (WCAG 2.2 AA): nothing scrolls sideways (1.4.10), axe-core finds nothing (wcag2a …
// wcag22aa and best practices), every focusable element shows a focus indicator with 3:1 against
// the colours beside it (2.4.7, 2.4.11, 1.4.11), and focus lands where the transition into the state
// should put it. One element per state and locale, resized to each width, rather than a page load
// per combination. At 320 px each state is saved as a screenshot in reports/widget-screenshots/.
// Texts shown as their raw keys count as a failure too.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import type { AxeResults, RunOptions } from 'axe-core';
import '../../widget/src/login-chooser.js';
import type { PoortEmailForm } from '../../widget/src/email-form/poort-email-form.js';
import type { LoginChooser } from '../../widget/src/login-chooser.js';
import { locales, type Locale } from '../../contract/locales.js';
import { poortErrorCodes } from '../../widget/src/poort-error.js';
import { focusIndicator } from './contrast.js';
import { $, chooser, openBrokerStep, press, rawKeys, restoreFetch, serveConfig, siteConfig } from './support.js';

// axe-core is a script that puts itself on window (the way chai-a11y-axe loads it too).
import 'axe-core';

declare global {
  interface Window {
    axe: { run(context: Element, options: RunOptions): Promise<AxeResults> };
  }
}

const widths = [1280, 390, 320] as const;
const start = location.pathname;
const patient = { timeout: 8_000 };
const axeOptions: RunOptions = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } };

interface Shown {
  /** The element whose state this is (the chooser, or the form on its own page). */
  root: HTMLElement;
  /** Where the transition into this state must have put focus; undefined for a first page load. */
  focus?: () => Element | null | undefined;
}

/** The BFF answers besides the configuration: path → [status, body]. */
function serveBff(routes: Record<string, [number, unknown]>, config = siteConfig({ environment: 'demo', methods: ['eherkenning', 'acmidm', 'email'], localAccounts: { maxFailedLogins: 5, lockoutNoticeAfter: 1 } })) {
  serveConfig(config);
  const configOnly = window.fetch;
  window.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const route = Object.entries(routes).find(([path]) => url.endsWith(path));
    return route ? Response.json(route[1][1], { status: route[1][0] }) : configOnly(input, init);
  };
}

const demoApplication = {
  id: 'app-b',
  name: { nl: 'Vergunningen (toepassing B)', 'nl-BE': 'Vergunningen (toepassing B)', en: 'Permits (application B)' },
  levels: { eherkenning: 'loa3' },
  helpdesk: { nl: 'Uw beheerder geeft u de rechten; of bel 1700.', 'nl-BE': 'Uw lokale beheerder kent u de rechten toe; of bel gratis 1700.', en: 'Your administrator grants the rights; or call 1700.' },
};
const applicationConfig = () => siteConfig({ environment: 'demo', methods: ['eherkenning', 'email'], applications: [demoApplication] });

async function openAllHelp(root: HTMLElement) {
  for (const d of [...(root.shadowRoot?.querySelectorAll('details') ?? []), ...root.querySelectorAll('details')]) d.open = true;
  await (root as LoginChooser).updateComplete;
}

async function emailStep(locale: Locale): Promise<{ el: LoginChooser; form: PoortEmailForm }> {
  const el = await chooser(html`<login-chooser lang=${locale}></login-chooser>`);
  $(el, 'button[data-method="email"]').click();
  await el.updateComplete;
  const form = el.querySelector('poort-email-form')!;
  await form.updateComplete;
  return { el, form };
}

async function submitLogin(form: PoortEmailForm) {
  form.querySelector<HTMLInputElement>('input[name="email"]')!.value = 'sanne@gemeente.example.nl';
  form.querySelector<HTMLInputElement>('input[name="password"]')!.value = 'een wachtwoord';
  form.querySelector('form')!.requestSubmit();
}

async function accountPage(locale: Locale, link: string): Promise<PoortEmailForm> {
  history.replaceState(null, '', `${start}?${link}`);
  return fixture<PoortEmailForm>(html`<poort-email-form lang=${locale}></poort-email-form>`);
}

const formHeading = (root: Element) => root.querySelector('poort-email-form h2, h2');

const states: Record<string, (locale: Locale) => Promise<Shown>> = {
  method: async (locale) => {
    serveBff({});
    const el = await chooser(html`<login-chooser lang=${locale}></login-chooser>`);
    await openAllHelp(el);
    return { root: el };
  },
  // A broker remembered from last time, one highlighted, one that cannot give the level (disabled).
  broker: async (locale) => {
    serveBff({});
    localStorage.setItem('poort.broker', 'noord');
    const el = await chooser(html`<login-chooser lang=${locale}></login-chooser>`);
    await openBrokerStep(el);
    const search = $(el, '#search');
    await waitUntil(() => deepActiveElement() === search, 'focus never reached the search field', patient);
    await press(el, 'ArrowDown');
    await openAllHelp(el);
    return { root: el, focus: () => search };
  },
  'broker-forgotten': async (locale) => {
    serveBff({});
    localStorage.setItem('poort.broker', 'noord');
    const el = await chooser(html`<login-chooser lang=${locale}></login-chooser>`);
    await openBrokerStep(el);
    $(el, 'button[part~="forget"]').click();
    await el.updateComplete;
    return { root: el, focus: () => $(el, '#search') };
  },
  'broker-none-chosen': async (locale) => {
    serveBff({});
    const el = await chooser(html`<login-chooser lang=${locale}></login-chooser>`);
    await openBrokerStep(el);
    $(el, 'button[part~="continue"]').click();
    await el.updateComplete;
    return { root: el, focus: () => $(el, '#search') };
  },
  // An application's page (issue 15) whose session is too weak: the step-up.
  'application-step-up': async (locale) => {
    serveBff({ '/api/session?app=app-b': [401, { error: { code: 'step_up_required', message: 'x' }, application: demoApplication, stepUp: { method: 'eherkenning', level: 'loa3' } }] }, applicationConfig());
    const el = await chooser(html`<login-chooser lang=${locale} app="app-b"></login-chooser>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="step-up"]'), 'no step-up', patient);
    return { root: el };
  },
  // Logged in well enough, without the application's rights: its helpdesk text.
  'application-refused': async (locale) => {
    serveBff({ '/api/session?app=app-b': [403, { error: { code: 'application_forbidden', message: 'x' }, application: demoApplication }] }, applicationConfig());
    const el = await chooser(html`<login-chooser lang=${locale} app="app-b"></login-chooser>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="refused"]'), 'no refusal', patient);
    return { root: el };
  },
  email: async (locale) => {
    serveBff({});
    const { el, form } = await emailStep(locale);
    await openAllHelp(el);
    return { root: el, focus: () => formHeading(form) };
  },
  'email-refused': async (locale) => {
    serveBff({ '/api/login': [401, { error: { code: 'invalid_credentials', message: 'x' } }] });
    const { el, form } = await emailStep(locale);
    await submitLogin(form);
    await waitUntil(() => form.querySelector('.poort-lockout-notice p'), 'no lockout notice', patient);
    return { root: el, focus: () => form.querySelector('input[name="password"]') };
  },
  'email-forgot': async (locale) => {
    serveBff({});
    const { el, form } = await emailStep(locale);
    form.showForgotPassword();
    await form.updateComplete;
    return { root: el, focus: () => formHeading(form) };
  },
  'email-logged-in': async (locale) => {
    const user = { id: 'u1', email: 'sanne.de.vries-van-den-berg@gemeente-voorbeeld.example.nl', displayName: null, role: 'user' };
    serveBff({ '/api/login': [200, { user, method: 'email' }] });
    const { el, form } = await emailStep(locale);
    await submitLogin(form);
    await waitUntil(() => form.textContent!.includes(user.email), 'never logged in', patient);
    await el.updateComplete;
    return { root: el, focus: () => formHeading(form) };
  },
  ...Object.fromEntries(
    [...poortErrorCodes, 'something_new'].map((code) => [
      `error-${code}`,
      async (locale: Locale): Promise<Shown> => {
        serveBff({});
        history.replaceState(null, '', `${start}?poort-error=${code}`);
        const el = await chooser(html`<login-chooser lang=${locale}></login-chooser>`);
        return { root: el, focus: () => $(el, '#heading') };
      },
    ]),
  ),
  'account-invitation': async (locale) => {
    serveBff({ '/api/link/check': [200, { status: 'valid' }] });
    const form = await accountPage(locale, 'poort-invitation=een-uitnodiging-uit-de-mail');
    await waitUntil(() => form.querySelector('input[name="newPassword"]'), 'the link was never checked', patient);
    return { root: form };
  },
  'account-link-used': async (locale) => {
    serveBff({ '/api/link/check': [410, { error: { code: 'token_used', message: 'x' } }] });
    const form = await accountPage(locale, 'poort-reset=een-gebruikte-link');
    await waitUntil(() => form.querySelector('.poort-notice'), 'the refusal was never shown', patient);
    return { root: form };
  },
  'account-notification-confirmed': async (locale) => {
    serveBff({ '/api/me/notification-email/confirm': [200, { notificationEmail: 'team-meldingen@gemeente-voorbeeld.example.nl' }] });
    const form = await accountPage(locale, 'poort-confirm-email=bevestig');
    await waitUntil(() => form.textContent!.includes('team-meldingen'), 'never confirmed', patient);
    return { root: form };
  },
};

/** The element that has focus, looking into shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function focusables(root: HTMLElement): HTMLElement[] {
  const selector = 'button, input, summary, a[href], [tabindex="-1"]';
  const all = [...(root.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? []), ...root.querySelectorAll<HTMLElement>(selector)];
  // checkVisibility: also false inside a closed <details>, whose content is laid out but hidden.
  return all.filter((e) => e.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }));
}

/**
 * Focuses `target` as a keyboard user would see it (:focus-visible). Another page of the test
 * runner can take the browser's focus at any time, and a page without it matches neither :focus
 * nor :focus-visible: then the page comes to the front, a Tab restores keyboard modality, and
 * focus is set again.
 */
async function keyboardFocus(target: HTMLElement): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    target.focus();
    if (target.matches(':focus-visible')) return true;
    await keyboardModality();
  }
  return false;
}

/** The page in front, and keyboard modality, so focus moved by script shows :focus-visible. */
async function keyboardModality(): Promise<void> {
  await executeServerCommand('poort-focus-page');
  await sendKeys({ press: 'Tab' });
}

function cleanUp(): void {
  restoreFetch();
  history.replaceState(null, '', start);
  sessionStorage.clear();
  localStorage.clear();
}

/** Elements wider than their box, named for the failure message. */
function overflowing(root: HTMLElement): string[] {
  const page = document.documentElement;
  const wide: string[] = [];
  if (page.scrollWidth > page.clientWidth) wide.push(`the page (${page.scrollWidth} > ${page.clientWidth})`);
  if (root.scrollWidth > root.clientWidth) wide.push(`<${root.localName}> (${root.scrollWidth} > ${root.clientWidth})`);
  return wide;
}

/**
 * The technical panel's identifiers get room to break sensibly: at least 16 characters' width (or
 * the whole list's, when narrower), never a column one character wide beside a long label.
 */
function squeezedIdentifiers(root: HTMLElement): string[] {
  const panel = root.shadowRoot?.querySelector('[part="technical"]');
  if (!panel) return [];
  const room = panel.querySelector('dl')!.getBoundingClientRect().width;
  return [...panel.querySelectorAll('dd')]
    .filter((dd) => dd.getBoundingClientRect().width < Math.min(room, 16 * Number.parseFloat(getComputedStyle(dd).fontSize)) - 1)
    .map((dd) => dd.textContent!);
}

describe('every widget state, every locale, every width', function () {
  before(keyboardModality);
  afterEach(cleanUp);
  after(() => setViewport({ width: 800, height: 600 }));

  for (const [name, show] of Object.entries(states)) {
    for (const locale of locales) {
      it(`${name} in ${locale}`, async () => {
        await setViewport({ width: widths[0], height: 900 });
        const { root, focus } = await show(locale);
        if (root.shadowRoot) expect(rawKeys(root as LoginChooser), 'texts shown as their keys').to.deep.equal([]);
        expect(root.textContent!.match(/\bemail\.[a-z]\w*/g) ?? [], 'texts shown as their keys').to.deep.equal([]);
        if (focus) {
          const target = focus();
          await waitUntil(() => deepActiveElement() === target, `focus is on ${deepActiveElement()?.outerHTML.slice(0, 80)}, not where the transition should put it`, patient);
          expect(target).to.not.equal(null);
        }
        for (const width of widths) {
          await setViewport({ width, height: 900 });
          await (root as LoginChooser).updateComplete;
          expect(overflowing(root), `${width} px`).to.deep.equal([]);
          expect(squeezedIdentifiers(root), `${width} px`).to.deep.equal([]);
          const { violations } = await window.axe.run(root, axeOptions);
          expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${width} px`).to.deep.equal([]);
          if (width === 320) await executeServerCommand('poort-screenshot', { name: `${name}-${locale}-${width}` });
        }
        // Colours do not change with the width: checked once, on every focusable element.
        for (const target of focusables(root)) {
          const label = `${target.localName}${target.id ? `#${target.id}` : ''} "${target.textContent!.trim().slice(0, 30)}"`;
          expect(await keyboardFocus(target), `${label} shows no focus indicator (page focused: ${document.hasFocus()})`).to.equal(true);
          const indicator = focusIndicator(target);
          expect(indicator, `${label} has no visible outline`).to.not.equal(undefined);
          expect(indicator!.contrast, `${label}: ${indicator!.describe}`).to.be.at.least(3);
        }
      });
    }
  }
});

describe('the focus indicator on other backgrounds and themes', () => {
  before(async () => {
    // The ready themes, applied below through their classes.
    await Promise.all(
      ['rijkshuisstijl', 'vlaanderen'].map(
        (theme) =>
          new Promise((loaded, failed) => {
            const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: `/widget/themes/${theme}.css` });
            link.addEventListener('load', loaded);
            link.addEventListener('error', failed);
            document.head.append(link);
          }),
      ),
    );
    await keyboardModality();
  });
  afterEach(cleanUp);

  for (const [name, style, theme = ''] of [
    ['the Rijkshuisstijl theme', '', 'poort-theme-rijkshuisstijl'],
    ['the Vlaanderen theme', '', 'poort-theme-vlaanderen'],
    ['the Vlaanderen theme on its dark header colour', 'background: #333332; padding: 1rem', 'poort-theme-vlaanderen'],
    ['a dark page background', 'background: #154273; padding: 1rem'],
    ['a brand-coloured background', 'background: #e17000; padding: 1rem'],
    ['the Flemish yellow as the inner ring, on white', '--poort-focus-inner-color: #ffe615; --poort-focus-color: #333332'],
    ['the Flemish yellow as the inner ring, on a dark header', 'background: #333332; padding: 1rem; --poort-focus-inner-color: #ffe615; --poort-focus-color: #1a1a1a'],
  ] as const) {
    it(`holds on ${name}`, async () => {
      serveBff({});
      const wrapper = await fixture<HTMLElement>(html`<div class=${theme} style=${style}><login-chooser lang="nl"></login-chooser></div>`);
      const el = wrapper.querySelector('login-chooser')!;
      await el.updateComplete;
      await openBrokerStep(el);
      await openAllHelp(el);
      const checked = focusables(el);
      expect(checked.length).to.be.greaterThan(4);
      for (const target of checked) {
        expect(await keyboardFocus(target)).to.equal(true);
        const indicator = focusIndicator(target)!;
        expect(indicator.contrast, `${target.localName} "${target.textContent!.trim().slice(0, 30)}": ${indicator.describe}`).to.be.at.least(3);
      }
    });
  }
});

describe('focus after each transition', () => {
  before(keyboardModality);
  afterEach(cleanUp);

  it('method → broker → back → e-mail → forgot → back → back → method: focus always on what the step is about', async () => {
    serveBff({});
    const el = await chooser(html`<login-chooser lang="nl"></login-chooser>`);
    // `target` is looked up at each poll: a step's heading is a new element once the step rendered.
    const focusedOn = (target: Element | null | (() => Element | null), step: string) =>
      waitUntil(() => {
        const element = typeof target === 'function' ? target() : target;
        return element && deepActiveElement() === element;
      }, `${step}: focus is on ${deepActiveElement()?.outerHTML.slice(0, 80)}`, patient);
    await openBrokerStep(el);
    await focusedOn($(el, '#search'), 'broker step');
    $(el, 'button[part~="back"]').click();
    await el.updateComplete;
    await focusedOn($(el, 'button[data-method="eherkenning"]'), 'back to the methods');
    $(el, 'button[data-method="email"]').click();
    await el.updateComplete;
    const form = el.querySelector('poort-email-form')!;
    await focusedOn(() => formHeading(form), 'e-mail step');
    form.showForgotPassword();
    await focusedOn(() => formHeading(form), 'forgot password');
    expect(formHeading(form)!.textContent).to.equal('Wachtwoord vergeten');
    $(el, 'button[part~="back"]').click();
    await focusedOn(() => formHeading(form), 'back to the login form');
    expect(formHeading(form)!.textContent).to.equal('Inloggen met e-mailadres');
    $(el, 'button[part~="back"]').click();
    await el.updateComplete;
    await focusedOn($(el, 'button[data-method="email"]'), 'back to the methods from e-mail');
    expect(document.activeElement).to.not.equal(document.body);
  });

  it('error → try again: focus on the method step heading, never the body', async () => {
    serveBff({});
    history.replaceState(null, '', `${start}?poort-error=saml_invalid`);
    const el = await chooser(html`<login-chooser lang="en"></login-chooser>`);
    await waitUntil(() => deepActiveElement() === $(el, '#heading'), 'focus not on the error heading', patient);
    $(el, 'button[part~="retry"]').click();
    await el.updateComplete;
    await waitUntil(() => deepActiveElement() === $(el, '#heading') && $(el, '#heading').textContent === 'Log in', 'focus not on the method heading', patient);
  });
});
