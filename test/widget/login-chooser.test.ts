/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import '../../widget/src/login-chooser.js';
import type { LoginChooser } from '../../widget/src/login-chooser.js';
import { locales } from '../../widget/src/locale.js';

const expected = {
  nl: { title: 'Inloggen', eherkenning: 'Inloggen met eHerkenning', email: 'Inloggen met e-mailadres' },
  'nl-BE': { title: 'Aanmelden', eherkenning: 'Aanmelden met eHerkenning', email: 'Aanmelden met e-mailadres' },
  en: { title: 'Log in', eherkenning: 'Log in with eHerkenning', email: 'Log in with e-mail address' },
} as const;

/** Any visible text that looks like an i18n key (dotted lower-case words) is a bug. */
function rawKeys(root: ShadowRoot): string[] {
  return (root.textContent ?? '').match(/\b[a-z]+(?:\.[a-zA-Z]+){1,}\b/g) ?? [];
}

describe('<login-chooser>', () => {
  for (const locale of locales) {
    describe(`in ${locale}`, () => {
      it('offers eHerkenning and e-mail with the texts of that language', async () => {
        const el = await fixture<LoginChooser>(html`<login-chooser lang=${locale}></login-chooser>`);
        const root = el.shadowRoot!;
        expect(root.querySelector('h2')!.textContent).to.equal(expected[locale].title);
        const buttons = [...root.querySelectorAll('button[part="method"]')].map((b) => b.textContent!.replace(/\s+/g, ' ').trim());
        expect(buttons).to.have.length(2);
        expect(buttons[0]).to.contain(expected[locale].eherkenning);
        expect(buttons[0]).to.contain('2+');
        expect(buttons[1]).to.contain(expected[locale].email);
        expect(rawKeys(root)).to.deep.equal([]);
      });

      it('passes an axe-core accessibility check', async () => {
        const el = await fixture<LoginChooser>(html`<login-chooser lang=${locale}></login-chooser>`);
        await expect(el).to.be.accessible();
      });
    });
  }

  it('follows the document language when it has no lang attribute', async () => {
    const before = document.documentElement.lang;
    document.documentElement.lang = 'nl-BE';
    try {
      const el = await fixture<LoginChooser>(html`<login-chooser></login-chooser>`);
      expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Aanmelden');
    } finally {
      document.documentElement.lang = before;
    }
  });

  it('falls back to Dutch for a language it does not speak', async () => {
    const before = document.documentElement.lang;
    document.documentElement.lang = 'fr';
    try {
      const el = await fixture<LoginChooser>(html`<login-chooser lang="de"></login-chooser>`);
      expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Inloggen');
    } finally {
      document.documentElement.lang = before;
    }
  });

  it('switches language when its lang attribute changes', async () => {
    const el = await fixture<LoginChooser>(html`<login-chooser lang="nl"></login-chooser>`);
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Log in');
  });

  it('fires a composed poort-method event when a method is chosen', async () => {
    const el = await fixture<LoginChooser>(html`<login-chooser lang="nl"></login-chooser>`);
    let detail: unknown;
    document.addEventListener('poort-method', (e) => (detail = (e as CustomEvent).detail), { once: true });
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-method="email"]')!.click();
    expect(detail).to.deep.equal({ method: 'email' });
  });
});
