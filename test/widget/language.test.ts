/// <reference types="mocha" />
// Every element of the widget follows a change of language at any step (issue 14 §3): its own
// `lang`, an ancestor's, the document's, and the `poort-lang` a mail link brings. Texts are
// compared with the locale files themselves, so rewording a text does not break these tests.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../widget/src/login-chooser.js';
import '../../widget/src/email-form/poort-email-form.js';
import type { PoortEmailForm } from '../../widget/src/email-form/poort-email-form.js';
import type { LoginChooser } from '../../widget/src/login-chooser.js';
import { resources } from '../support/widget-texts.js';
import type { Locale } from '../../contract/locales.js';
import { $, chooser, restoreFetch, serveConfig, text } from './support.js';

const patient = { timeout: 8_000 };
// The step's heading: the chooser's own, or in the e-mail step the form's (its one heading there).
const heading = (el: LoginChooser) => text(el.shadowRoot!.querySelector('#heading') ?? el.querySelector('poort-email-form h2'));
const form = (el: LoginChooser) => el.querySelector('poort-email-form')!;

/** Switches `el`'s own lang and waits until the chooser (and its e-mail form, when open) rendered it. */
async function switchTo(el: LoginChooser, locale: Locale): Promise<void> {
  el.lang = locale;
  await el.updateComplete;
  const emailForm = el.querySelector('poort-email-form');
  if (emailForm) await emailForm.updateComplete;
}

const steps: Record<string, { open: (el: LoginChooser) => Promise<void>; heading: (l: Locale) => string }> = {
  method: { open: async () => {}, heading: (l) => resources[l].title },
  broker: {
    open: async (el) => {
      $(el, 'button[data-method="eherkenning"]').click();
      await el.updateComplete;
    },
    heading: (l) => resources[l].broker.heading,
  },
  email: {
    open: async (el) => {
      $(el, 'button[data-method="email"]').click();
      await el.updateComplete;
      await form(el).updateComplete;
    },
    heading: (l) => resources[l].email.title,
  },
};

describe('the widget follows a change of language', () => {
  afterEach(() => {
    restoreFetch();
    document.documentElement.lang = 'en';
  });

  for (const [step, { open, heading: expected }] of Object.entries(steps)) {
    it(`at the ${step} step, nl → en → nl-BE, every text and the lang it declares`, async () => {
      serveConfig();
      const el = await chooser();
      await open(el);
      for (const locale of ['nl', 'en', 'nl-BE'] as const) {
        await switchTo(el, locale);
        expect(heading(el), locale).to.equal(expected(locale));
        expect($(el, 'section').lang).to.equal(locale);
        if (step === 'email') {
          // The e-mail form in light DOM, while it is open.
          const emailForm = form(el);
          expect(emailForm.lang).to.equal(locale);
          expect(text(emailForm.querySelector('label'))).to.equal(resources[locale].email.emailLabel);
          expect(emailForm.querySelector('section')!.lang).to.equal(locale);
        }
      }
    });
  }

  it('at the error step', async () => {
    serveConfig(null);
    const el = await chooser();
    expect(heading(el)).to.equal(resources.nl.errors.heading);
    await switchTo(el, 'en');
    expect(heading(el)).to.equal(resources.en.errors.heading);
    expect(text($(el, '.error p'))).to.equal(resources.en.errors.service_unavailable);
  });

  it('follows the document\'s lang when it has none of its own, also into the open e-mail form', async () => {
    serveConfig();
    document.documentElement.lang = 'nl';
    const el = await chooser(html`<login-chooser></login-chooser>`);
    await steps.email!.open(el);
    document.documentElement.lang = 'en-GB';
    await waitUntil(() => heading(el) === resources.en.email.title, 'the chooser kept its old language', patient);
    await waitUntil(() => text(form(el).querySelector('label')) === resources.en.email.emailLabel, 'the e-mail form kept its old language', patient);
  });

  it('follows an ancestor\'s lang', async () => {
    serveConfig();
    const wrapper = await fixture<HTMLElement>(html`<div lang="nl-BE"><login-chooser></login-chooser></div>`);
    const el = wrapper.querySelector('login-chooser')!;
    await el.updateComplete;
    expect(heading(el)).to.equal(resources['nl-BE'].title);
    wrapper.lang = 'en';
    await waitUntil(() => heading(el) === resources.en.title, 'the chooser kept its old language', patient);
  });

  it('translates a notice already on screen again (the notification address confirmed)', async () => {
    history.replaceState(null, '', '?poort-confirm-email=bevestig');
    window.fetch = async (input: RequestInfo | URL) =>
      String(input).endsWith('/api/config') ? Response.json({ environment: 'production' }) : Response.json({ notificationEmail: 'team@gemeente.nl' });
    const el = await fixture<PoortEmailForm>(html`<poort-email-form lang="nl"></poort-email-form>`);
    const done = (l: Locale) => resources[l].email.confirmEmail.done.replace('{{email}}', 'team@gemeente.nl');
    await waitUntil(() => el.textContent!.includes(done('nl')), undefined, patient);
    el.lang = 'en';
    await el.updateComplete;
    expect(el.textContent).to.contain(done('en'));
  });
});

describe('a mail link\'s language (?poort-lang=)', () => {
  afterEach(() => {
    restoreFetch();
    history.replaceState(null, '', location.pathname);
    document.documentElement.lang = 'en';
  });

  it('opens the e-mail form in the mail\'s language over the document\'s, and the token leaves the address while the language stays', async () => {
    document.documentElement.lang = 'nl';
    history.replaceState(null, '', '?poort-lang=nl-BE&poort-invitation=uitnodiging');
    serveConfig();
    const el = await fixture<PoortEmailForm>(html`<poort-email-form></poort-email-form>`);
    expect(text(el.querySelector('h2'))).to.equal(resources['nl-BE'].email.invitation.title);
    expect(el.querySelector('section')!.lang).to.equal('nl-BE');
    expect(location.search).to.equal('?poort-lang=nl-BE');
  });

  it('gives way to the element\'s own lang', async () => {
    history.replaceState(null, '', '?poort-lang=nl-BE');
    serveConfig();
    const el = await fixture<PoortEmailForm>(html`<poort-email-form lang="en"></poort-email-form>`);
    expect(text(el.querySelector('h2'))).to.equal(resources.en.email.title);
  });

  it('ignores a language Poort does not speak', async () => {
    document.documentElement.lang = 'en';
    history.replaceState(null, '', '?poort-lang=fr');
    serveConfig();
    const el = await fixture<PoortEmailForm>(html`<poort-email-form></poort-email-form>`);
    expect(text(el.querySelector('h2'))).to.equal(resources.en.email.title);
  });
});
