/// <reference types="mocha" />
import { expect, html, waitUntil } from '@open-wc/testing';
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
    // One heading, the form's own; focus goes there.
    await waitUntil(() => document.activeElement === form.querySelector('h2'), 'focus did not move to the form heading', { timeout: 8_000 });
    expect(text(form.querySelector('h2'))).to.equal('Aanmelden met e-mailadres');
    expect($(el, 'h2')).to.equal(null);

    $(el, 'button[part~="back"]').click();
    await el.updateComplete;
    $(el, 'button[data-method="email"]').click();
    await el.updateComplete;
    expect(el.querySelectorAll('poort-email-form')).to.have.length(1);
  });

  it('has one back control, which steps back inside the form first and then to the method step', async () => {
    const el = await chooser(html`<login-chooser lang="nl"></login-chooser>`);
    $(el, 'button[data-method="email"]').click();
    await el.updateComplete;
    const form = el.querySelector('poort-email-form')! as HTMLElement & { updateComplete: Promise<boolean> };
    await form.updateComplete;
    const backs = () => [...el.shadowRoot!.querySelectorAll('button'), ...form.querySelectorAll('button')].filter((b) => /^Terug/.test(text(b)));
    expect(backs()).to.have.length(1);
    form.querySelector<HTMLButtonElement>('.poort-after-submit button')!.click();
    await form.updateComplete;
    expect(text(form.querySelector('h2'))).to.equal('Wachtwoord vergeten');
    expect(backs()).to.have.length(1);
    $(el, 'button[part~="back"]').click();
    await form.updateComplete;
    expect(text(form.querySelector('h2'))).to.equal('Inloggen met e-mailadres');
    $(el, 'button[part~="back"]').click();
    await el.updateComplete;
    expect(text($(el, 'h2'))).to.equal('Inloggen');
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'button[data-method="email"]'));
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
    // After the login only its result stays: no way back into a finished login, no help for it.
    await el.updateComplete;
    expect($(el, 'button[part~="back"]')).to.equal(null);
    expect($(el, '[part="help"]')).to.equal(null);
  });
});
