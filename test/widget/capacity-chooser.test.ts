/// <reference types="mocha" />
// <poort-capacity-chooser> on its own and as the capacity step of <login-chooser> after a Flemish
// government (ACM/IDM) login that offered several capacities: "as a citizen" or "as an employee of
// organisation X", keyboard only, the choice posted to the organisations switch (null for the
// citizen), refusals explained, no raw keys and no axe violations in nl, nl-BE and en.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widget/src/capacities/poort-capacity-chooser.js';
import '../../widget/src/login-chooser.js';
import type { PoortCapacityChooser } from '../../widget/src/capacities/poort-capacity-chooser.js';
import type { CapacitiesView, SessionView } from '../../contract/api-schemas.js';
import type { PoortCapacityDetail } from '../../widget/src/events.js';
import { locales } from '../../contract/locales.js';
import { $, chooser, restoreFetch, siteConfig, text } from './support.js';

const bakery = { id: '11111111-1111-4111-8111-111111111111', name: "Bakkerij 't Hoekske BV", identifiers: { kbo: '0410203003' } };
const town = { id: '22222222-2222-4222-8222-222222222222', name: 'Gemeente Voorbeeldegem', identifiers: { kbo: '0207123407' } };
const pending: CapacitiesView = {
  capacity: null,
  actingFor: null,
  choiceNeeded: true,
  capacities: [
    { code: 'BUR', organisation: null },
    { code: 'EA', organisation: bakery },
    { code: 'LB', organisation: town },
  ],
};

function acmidmSession(choiceNeeded: boolean): SessionView {
  return {
    user: { id: 'u1', email: null, displayName: 'Marie Peeters', role: 'user' },
    method: 'acmidm',
    level: 'loa4',
    actingFor: null,
    organisationChoiceNeeded: choiceNeeded,
    attributes: { capacity: 'BUR' },
    expiresAt: new Date(Date.now() + 60_000).toISOString(),
    absoluteExpiresAt: new Date(Date.now() + 60_000).toISOString(),
  };
}

const realFetch = window.fetch;
let switches: { organisationId: string | null }[] = [];

function serveBff(options: { capacities?: CapacitiesView | null; session?: SessionView | null; switchAnswer?: () => Response } = {}) {
  switches = [];
  const { capacities = pending, session = null } = options;
  window.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const unauthenticated = () => Response.json({ error: { code: 'unauthenticated', message: '' } }, { status: 401 });
    if (url.endsWith('/api/config')) return Response.json(siteConfig({ methods: ['acmidm', 'eherkenning', 'email'] }));
    if (url.endsWith('/api/session')) return session ? Response.json(session) : unauthenticated();
    if (url.endsWith('/api/capacities')) return capacities ? Response.json(capacities) : unauthenticated();
    if (url.endsWith('/api/organisations/switch')) {
      const body = JSON.parse(String(init?.body)) as { organisationId: string | null };
      switches.push(body);
      if (options.switchAnswer) return options.switchAnswer();
      return Response.json(acmidmSession(false));
    }
    return realFetch(input, init);
  };
}

async function capacityChooser(lang = 'nl-BE'): Promise<PoortCapacityChooser> {
  const el = await fixture<PoortCapacityChooser>(html`<poort-capacity-chooser lang=${lang} bff="/poort"></poort-capacity-chooser>`);
  await el.updateComplete;
  return el;
}

const inside = <T extends Element = HTMLElement>(el: PoortCapacityChooser, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const radios = (el: PoortCapacityChooser) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
const submit = (el: PoortCapacityChooser) => inside(el, 'form').dispatchEvent(new SubmitEvent('submit', { cancelable: true }));

describe('<poort-capacity-chooser>', () => {
  afterEach(() => {
    window.fetch = realFetch;
    restoreFetch();
  });

  it('renders nothing for a visitor who is not logged in, or a login with one capacity', async () => {
    serveBff({ capacities: null });
    expect(text((await capacityChooser()).shadowRoot)).to.equal('');
    serveBff({ capacities: { capacity: 'BUR', actingFor: null, choiceNeeded: false, capacities: [{ code: 'BUR', organisation: null }] } });
    expect((await capacityChooser()).asking).to.equal(false);
  });

  it('offers the citizen capacity and each organisation with its kind and enterprise number, in Flemish', async () => {
    serveBff();
    const el = await capacityChooser('nl-BE');
    expect(text(inside(el, 'h2'))).to.equal('In welke hoedanigheid meldt u zich aan?');
    const labels = [...el.shadowRoot!.querySelectorAll('label')].map((l) => text(l));
    expect(labels).to.deep.equal([
      'Als burger voor uzelf, als burger',
      "Als medewerker van Bakkerij 't Hoekske BV onderneming · ondernemingsnummer 0410203003",
      'Als medewerker van Gemeente Voorbeeldegem lokaal bestuur · ondernemingsnummer 0207123407',
    ]);
  });

  it('asks to choose first when nothing is chosen, and posts nothing', async () => {
    serveBff();
    const el = await capacityChooser('en');
    submit(el);
    await waitUntil(() => text(inside(el, '[role="alert"]')) !== '', 'no error shown', { timeout: 5000 });
    expect(text(inside(el, '[role="alert"]'))).to.equal('Choose a capacity first.');
    expect(switches).to.deep.equal([]);
  });

  it('is operated by keyboard alone: the arrow keys choose, Enter sends the organisation id, and the event names the capacity', async () => {
    serveBff();
    const el = await capacityChooser('nl-BE');
    const events: PoortCapacityDetail[] = [];
    el.addEventListener('poort-capacity', (e) => events.push(e.detail));
    radios(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(radios(el)[2]!.checked).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => events.length === 1, 'no poort-capacity event', { timeout: 5000 });
    expect(switches).to.deep.equal([{ organisationId: town.id }]);
    expect(events[0]!.capacity).to.deep.equal({ code: 'LB', organisation: town });
    expect(text(el.shadowRoot!.querySelector('[role="status"]'))).to.equal('U bent nu aangemeld: Als medewerker van Gemeente Voorbeeldegem.');
  });

  it('sends null for the citizen capacity', async () => {
    serveBff();
    const el = await capacityChooser('nl');
    radios(el)[0]!.click();
    submit(el);
    await waitUntil(() => switches.length === 1, 'no switch posted', { timeout: 5000 });
    expect(switches).to.deep.equal([{ organisationId: null }]);
  });

  it('explains a refusal in the person’s language (a capacity the login did not offer)', async () => {
    serveBff({ switchAnswer: () => Response.json({ error: { code: 'capacity_not_offered', message: 'x' } }, { status: 403 }) });
    const el = await capacityChooser('nl-BE');
    radios(el)[1]!.click();
    submit(el);
    await waitUntil(() => text(inside(el, '[role="alert"]')) !== '', 'no error shown', { timeout: 5000 });
    expect(text(inside(el, '[role="alert"]'))).to.contain('bood deze hoedanigheid niet aan');
  });

  for (const locale of locales) {
    it(`has no raw keys and no axe violations in ${locale}, also with an error shown`, async () => {
      serveBff();
      const el = await capacityChooser(locale);
      expect((el.shadowRoot!.textContent ?? '').match(/\b[a-z]+(?:\.[a-zA-Z_]+)+\b/g) ?? []).to.deep.equal([]);
      await expect(el).to.be.accessible();
      submit(el);
      await waitUntil(() => text(inside(el, '[role="alert"]')) !== '', 'no error shown', { timeout: 5000 });
      await expect(el).to.be.accessible();
    });
  }
});

describe('<login-chooser> capacity step', () => {
  afterEach(() => {
    window.fetch = realFetch;
    restoreFetch();
  });

  it('asks for the capacity when the page opens after an ACM/IDM login that offered several, and focuses the question', async () => {
    serveBff({ session: acmidmSession(true) });
    const el = await chooser(html`<login-chooser lang="nl-BE"></login-chooser>`);
    const inner = $<PoortCapacityChooser>(el, 'poort-capacity-chooser');
    expect(inner).to.not.equal(null);
    expect($(el, 'poort-organisation-chooser')).to.equal(null);
    await inner.updateComplete;
    await waitUntil(() => inner.shadowRoot!.activeElement === inner.shadowRoot!.querySelector('h2'), 'the heading did not get the focus', { timeout: 5000 });
    await expect(el).to.be.accessible();
  });

  it('offers "Aanmelden via de Vlaamse overheid" first on a Flemish page and leads to its start route', async () => {
    serveBff();
    const el = await chooser(html`<login-chooser lang="nl-BE" methods="acmidm eherkenning email"></login-chooser>`);
    const first = el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="method"]')!;
    expect(first.dataset.method).to.equal('acmidm');
    expect(text(first)).to.equal('Aanmelden via de Vlaamse overheid');
  });
});
