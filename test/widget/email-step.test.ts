/// <reference types="mocha" />
import { expect, html } from '@open-wc/testing';
import '../../widget/src/email-form/poort-email-form.js';
import '../../widget/src/login-chooser.js';
import type { SessionUser } from '../../contract/api-schemas.js';
import type { PoortLoginDetail } from '../../widget/src/events.js';
import { $, chooser, restoreFetch, serveConfig, text } from './support.js';

describe('<login-chooser> e-mail step', () => {
  beforeEach(() => serveConfig());
  afterEach(restoreFetch);

  it('creates one <poort-email-form> in its light DOM, slotted, with bff, lang and return-to', async () => {
    const el = await chooser(html`<login-chooser lang="nl-BE" bff="/p" return-to="/mijn"></login-chooser>`);
    $(el, 'button[data-method="email"]').click();
    await el.updateComplete;
    const form = el.querySelector('poort-email-form')!;
    expect(form.getAttribute('slot')).to.equal('email');
    expect([form.getAttribute('bff'), form.getAttribute('lang'), form.getAttribute('return-to')]).to.deep.equal(['/p', 'nl-BE', '/mijn']);
    expect($<HTMLSlotElement>(el, 'slot[name="email"]').assignedElements()).to.deep.equal([form]);
    expect(text($(el, 'h2'))).to.equal('Aanmelden met e-mailadres');
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'h2'));

    $(el, 'button[part~="back"]').click();
    await el.updateComplete;
    $(el, 'button[data-method="email"]').click();
    await el.updateComplete;
    expect(el.querySelectorAll('poort-email-form')).to.have.length(1);
  });

  it('opens the forgot-password form of <poort-email-form> from its help text', async () => {
    const el = await chooser(html`<login-chooser bff="/poort" return-to="/mijn"></login-chooser>`);
    $(el, 'button[data-method="email"]').click();
    await el.updateComplete;
    await customElements.whenDefined('poort-email-form');
    const form = el.querySelector('poort-email-form')! as HTMLElement & { updateComplete: Promise<boolean> };
    await form.updateComplete;
    expect(form.querySelector('input[autocomplete="current-password"]')).to.not.equal(null);
    const button = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.link')].find((b) => text(b) === 'Wachtwoord vergeten?')!;
    expect(button).to.not.equal(undefined);
    button.click();
    await form.updateComplete;
    expect(form.querySelector('input[autocomplete="current-password"]')).to.equal(null);
    expect(form.querySelector('input[name="email"]')).to.not.equal(null);
  });

  it('lets the poort-login event of a real e-mail login bubble out of the widget, with the return path', async () => {
    const el = await chooser(html`<login-chooser lang="nl" return-to="/mijn"></login-chooser>`);
    $(el, 'button[data-method="email"]').click();
    await el.updateComplete;
    const form = el.querySelector('poort-email-form')! as HTMLElement & { updateComplete: Promise<boolean> };
    await form.updateComplete;
    const user: SessionUser = { id: 'u1', email: 'sanne@gemeente.nl', displayName: 'Sanne', role: 'editor' };
    const configFetch = window.fetch;
    window.fetch = async (input, init) =>
      String(input).endsWith('/api/login') ? Response.json({ user, method: 'email' }) : configFetch(input, init);
    const seen = new Promise<PoortLoginDetail>((resolve) => document.addEventListener('poort-login', (e) => resolve(e.detail), { once: true }));
    form.querySelector<HTMLInputElement>('input[name="email"]')!.value = user.email!;
    form.querySelector<HTMLInputElement>('input[name="password"]')!.value = 'een wachtwoord';
    form.querySelector('form')!.requestSubmit();
    expect(await seen).to.deep.equal({ method: 'email', user, returnTo: '/mijn', organisationChoiceNeeded: false });
  });
});
