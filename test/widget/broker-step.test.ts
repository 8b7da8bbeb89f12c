/// <reference types="mocha" />
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widget/src/login-chooser.js';
import { manyBrokers } from '../support/many-brokers.js';
import { $, $$, brokers, catchNavigation, chooser, openBrokerStep, press, restoreFetch, serveConfig, siteConfig, text, type } from './support.js';

const optionNames = (el: Parameters<typeof $>[0]) => $$(el, '[role=option] .name').map(text);
const liveRegion = (el: Parameters<typeof $>[0]) => text($(el, '[role=listbox] ~ [role=status]'));

describe('<login-chooser> broker step', () => {
  beforeEach(() => {
    localStorage.clear();
    serveConfig();
  });
  afterEach(restoreFetch);

  it('shows every broker without typing, with the search field focused', async () => {
    const el = await chooser();
    await openBrokerStep(el);
    expect(optionNames(el)).to.deep.equal(['Demo Leverancier Noord', 'Demo Leverancier Zuid', 'Demo Éénvoudig Inloggen']);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#search'));
    const input = $(el, '#search');
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.getAttribute('aria-controls')).to.equal('listbox');
    expect(input.getAttribute('aria-autocomplete')).to.equal('list');
  });

  it('lists a broker that is down now last, marked, still choosable', async () => {
    serveConfig(siteConfig({ brokers: [{ ...brokers[0]!, unavailable: { since: '2026-12-01T10:00:00.000Z' } }, brokers[1]!, brokers[2]!] }));
    const el = await chooser();
    await openBrokerStep(el);
    expect(optionNames(el)).to.deep.equal(['Demo Leverancier Zuid', 'Demo Éénvoudig Inloggen', 'Demo Leverancier Noord']);
    const last = $$(el, '[role=option]').at(-1)!;
    expect(text(last.querySelector('.note')!)).to.equal('storing: probeer het later of kies een andere leverancier');
    expect(last.getAttribute('part')).to.contain('option-unavailable');
    expect(last.getAttribute('aria-disabled')).to.equal(null);
    // Typing its name still finds it first: it is marked, not hidden.
    await type(el, 'noord');
    expect(optionNames(el)).to.deep.equal(['Demo Leverancier Noord']);
    el.lang = 'en';
    await el.updateComplete;
    expect(text($(el, '[role=option] .note'))).to.equal('fault: try later or choose another supplier');
  });

  it('filters by name and alias, accent- and case-insensitively', async () => {
    const el = await chooser();
    await openBrokerStep(el);
    await type(el, 'EENVOUDIG');
    expect(optionNames(el)).to.deep.equal(['Demo Éénvoudig Inloggen']);
    await type(el, 'artifact');
    expect(optionNames(el)).to.deep.equal(['Demo Leverancier Zuid']);
    // "Makelaar", the word from before eHerkenning said "leverancier", still finds them by alias.
    await type(el, 'makelaar');
    expect(optionNames(el)).to.deep.equal(['Demo Leverancier Noord', 'Demo Leverancier Zuid']);
    await type(el, 'xyz');
    expect(optionNames(el)).to.deep.equal([]);
    expect(text($(el, '.none'))).to.contain('Geen leverancier gevonden');
    expect($(el, '#search').getAttribute('aria-expanded')).to.equal('false');
  });

  it('announces the number of results in a polite live region once typing pauses', async () => {
    const el = await chooser();
    await openBrokerStep(el);
    // Waits for the announcement rather than for a fixed pause: a slow machine only takes longer.
    const announced = (what: string) => waitUntil(() => liveRegion(el).includes(what), `never announced "${what}"`, { timeout: 8_000 });
    await announced('3 leveranciers gevonden');
    expect(liveRegion(el)).to.equal('3 leveranciers gevonden');
    await type(el, 'zuid');
    await announced('1 leverancier gevonden');
    expect(liveRegion(el)).to.equal('1 leverancier gevonden');
    await type(el, 'qqq');
    await announced('Geen leverancier gevonden');
  });

  it('shows a broker that cannot deliver the required level as disabled, with the reason', async () => {
    const el = await chooser();
    await openBrokerStep(el);
    const option = $$(el, '[role=option]')[2]!;
    expect(option.getAttribute('aria-disabled')).to.equal('true');
    expect(text(option)).to.contain('levert niveau 2+ niet');
    option.click();
    await el.updateComplete;
    expect(option.getAttribute('aria-selected')).to.equal('false');
  });

  it('moves with Up, Down, Home and End and chooses with Enter', async () => {
    const el = await chooser();
    await openBrokerStep(el);
    const input = $(el, '#search');
    await press(el, 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).to.equal('o0');
    await press(el, 'End');
    expect(input.getAttribute('aria-activedescendant')).to.equal('o2');
    await press(el, 'Home');
    expect(input.getAttribute('aria-activedescendant')).to.equal('o0');
    await press(el, 'ArrowDown');
    await press(el, 'ArrowUp');
    await press(el, 'ArrowDown');
    await press(el, 'Enter');
    expect($<HTMLInputElement>(el, '#search').value).to.equal('Demo Leverancier Zuid');
    expect($(el, '[aria-selected="true"]').textContent).to.contain('Zuid');
    await press(el, 'Escape');
    expect($<HTMLInputElement>(el, '#search').value).to.equal('');
    expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
  });

  it('asks for a broker when Verder is pressed without one', async () => {
    const el = await chooser();
    await openBrokerStep(el);
    $(el, 'button[part~="continue"]').click();
    await el.updateComplete;
    expect(text($(el, '#invalid'))).to.equal('Kies eerst uw eHerkenningsleverancier.');
    expect($(el, '#search').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#search'));
  });

  it('goes to the eHerkenning start route with the broker, return path and language, and remembers the choice', async () => {
    const el = await chooser(html`<login-chooser bff="/poort" lang="nl-BE" return-to="/mijn/zaken?x=1"></login-chooser>`);
    await openBrokerStep(el);
    $$(el, '[role=option]')[1]!.click();
    await el.updateComplete;
    const seen = catchNavigation();
    $(el, 'button[part~="continue"]').click();
    expect(seen.detail).to.deep.equal({
      broker: { id: 'zuid', name: 'Demo Leverancier Zuid' },
      url: '/poort/auth/eherkenning/start?broker=zuid&returnTo=%2Fmijn%2Fzaken%3Fx%3D1&lang=nl-BE',
    });
    expect(localStorage.getItem('poort.broker')).to.equal('zuid');
  });

  for (const returnTo of ['//evil.example/', '/.//evil.example', '/x/..//evil.example', '/%2e%2e//evil.example', '/\\evil.example', 'https:evil.example']) {
    it(`ignores a return-to that leaves the site: ${returnTo}`, async () => {
      const warn = console.warn;
      const warnings: string[] = [];
      console.warn = (message: string) => warnings.push(message);
      try {
        const el = await chooser(html`<login-chooser return-to=${returnTo}></login-chooser>`);
        await openBrokerStep(el);
        await press(el, 'ArrowDown');
        await press(el, 'Enter');
        const seen = catchNavigation();
        await press(el, 'Enter');
        expect(seen.detail!.url).to.contain(`returnTo=${encodeURIComponent(location.pathname + location.search)}&`);
        expect(warnings).to.deep.equal([`<login-chooser>: ignoring return-to="${returnTo}"`]);
      } finally {
        console.warn = warn;
      }
    });
  }

  it('shows the remembered broker first and chosen, and forgets it on request', async () => {
    localStorage.setItem('poort.broker', 'zuid');
    const el = await chooser();
    await openBrokerStep(el);
    expect(optionNames(el)[0]).to.equal('Demo Leverancier Zuid');
    expect($$(el, '[role=option]')[0]!.getAttribute('aria-selected')).to.equal('true');
    expect(text($(el, '[part="remembered"]'))).to.contain('Vorige keer koos u Demo Leverancier Zuid');
    $(el, 'button[part~="forget"]').click();
    await el.updateComplete;
    expect(localStorage.getItem('poort.broker')).to.equal(null);
    expect(text($(el, '[part="remembered"]'))).to.equal('Uw keuze is vergeten op dit apparaat.');
    expect(optionNames(el)[0]).to.equal('Demo Leverancier Noord');
    expect($(el, '[aria-selected="true"]')).to.equal(null);
  });

  it('goes back to the method step with focus on the eHerkenning button', async () => {
    const el = await chooser();
    await openBrokerStep(el);
    $(el, 'button[part~="back"]').click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'button[data-method="eherkenning"]'));
  });

  it('offers the technical details for the eHerkenning administrator with a copy button', async () => {
    const el = await chooser();
    await openBrokerStep(el);
    let copied = '';
    const clipboard = navigator.clipboard;
    const original = clipboard.writeText;
    clipboard.writeText = async (value: string) => void (copied = value);
    try {
      $(el, 'button[part~="copy"]').click();
      await waitUntil(() => copied, 'nothing was copied', { timeout: 8_000 });
      await el.updateComplete;
      expect(copied).to.contain('ServiceUUID: 6f1c2a40-3d5e-4b8a-9c1d-2e3f4a5b6c7d');
      expect(copied).to.contain('Entity ID: urn:etoegang:DV:00000001234567890000:entities:0001');
      expect(text($(el, '[part="technical"] [role=status]'))).to.equal('De gegevens zijn gekopieerd.');
    } finally {
      clipboard.writeText = original;
    }
  });
});

describe('<login-chooser> broker list with 10,000 brokers', () => {
  beforeEach(() => {
    localStorage.clear();
    serveConfig(siteConfig({ brokers: manyBrokers(10_000) }));
  });
  afterEach(restoreFetch);

  it('renders only a window of rows, each knowing its place in the whole list', async () => {
    const el = await chooser();
    await openBrokerStep(el);
    const options = $$(el, '[role=option]');
    expect(options.length).to.be.greaterThan(3).and.lessThan(30);
    expect(options[0]!.getAttribute('aria-setsize')).to.equal('10000');
    expect(options[0]!.getAttribute('aria-posinset')).to.equal('1');
  });

  it('keeps the active option rendered and scrolled into view, down to the last', async () => {
    const el = await chooser();
    await openBrokerStep(el);
    await press(el, 'ArrowDown');
    await press(el, 'End');
    await el.updateComplete;
    const id = $(el, '#search').getAttribute('aria-activedescendant')!;
    expect(id).to.equal('o9999');
    const active = $(el, `#${id}`);
    expect(active.getAttribute('aria-posinset')).to.equal('10000');
    const list = $(el, '#listbox').getBoundingClientRect();
    const row = active.getBoundingClientRect();
    expect(row.top).to.be.at.least(list.top - 1);
    expect(row.bottom).to.be.at.most(list.bottom + 1);
    expect($$(el, '[role=option]').length).to.be.lessThan(30);
  });

  it('filters the whole list and counts all matches', async () => {
    const el = await chooser();
    await openBrokerStep(el);
    await type(el, 'zuid');
    expect($$(el, '[role=option]')[0]!.getAttribute('aria-setsize')).to.equal('1000');
    await waitUntil(() => text($(el, '[role=listbox] ~ [role=status]')) === '1000 leveranciers gevonden', 'the count was never announced', { timeout: 8_000 });
  });
});

describe('<login-chooser> with the keyboard only', () => {
  beforeEach(() => {
    localStorage.clear();
    serveConfig();
  });
  afterEach(restoreFetch);

  it('goes from method to search to a choice to Verder, focus following along', async () => {
    const el = await chooser();
    $(el, 'button[data-method="eherkenning"]').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('search');
    await sendKeys({ type: 'zu' });
    await el.updateComplete;
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#search').value).to.equal('Demo Leverancier Zuid');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'button[part~="continue"]'));
    const seen = catchNavigation();
    await sendKeys({ press: 'Enter' });
    expect(seen.detail?.broker.id).to.equal('zuid');
  });
});
