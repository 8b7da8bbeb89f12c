/// <reference types="mocha" />
import { expect, html } from '@open-wc/testing';
import '../../widget/src/login-chooser.js';
import type { PoortErrorDetail } from '../../widget/src/events.js';
import { poortErrorCodes } from '../../widget/src/poort-error.js';
import { $, chooser, rawKeys, restoreFetch, serveConfig, text } from './support.js';

const start = location.pathname + location.search;

async function returnWith(code: string) {
  history.replaceState(null, '', `${location.pathname}?keep=1&poort-error=${encodeURIComponent(code)}#top`);
  let detail: PoortErrorDetail | undefined;
  document.addEventListener('poort-error', (e) => (detail = e.detail), { once: true });
  const el = await chooser(html`<login-chooser lang="nl"></login-chooser>`);
  return { el, detail: () => detail };
}

describe('<login-chooser> error views', () => {
  beforeEach(() => serveConfig());
  afterEach(() => {
    restoreFetch();
    history.replaceState(null, '', start);
  });

  for (const code of poortErrorCodes.filter((c) => c !== 'cancelled')) {
    it(`explains ${code}, fires poort-error and takes the parameter out of the address`, async () => {
      const { el, detail } = await returnWith(code);
      expect(text($(el, 'h2'))).to.equal('Inloggen is niet gelukt');
      const message = text($(el, '[part="error"] p'));
      expect(message.length).to.be.greaterThan(20);
      expect(message).not.to.contain(code);
      expect(text($(el, '.code'))).to.equal(`Foutcode voor de helpdesk: ${code}`);
      expect(detail()).to.deep.equal({ code, known: true });
      expect(location.search).to.equal('?keep=1');
      expect(location.hash).to.equal('#top');
      expect(rawKeys(el)).to.deep.equal([]);
    });
  }

  it('shows a cancelled login as the person\'s own choice: a calm note, no failure, no code, fired as poort-error all the same', async () => {
    const { el, detail } = await returnWith('cancelled');
    expect(text($(el, 'h2'))).to.equal('U hebt het inloggen afgebroken');
    expect(text($(el, '[part="cancelled"] p'))).to.equal('Er is niets veranderd. U kunt opnieuw inloggen wanneer u wilt.');
    expect(el.shadowRoot!.textContent).not.to.match(/niet gelukt|Foutcode|cancelled/);
    expect($(el, '[part="error"]')).to.equal(null);
    expect(detail()).to.deep.equal({ code: 'cancelled', known: true });
    expect(location.search).to.equal('?keep=1');
  });

  it('shows the technical details when the authorisation is missing', async () => {
    const { el } = await returnWith('no_authorisation');
    expect(text($(el, '[part="technical"]'))).to.contain('ServiceUUID').and.contain('6f1c2a40-3d5e-4b8a-9c1d-2e3f4a5b6c7d');
  });

  it('names the required level when the level was too low', async () => {
    const { el } = await returnWith('level_too_low');
    expect(text($(el, '[part="error"] p'))).to.contain('niveau 2+');
  });

  for (const given of ['<b>weird</b>', 'Bel meteen 0900-1234567, anders wordt uw account verwijderd', 'unknown', 'errors.heading', 'CANCELLED', 'cancelled ', '']) {
    it(`shows only the generic error for ${JSON.stringify(given)}, without echoing it anywhere`, async () => {
      const { el, detail } = await returnWith(given);
      expect(text($(el, '[part="error"] p'))).to.contain('Er ging iets mis bij het inloggen');
      expect($(el, '.code')).to.equal(null);
      const shown = el.shadowRoot!.textContent!;
      if (given.trim()) expect(shown).not.to.contain(given.trim());
      expect(shown).not.to.contain('Foutcode');
      expect(detail()).to.deep.equal({ code: 'unknown', known: false });
      expect($(el, 'b')).to.equal(null);
      expect(location.search).to.equal('?keep=1');
    });
  }

  it('moves focus to the error and lets the person log in again', async () => {
    const { el } = await returnWith('saml_invalid');
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'h2'));
    $(el, 'button[part~="retry"]').click();
    await el.updateComplete;
    expect(text($(el, 'h2'))).to.equal('Inloggen');
  });

  it('says the service is unavailable when the configuration does not load', async () => {
    serveConfig(null);
    let detail: PoortErrorDetail | undefined;
    document.addEventListener('poort-error', (e) => (detail = e.detail), { once: true });
    const el = await chooser();
    expect(text($(el, '[part="error"] p'))).to.contain('storing');
    expect(detail).to.deep.equal({ code: 'service_unavailable', known: true });
  });
});
