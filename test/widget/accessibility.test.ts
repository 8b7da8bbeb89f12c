/// <reference types="mocha" />
// Every step and every error view, in every locale: no raw keys and no axe-core violations.
import { expect, html } from '@open-wc/testing';
import '../../widget/src/login-chooser.js';
import type { LoginChooser } from '../../widget/src/login-chooser.js';
import { locales } from '../../contract/locales.js';
import { poortErrorCodes } from '../../widget/src/poort-error.js';
import { $, chooser, openBrokerStep, press, rawKeys, restoreFetch, serveConfig, siteConfig, text } from './support.js';

const start = location.pathname + location.search;

async function check(el: LoginChooser) {
  expect(rawKeys(el)).to.deep.equal([]);
  await expect(el).to.be.accessible();
}

async function openAllHelp(el: LoginChooser) {
  for (const d of el.shadowRoot!.querySelectorAll('details')) d.open = true;
  await el.updateComplete;
}

for (const locale of locales) {
  describe(`<login-chooser> in ${locale}`, () => {
    beforeEach(() => {
      localStorage.clear();
      serveConfig(siteConfig({ environment: 'demo', methods: ['eherkenning', 'acmidm', 'email'] }));
    });
    afterEach(() => {
      restoreFetch();
      history.replaceState(null, '', start);
    });

    it('method step with help open', async () => {
      const el = await chooser(html`<login-chooser lang=${locale}></login-chooser>`);
      await openAllHelp(el);
      expect(text($(el, '[part="help"]'))).to.contain('1700');
      await check(el);
    });

    it('broker step with a highlighted, a chosen and a disabled broker, help and technical panel open', async () => {
      localStorage.setItem('poort.broker', 'noord');
      const el = await chooser(html`<login-chooser lang=${locale}></login-chooser>`);
      await openBrokerStep(el);
      await press(el, 'ArrowDown');
      await openAllHelp(el);
      await check(el);
      $(el, 'button[part~="forget"]').click();
      $(el, 'button[part~="continue"]').click();
      await el.updateComplete;
      await check(el);
    });

    it('e-mail step', async () => {
      const el = await chooser(html`<login-chooser lang=${locale}></login-chooser>`);
      $(el, 'button[data-method="email"]').click();
      await el.updateComplete;
      await openAllHelp(el);
      expect(text($(el, '#heading'))).to.not.equal('');
      await check(el);
    });

    for (const code of [...poortErrorCodes, 'something_new']) {
      it(`error view ${code}`, async () => {
        history.replaceState(null, '', `${location.pathname}?poort-error=${code}`);
        const el = await chooser(html`<login-chooser lang=${locale}></login-chooser>`);
        expect(text($(el, '[part="error"], [part="cancelled"]'))).to.not.equal('');
        await check(el);
      });
    }
  });
}
