/// <reference types="mocha" />
import { expect, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../widget/src/login-chooser.js';
import { $, chooser, openBrokerStep, restoreFetch, serveConfig } from './support.js';

const background = (el: Element) => getComputedStyle(el).backgroundColor;

describe('<login-chooser> theming', () => {
  beforeEach(() => serveConfig());
  afterEach(restoreFetch);

  it('takes NL Design System tokens from an ancestor when no --poort-* property is set', async () => {
    const wrapper = await chooser(
      html`<div class="nlds" style="--nl-button-primary-background-color: rgb(1, 2, 3)"><login-chooser></login-chooser></div>`,
    );
    const el = wrapper.querySelector('login-chooser')!;
    await el.updateComplete;
    expect(background($(el, 'button[part="method"]'))).to.equal('rgb(1, 2, 3)');
  });

  it('lets a --poort-* property win over the NL Design System token', async () => {
    const wrapper = await chooser(
      html`<div style="--nl-button-primary-background-color: rgb(1, 2, 3); --poort-accent: rgb(4, 5, 6)">
        <login-chooser></login-chooser>
      </div>`,
    );
    const el = wrapper.querySelector('login-chooser')!;
    await el.updateComplete;
    expect(background($(el, 'button[part="method"]'))).to.equal('rgb(4, 5, 6)');
  });

  it('exposes its main pieces as CSS parts', async () => {
    const el = await chooser();
    await openBrokerStep(el);
    const parts = new Set([...el.shadowRoot!.querySelectorAll('[part]')].flatMap((n) => n.getAttribute('part')!.split(' ')));
    for (const part of ['base', 'search', 'listbox', 'option', 'button', 'continue', 'back', 'help', 'technical', 'label']) {
      expect(parts.has(part), part).to.equal(true);
    }
  });

  it('does not animate when the person prefers reduced motion', async () => {
    const el = await chooser();
    const button = $(el, 'button[part="method"]');
    expect(getComputedStyle(button).transitionDuration).to.equal('0.15s');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(getComputedStyle(button).transitionDuration).to.equal('0s');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});
