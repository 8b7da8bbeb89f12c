/// <reference types="mocha" />
// What the widget loads on demand (docs/development.md, "Widget size"), in Chromium with the real
// dynamic imports: the Flemish and English texts before the first render (never Dutch or raw keys
// first), the organisation step's module only when the step comes, its chunk failing into the
// error view in the person's language (and retry), and the rarely used elements defined on use.
// This file imports only the package's entry, so nothing lazy is loaded before a test asks for it.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../widget/src/index.js';
import type { OrganisationsView, SessionView } from '../../contract/api-schemas.js';
import type { LoginChooser } from '../../widget/src/login-chooser.js';
import { lazyElementLoaders } from '../../widget/src/lazy-elements.js';
import organisationsEn from '../../widget/locales/steps/organisations/en.json';
import { resources } from '../support/widget-texts.js';
import { $, rawKeys, restoreFetch, siteConfig, text } from './support.js';

const patient = { timeout: 5000 };
const realFetch = window.fetch;
const pending: OrganisationsView = {
  actingFor: null,
  organisationChoiceNeeded: true,
  organisations: [
    { id: '11111111-1111-4111-8111-111111111111', name: 'Basisschool De Linde', identifiers: { kvk: '41000001' }, role: 'user', capacity: null },
    { id: '22222222-2222-4222-8222-222222222222', name: 'Stichting Scholengroep Oost', identifiers: { kvk: '41000001' }, role: 'admin', capacity: null },
  ],
};
const choosing = { user: { id: 'u1', email: 'directeur@school.example.nl', displayName: null, role: 'user' }, organisationChoiceNeeded: true } as unknown as SessionView;

/** The configuration, and (when `choiceNeeded`) a session that still has to choose its organisation. */
function serveBff(choiceNeeded: boolean) {
  window.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.endsWith('/api/config')) return Response.json(siteConfig());
    if (url.endsWith('/api/session')) return choiceNeeded ? Response.json(choosing) : Response.json({ error: { code: 'unauthenticated' } }, { status: 401 });
    if (url.endsWith('/api/organisations')) return Response.json(pending);
    return realFetch(input, init);
  };
}

/** Every text the element's shadow root shows from now on, as it changes. */
function recordTexts(el: HTMLElement): string[] {
  const seen: string[] = [];
  new MutationObserver(() => seen.push(text(el.shadowRoot))).observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
  return seen;
}

afterEach(() => {
  window.fetch = realFetch;
  restoreFetch();
});

describe('the texts of a language other than Dutch', () => {
  it('arrive before the first render: an English page never shows Dutch texts or raw keys', async () => {
    serveBff(false);
    const el = document.createElement('login-chooser') as LoginChooser;
    el.lang = 'en';
    document.body.append(el);
    // The shadow root is there once connected; the first render comes later (a microtask at least).
    const shown = recordTexts(el);
    try {
      await el.updateComplete;
      await waitUntil(() => $(el, 'button[data-method="eherkenning"]'), 'no method step', patient);
      expect(text($(el, 'h2'))).to.equal(resources.en.title);
      const dutch = [resources.nl.title, resources.nl.loading, resources.nl.method.eherkenning.button];
      expect(shown.filter((t) => dutch.some((d) => t.includes(d)))).to.deep.equal([]);
      expect(shown.length).to.be.greaterThan(0);
      expect(rawKeys(el)).to.deep.equal([]);
    } finally {
      el.remove();
    }
  });

  it('load when the page switches language, and the old texts stay until then', async () => {
    serveBff(false);
    const el = await fixture<LoginChooser>(html`<login-chooser lang="nl"></login-chooser>`);
    await el.updateComplete;
    expect(text($(el, 'h2'))).to.equal(resources.nl.title);
    const shown = recordTexts(el);
    el.lang = 'nl-BE';
    await waitUntil(() => text($(el, 'h2')) === resources['nl-BE'].title, 'no Flemish texts', patient);
    expect(shown.every((t) => t.includes(resources.nl.title) || t.includes(resources['nl-BE'].title))).to.equal(true);
  });
});

describe('a step few people see', () => {
  it('is not loaded until it comes: the organisation step loads its module and its English texts', async () => {
    expect(customElements.get('poort-organisation-chooser')).to.equal(undefined);
    serveBff(true);
    const el = await fixture<LoginChooser>(html`<login-chooser lang="en"></login-chooser>`);
    await el.updateComplete;
    const inner = await waitUntil(() => $(el, 'poort-organisation-chooser'), 'no organisation step', patient).then(() => $(el, 'poort-organisation-chooser') as HTMLElement & { updateComplete: Promise<boolean> });
    expect(customElements.get('poort-organisation-chooser')).to.not.equal(undefined);
    await inner.updateComplete;
    expect(text(inner.shadowRoot!.querySelector('h2'))).to.equal(organisationsEn.organisations.heading);
  });
});

describe('a step whose module does not load', () => {
  const original = lazyElementLoaders['poort-link-step'];
  afterEach(() => (lazyElementLoaders['poort-link-step'] = original));

  it('shows the error view in the page language, and retry loads the step', async () => {
    // A real failed dynamic import: a module that is not there.
    lazyElementLoaders['poort-link-step'] = () => import(/* @vite-ignore */ `${'/widget/src/linking/'}not-there.js`);
    serveBff(false);
    history.replaceState(null, '', `${location.pathname}?poort-link=pending`);
    const errors: string[] = [];
    const el = document.createElement('login-chooser') as LoginChooser;
    el.lang = 'en';
    el.addEventListener('poort-error', (e) => errors.push(e.detail.code));
    document.body.append(el);
    try {
      await el.updateComplete;
      await waitUntil(() => $(el, '[part="error"]'), 'no error view', patient);
      expect(text($(el, 'h2'))).to.equal(resources.en.errors.heading);
      expect(text($(el, '[part="error"]'))).to.contain(resources.en.errors.service_unavailable);
      expect(errors).to.deep.equal(['service_unavailable']);
      expect(rawKeys(el)).to.deep.equal([]);

      lazyElementLoaders['poort-link-step'] = original;
      $(el, 'button[part~="retry"]').click();
      await waitUntil(() => el.querySelector('poort-link-step[slot="link"]'), 'retry did not open the linking step', patient);
      expect(customElements.get('poort-link-step')).to.not.equal(undefined);
    } finally {
      el.remove();
      history.replaceState(null, '', location.pathname);
    }
  });
});

describe('a rarely used element on a page of its own', () => {
  it('is defined once the page has one', async () => {
    expect(customElements.get('poort-add-organisation')).to.equal(undefined);
    const el = await fixture(html`<div><poort-add-organisation lang="en" bff="/poort"></poort-add-organisation></div>`);
    await customElements.whenDefined('poort-add-organisation');
    const form = el.querySelector('poort-add-organisation') as HTMLElement & { updateComplete: Promise<boolean> };
    await form.updateComplete;
    await waitUntil(() => form.querySelector('h2'), 'nothing rendered', patient);
    expect(text(form.querySelector('h2'))).to.equal('Add an organisation');
  });
});
