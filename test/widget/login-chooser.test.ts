/// <reference types="mocha" />
import { expect, html } from '@open-wc/testing';
import '../../widget/src/login-chooser.js';
import { locales } from '../../contract/locales.js';
import { $, $$, chooser, rawKeys, restoreFetch, serveConfig, siteConfig, text } from './support.js';

const expected = {
  nl: { title: 'Inloggen', eherkenning: 'Inloggen met eHerkenning', email: 'Inloggen met e-mailadres' },
  'nl-BE': { title: 'Aanmelden', eherkenning: 'Aanmelden met eHerkenning', email: 'Aanmelden met e-mailadres' },
  en: { title: 'Log in', eherkenning: 'Log in with eHerkenning', email: 'Log in with e-mail address' },
} as const;

describe('<login-chooser> method step', () => {
  beforeEach(() => serveConfig());
  afterEach(restoreFetch);

  for (const locale of locales) {
    it(`offers eHerkenning with its level and e-mail, in ${locale}`, async () => {
      const el = await chooser(html`<login-chooser lang=${locale}></login-chooser>`);
      expect(text($(el, 'h2'))).to.equal(expected[locale].title);
      const buttons = $$(el, 'button[part="method"]').map(text);
      expect(buttons).to.have.length(2);
      expect(buttons[0]).to.contain(expected[locale].eherkenning).and.contain('2+');
      expect(buttons[1]).to.contain(expected[locale].email);
      expect(rawKeys(el)).to.deep.equal([]);
    });
  }

  it('fetches its configuration from the bff attribute', async () => {
    serveConfig();
    await chooser(html`<login-chooser bff="/elders/poort"></login-chooser>`);
    const { configRequests } = await import('./support.js');
    expect(configRequests).to.deep.equal(['/elders/poort/api/config']);
  });

  it('follows the document language when it has no lang attribute', async () => {
    const before = document.documentElement.lang;
    document.documentElement.lang = 'nl-BE';
    try {
      const el = await chooser(html`<login-chooser></login-chooser>`);
      expect(text($(el, 'h2'))).to.equal('Aanmelden');
    } finally {
      document.documentElement.lang = before;
    }
  });

  it('falls back to Dutch for a language it does not speak, with one warning', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const el = await chooser(html`<login-chooser lang="de"></login-chooser>`);
      el.requestUpdate();
      await el.updateComplete;
      expect(text($(el, 'h2'))).to.equal('Inloggen');
      expect(warnings).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });

  it('marks its content with the language it speaks, without writing a lang attribute of its own', async () => {
    const el = await chooser(html`<login-chooser></login-chooser>`);
    expect(el.hasAttribute('lang')).to.equal(false);
    expect($(el, 'section').getAttribute('lang')).to.equal('nl');
  });

  it('switches language when its lang attribute changes', async () => {
    const el = await chooser(html`<login-chooser lang="nl"></login-chooser>`);
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    expect(text($(el, 'h2'))).to.equal('Log in');
  });

  it('offers the methods of the methods attribute in its order, ignoring unknown ones', async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      const el = await chooser(html`<login-chooser methods="email bogus eherkenning"></login-chooser>`);
      expect($$(el, 'button[part="method"]').map((b) => b.dataset.method)).to.deep.equal(['email', 'eherkenning']);
    } finally {
      console.warn = warn;
    }
  });

  it('offers ACM/IDM where the configuration names it (the BFF leaves it out where it is not set up), and not where it does not', async () => {
    serveConfig(siteConfig({ methods: ['acmidm', 'eherkenning', 'email'] }));
    const el = await chooser();
    expect($$(el, 'button[part="method"]').map((b) => b.dataset.method)).to.deep.equal(['acmidm', 'eherkenning', 'email']);
    serveConfig(siteConfig({ methods: ['eherkenning', 'email'] }));
    const only = await chooser(html`<login-chooser methods="acmidm email"></login-chooser>`);
    expect($$(only, 'button[part="method"]').map((b) => b.dataset.method)).to.deep.equal(['email']);
  });

  it('shows the level attribute when it is stronger than the site level', async () => {
    const el = await chooser(html`<login-chooser level="loa3"></login-chooser>`);
    expect(text($(el, 'button[data-method="eherkenning"]'))).to.contain('niveau 3');
  });

  it('shows a demo banner only in a demo environment', async () => {
    let el = await chooser();
    expect($(el, '[part="banner"]')).to.equal(null);
    serveConfig(siteConfig({ environment: 'demo' }));
    el = await chooser();
    expect(text($(el, '[part="banner"]'))).to.contain('Demo-omgeving');
  });

  it('fires a composed, cancelable poort-method event when a method is chosen', async () => {
    const el = await chooser();
    let detail: unknown;
    document.addEventListener('poort-method', (e) => ((detail = e.detail), e.preventDefault()), { once: true });
    $(el, 'button[data-method="email"]').click();
    await el.updateComplete;
    expect(detail).to.deep.equal({ method: 'email' });
    expect($(el, 'button[data-method="email"]')).not.to.equal(null);
  });
});
