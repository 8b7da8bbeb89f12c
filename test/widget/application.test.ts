/// <reference types="mocha" />
// <login-chooser app="…"> (issue 15): the application's methods at its minimum, and what the BFF's
// answer to GET /api/session?app= leads to: the methods (no session), the step-up (a new login
// with the higher level and forceAuthn=true) or the refusal with the application's helpdesk text.
import { expect, html, waitUntil } from '@open-wc/testing';
import '../../widget/src/login-chooser.js';
import type { ApplicationView } from '../../contract/api-schemas.js';
import type { PoortBrokerDetail } from '../../widget/src/events.js';
import { $, $$, chooser, eidasSiteConfig, rawKeys, restoreFetch, siteConfig, text } from './support.js';

const appB: ApplicationView = {
  id: 'app-b',
  name: { nl: 'Vergunningen', 'nl-BE': 'Vergunningen (Vlaanderen)', en: 'Permits' },
  levels: { eherkenning: 'loa3' },
  helpdesk: { nl: 'Bel de servicedesk.', 'nl-BE': 'Bel gratis 1700.', en: 'Call the service desk.' },
};

const realFetch = window.fetch;
const sessionRequests: string[] = [];

/** A site that also offers eIDAS, with app B taking European companies at EH4. */
const eidasSite = () =>
  eidasSiteConfig({
    applications: [{ ...appB, levels: { eherkenning: 'loa3', eidas: 'loa4' } }],
    // Noord delivers level 4 here; Zuid does not.
    brokers: siteConfig().brokers.map((b) => (b.id === 'noord' ? { ...b, levels: [...b.levels, 'loa4'] } : b)),
  });

/** Serves the configuration with app B, and `answer` for GET /api/session?app=app-b. */
function serve(answer: { status: number; body: unknown }, config = siteConfig({ applications: [appB] })): void {
  sessionRequests.length = 0;
  window.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.endsWith('/api/config')) return Response.json(config);
    if (url.includes('/api/session?app=')) {
      sessionRequests.push(url);
      return Response.json(answer.body, { status: answer.status });
    }
    if (url.endsWith('/api/session')) return Response.json({ error: { code: 'unauthenticated', message: '' } }, { status: 401 });
    return realFetch(input, init);
  };
}

const refusal = (code: string, extra: object = {}) => ({ error: { code, message: '' }, application: appB, ...extra });

function catchNavigation(): { detail?: PoortBrokerDetail } {
  const seen: { detail?: PoortBrokerDetail } = {};
  document.addEventListener('poort-broker', (e) => ((seen.detail = e.detail), e.preventDefault()), { once: true });
  return seen;
}

async function chooseNoord(el: Awaited<ReturnType<typeof chooser>>): Promise<URL> {
  const seen = catchNavigation();
  const noord = $$(el, '[role=option]').find((o) => text(o).includes('Noord'))!;
  noord.click();
  await el.updateComplete;
  $(el, 'button[part~="continue"]').click();
  await waitUntil(() => seen.detail, 'no poort-broker event', { timeout: 5000 });
  return new URL(seen.detail!.url, location.origin);
}

describe('<login-chooser app>', () => {
  afterEach(restoreFetch);

  it('asks the BFF about its application and offers only the methods it takes, at its level', async () => {
    serve({ status: 401, body: refusal('unauthenticated') });
    const el = await chooser(html`<login-chooser lang="nl" app="app-b" return-to="/b/"></login-chooser>`);
    expect(sessionRequests).to.have.length(1);
    expect(sessionRequests[0]).to.match(/\/api\/session\?app=app-b$/);
    expect($$(el, 'button[data-method]').map((b) => b.dataset.method)).to.deep.equal(['eherkenning']);
    $(el, 'button[data-method="eherkenning"]').click();
    await el.updateComplete;
    // The broker that delivers only level 2 cannot be chosen for level 3.
    const eenvoud = $$(el, '[role=option]').find((o) => text(o).includes('Éénvoudig'))!;
    expect(eenvoud.getAttribute('aria-disabled')).to.equal('true');
    const url = await chooseNoord(el);
    expect(url.pathname).to.equal('/poort/auth/eherkenning/start');
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({ broker: 'noord', returnTo: '/b/', lang: 'nl', app: 'app-b', level: 'loa3' });
  });

  it('shows the step-up when the session is too weak, and starts the new login with the higher level and ForceAuthn', async () => {
    serve({ status: 401, body: refusal('step_up_required', { stepUp: { method: 'eherkenning', level: 'loa3' } }) });
    const el = await chooser(html`<login-chooser lang="nl-BE" app="app-b" return-to="/b/"></login-chooser>`);
    expect(text($(el, '#heading'))).to.equal('Opnieuw aanmelden');
    expect(text($(el, '[part="step-up"]'))).to.contain('Vergunningen (Vlaanderen) vraagt een hoger authenticatieniveau');
    expect(rawKeys(el)).to.deep.equal([]);
    $(el, '[part="step-up"] button').click();
    await el.updateComplete;
    const url = await chooseNoord(el);
    expect(url.searchParams.get('forceAuthn')).to.equal('true');
    expect(url.searchParams.get('level')).to.equal('loa3');
    expect(url.searchParams.get('app')).to.equal('app-b');
  });

  it('steps an eIDAS session up with eIDAS itself: the brokers that deliver EH4, the eIDAS service, its level and ForceAuthn', async () => {
    serve({ status: 401, body: refusal('step_up_required', { stepUp: { method: 'eidas', level: 'loa4' } }) }, eidasSite());
    const el = await chooser(html`<login-chooser lang="en" app="app-b" return-to="/b/"></login-chooser>`);
    $(el, '[part="step-up"] button').click();
    await el.updateComplete;
    // A supplier that cannot deliver level 4 cannot be chosen.
    expect($$(el, '[role=option]').filter((o) => o.getAttribute('aria-disabled') === 'true').map(text).join(' ')).to.contain('Zuid');
    const url = await chooseNoord(el);
    expect(url.pathname).to.equal('/poort/auth/eherkenning/start');
    expect(url.searchParams.get('service')).to.equal('eidas');
    expect(url.searchParams.get('level')).to.equal('loa4');
    expect(url.searchParams.get('forceAuthn')).to.equal('true');
    expect(url.searchParams.get('app')).to.equal('app-b');
  });

  it("shows a person without the rights the application's helpdesk text in their language, and no way into a login", async () => {
    serve({ status: 403, body: refusal('application_forbidden') });
    const el = await chooser(html`<login-chooser lang="nl-BE" app="app-b"></login-chooser>`);
    const refused = $(el, '[part="refused"]');
    expect(text(refused.querySelector('h2'))).to.equal('Geen toegang tot Vergunningen (Vlaanderen)');
    expect(text(refused)).to.contain('Bel gratis 1700.');
    expect($$(el, 'button[data-method]')).to.have.length(0);
    expect(rawKeys(el)).to.deep.equal([]);
  });

  it('shows the methods as usual when the session opens the application (the page shows it)', async () => {
    serve({ status: 200, body: {} });
    const el = await chooser(html`<login-chooser lang="en" app="app-b"></login-chooser>`);
    expect($$(el, 'button[data-method]').map((b) => b.dataset.method)).to.deep.equal(['eherkenning']);
  });
});
