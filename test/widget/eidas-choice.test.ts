/// <reference types="mocha" />
// eIDAS as its own choice in real Chromium: offered only where the site offers it, in nl, nl-BE
// and en, and leading through the broker list to a start that asks for the eIDAS service.
import { expect, html } from '@open-wc/testing';
import '../../widget/src/login-chooser.js';
import { $, $$, catchNavigation, chooser, eidasSiteConfig, rawKeys, restoreFetch, serveConfig, siteConfig, text } from './support.js';

const eidasSite = () => eidasSiteConfig();

const expected = {
  nl: { button: 'Inloggen als Europees bedrijf (eIDAS)', level: 'eIDAS, niveau substantieel of hoog', heading: 'Kies via welke leverancier u verdergaat' },
  'nl-BE': { button: 'Aanmelden als Europees bedrijf (eIDAS)', level: 'eIDAS, niveau substantieel of hoog', heading: 'Kies via welke leverancier u verdergaat' },
  en: { button: 'Log in as a European company (eIDAS)', level: 'eIDAS, level substantial or high', heading: 'Choose the supplier to continue with' },
} as const;

describe('<login-chooser> eIDAS choice', () => {
  beforeEach(() => localStorage.clear());
  afterEach(restoreFetch);

  for (const locale of ['nl', 'nl-BE', 'en'] as const) {
    it(`offers eIDAS as its own choice with its level, and its broker step, in ${locale}`, async () => {
      serveConfig(eidasSite());
      const el = await chooser(html`<login-chooser lang=${locale}></login-chooser>`);
      expect($$(el, 'button[part="method"]').map((b) => b.dataset.method)).to.deep.equal(['eherkenning', 'eidas', 'email']);
      const button = $(el, 'button[data-method="eidas"]');
      expect(text(button)).to.contain(expected[locale].button).and.contain(expected[locale].level);
      button.click();
      await el.updateComplete;
      expect(text($(el, 'h2'))).to.equal(expected[locale].heading);
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#search'));
      expect(rawKeys(el)).to.deep.equal([]);
    });
  }

  it('marks suppliers that cannot deliver EH3 and starts the eIDAS service at the chosen one', async () => {
    serveConfig(eidasSite());
    const el = await chooser();
    $(el, 'button[data-method="eidas"]').click();
    await el.updateComplete;
    const eenvoud = $$(el, '[role=option]').find((o) => text(o).includes('Éénvoudig'))!;
    expect(eenvoud.getAttribute('aria-disabled')).to.equal('true');
    expect(text(eenvoud)).to.contain('levert niveau 3 niet');
    const noord = $$(el, '[role=option]').find((o) => text(o).includes('Noord'))!;
    noord.click();
    await el.updateComplete;
    const seen = catchNavigation();
    $(el, 'button[part~="continue"]').click();
    const url = new URL(seen.detail!.url, location.origin);
    expect(url.pathname).to.equal('/poort/auth/eherkenning/start');
    expect(url.searchParams.get('broker')).to.equal('noord');
    expect(url.searchParams.get('service')).to.equal('eidas');
  });

  it('goes to eHerkenning without the eIDAS service after going back from the eIDAS step', async () => {
    serveConfig(eidasSite());
    const el = await chooser();
    $(el, 'button[data-method="eidas"]').click();
    await el.updateComplete;
    $(el, 'button[part~="back"]').click();
    await el.updateComplete;
    $(el, 'button[data-method="eherkenning"]').click();
    await el.updateComplete;
    expect(text($(el, 'h2')).replace(/\u00ad/g, '')).to.equal('Kies uw eHerkenningsleverancier');
    $$(el, '[role=option]').find((o) => text(o).includes('Noord'))!.click();
    await el.updateComplete;
    const seen = catchNavigation();
    $(el, 'button[part~="continue"]').click();
    expect(new URL(seen.detail!.url, location.origin).searchParams.has('service')).to.equal(false);
  });

  it('does not offer eIDAS where the site does not, even when the page asks for it', async () => {
    serveConfig(siteConfig());
    const el = await chooser(html`<login-chooser lang="nl" methods="eidas email"></login-chooser>`);
    expect($$(el, 'button[part="method"]').map((b) => b.dataset.method)).to.deep.equal(['email']);
  });

  it('shows the eIDAS level refusal in words people understand, in each language', async () => {
    for (const [lang, words] of [
      ['nl', 'Uw Europese inlogmiddel heeft een te laag niveau'],
      ['nl-BE', 'Uw Europese digitale sleutel heeft een te laag niveau'],
      ['en', 'Your European login means has too low a level'],
    ] as const) {
      serveConfig(eidasSite());
      history.replaceState(null, '', `${location.pathname}?poort-error=eidas_level_too_low`);
      const el = await chooser(html`<login-chooser lang=${lang}></login-chooser>`);
      expect(text($(el, '[part="error"]'))).to.contain(words).and.contain('eidas_level_too_low');
      expect(rawKeys(el)).to.deep.equal([]);
    }
  });
});
