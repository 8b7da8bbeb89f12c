/// <reference types="mocha" />
// The widget shows the texts the BFF serves (the editors' overrides) at its next load, and renders
// help texts' markup from scratch: hostile markup that somehow got into the served texts (the BFF
// refuses it; this is the second line) runs nothing, loads nothing and links nowhere but https or
// this site. A plain text's markup shows as text.
import { expect, html, waitUntil } from '@open-wc/testing';
import '../../widget/src/login-chooser.js';
import { $, $$, chooser, restoreFetch, serveConfig, text } from './support.js';

let bffCount = 0;
const texts = new Map<string, unknown>();
const textRequests: string[] = [];

/** A fresh BFF path per test: the widget asks each BFF for its texts once per page. */
function serveTexts(locale: string, served: unknown): string {
  const bff = `/bff-${++bffCount}`;
  texts.set(`${bff}/api/texts/${locale}`, served);
  const configFetch = window.fetch;
  window.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const path = new URL(url, location.href).pathname;
    if (!path.includes('/api/texts/')) return configFetch(input, init);
    textRequests.push(path);
    return texts.has(path) ? Response.json(texts.get(path)) : new Response('{}', { status: 404 });
  };
  return bff;
}

const hostile = [
  '<script>window.__poortXss = "script"</script>Script',
  '<img src="x" onerror="window.__poortXss = \'img\'">Image',
  '<a href="javascript:window.__poortXss=\'link\'">Link</a>',
  '<a href="//evil.example/">Off-site</a>',
  '<p onclick="window.__poortXss=\'click\'">Handler</p>',
  '<svg><animate onbegin="window.__poortXss=\'svg\'" attributeName="x" dur="1s"></animate></svg>SVG',
  '<iframe srcdoc="<script>parent.__poortXss=1</script>"></iframe>Frame',
  '<style>*{display:none}</style>Style',
  '<a href="https://example.nl/help" target="_blank" onmouseover="window.__poortXss=\'over\'">Good link</a>',
].join(' ');

describe('served texts', () => {
  beforeEach(() => {
    delete (window as { __poortXss?: unknown }).__poortXss;
    serveConfig();
  });
  afterEach(restoreFetch);

  it('shows the served (overridden) texts, asking the BFF once for its language', async () => {
    const bff = serveTexts('en', { title: 'Sign in to the portal', help: { method: { who: 'Ask <strong>your</strong> administrator.' } } });
    const el = await chooser(html`<login-chooser lang="en" bff=${bff}></login-chooser>`);
    await waitUntil(() => text($(el, '#heading')) === 'Sign in to the portal', 'served title', { timeout: 5000 });
    // Keys the served texts lack fall back to the bundled ones.
    expect(text($(el, 'button[data-method="email"]'))).to.equal('Log in with e-mail address');
    const who = $$(el, '.help-body p').find((p) => text(p).startsWith('Ask'))!;
    expect(who.innerHTML).to.equal('Ask <strong>your</strong> administrator.');
    expect(textRequests.filter((r) => r.startsWith(bff))).to.deep.equal([`${bff}/api/texts/en`]);
  });

  it('shows the bundled texts when the BFF serves none', async () => {
    const el = await chooser(html`<login-chooser lang="nl" bff="/no-texts"></login-chooser>`);
    expect(text($(el, '#heading'))).to.equal('Inloggen');
  });

  it('runs, loads and links nothing hostile from a help text, and keeps its words', async () => {
    const bff = serveTexts('nl', { help: { method: { who: hostile } } });
    const el = await chooser(html`<login-chooser lang="nl" bff=${bff}></login-chooser>`);
    await waitUntil(() => text($(el, '.help-body')).includes('Good link'), 'served help text', { timeout: 5000 });
    for (const d of el.shadowRoot!.querySelectorAll('details')) d.open = true;
    const body = $(el, '.help-body');
    for (const a of body.querySelectorAll('a')) a.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    body.querySelector('p')?.click();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect((window as { __poortXss?: unknown }).__poortXss).to.equal(undefined);
    expect(body.querySelectorAll('script, img, svg, iframe, style, [onclick], [onerror], [onmouseover], [target]').length).to.equal(0);
    const links = [...body.querySelectorAll('a')].filter((a) => !a.closest('.helpdesk'));
    expect(links.map((a) => [a.getAttribute('href'), a.getAttribute('rel'), a.textContent])).to.deep.equal([['https://example.nl/help', 'noopener', 'Good link']]);
    for (const word of ['Script', 'Image', 'Link', 'Off-site', 'Handler', 'SVG', 'Frame', 'Style']) expect(text(body)).to.contain(word);
  });

  it('shows markup in a plain text as text', async () => {
    const bff = serveTexts('nl', { title: '<img src=x onerror="window.__poortXss=1">Titel' });
    const el = await chooser(html`<login-chooser lang="nl" bff=${bff}></login-chooser>`);
    await waitUntil(() => text($(el, '#heading')).includes('Titel'), 'served title', { timeout: 5000 });
    expect(text($(el, '#heading'))).to.equal('<img src=x onerror="window.__poortXss=1">Titel');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __poortXss?: unknown }).__poortXss).to.equal(undefined);
  });

  it("names the helpdesk of the page's language from the served texts: name, phone (tel: link) and hours", async () => {
    const bff = serveTexts('nl', { help: { contact: { name: 'Informatie Rijksoverheid', phone: '1400', hours: 'Op werkdagen van 8.00 tot 20.00 uur.' } } });
    const el = await chooser(html`<login-chooser lang="nl" bff=${bff}></login-chooser>`);
    await waitUntil(() => text($(el, '.helpdesk')).includes('Informatie Rijksoverheid'), 'served helpdesk', { timeout: 5000 });
    const helpdesk = $(el, '.helpdesk');
    expect(text(helpdesk)).to.contain('Op werkdagen van 8.00 tot 20.00 uur.');
    expect(text(helpdesk)).not.to.contain('1700');
    expect(helpdesk.querySelector('a[href^="tel:"]')!.getAttribute('href')).to.equal('tel:1400');
  });

  it('falls back to the configured helpdesk when the BFF serves no contact texts', async () => {
    const el = await chooser(html`<login-chooser lang="nl-BE" bff="/no-texts"></login-chooser>`);
    await waitUntil(() => text($(el, '.helpdesk')).includes('Contactcenter 1700'), 'configured helpdesk', { timeout: 5000 });
    expect($(el, '.helpdesk').querySelector('a[href^="tel:"]')!.getAttribute('href')).to.equal('tel:1700');
  });

  it('previews texts given to it, on the step asked for, with its help open', async () => {
    const el = await chooser(html`<login-chooser lang="nl" bff="/no-texts"></login-chooser>`);
    el.texts = { broker: { heading: 'Welke makelaar?' }, help: { broker: { which: '<ul><li>Stap één</li><li>Stap twee</li></ul>' } } };
    await el.preview('broker', { help: true });
    await el.updateComplete;
    expect(text($(el, '#heading'))).to.equal('Welke makelaar?');
    expect($<HTMLDetailsElement>(el, 'details').open).to.equal(true);
    expect([...$(el, '.help-body').querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(['Stap één', 'Stap twee']);
    await el.preview('error', { code: 'no_authorisation' });
    await el.updateComplete;
    expect(text($(el, '[part="error"]'))).to.contain('machtiging');
  });
});

declare global {
  interface Window {
    __poortXss?: unknown;
  }
}
