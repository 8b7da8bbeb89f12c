/// <reference types="mocha" />
// <poort-add-organisation> ("Account toevoegen") in Chromium, the BFF stubbed: a code adds the
// organisation and says which; a refused code shows its own text; an empty field is caught first.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../widget/src/linking/poort-add-organisation.js';
import type { PoortAddOrganisation } from '../../widget/src/linking/poort-add-organisation.js';
import type { PoortOrganisationAddedDetail } from '../../widget/src/events.js';
import nl from '../../widget/locales/nl.json';

const realFetch = window.fetch;
let sent: unknown[] = [];
function answer(status: number, body: unknown) {
  sent = [];
  window.fetch = async (_input: RequestInfo | URL, init?: RequestInit) => {
    sent.push(JSON.parse(String(init?.body ?? 'null')));
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
}
afterEach(() => {
  window.fetch = realFetch;
});
const patient = { timeout: 8_000 };

async function submitCode(el: PoortAddOrganisation, code: string) {
  el.querySelector<HTMLInputElement>('input[name="code"]')!.value = code;
  el.querySelector('form')!.requestSubmit();
}

describe('<poort-add-organisation>', () => {
  it('adds the organisation of a code, says which, and fires poort-organisation-added; passes axe', async () => {
    const added = { organisation: { id: 'o2', name: 'Stichting Primair' }, role: 'user' };
    answer(201, added);
    const el = await fixture<PoortAddOrganisation>(html`<poort-add-organisation lang="nl" bff="/poort"></poort-add-organisation>`);
    await expect(el).to.be.accessible();
    const event = oneEvent(el, 'poort-organisation-added');
    await submitCode(el, ' 7K3M-Q9TA-2XHB-RP4D ');
    expect(((await event) as CustomEvent<PoortOrganisationAddedDetail>).detail).to.deep.equal(added);
    expect(sent).to.deep.equal([{ code: '7K3M-Q9TA-2XHB-RP4D' }]);
    await waitUntil(() => el.querySelector('[role="status"]')?.textContent?.includes('Stichting Primair'), 'no confirmation', patient);
  });

  it('shows the text of a refused code, and asks for a code before calling the BFF', async () => {
    answer(410, { error: { code: 'code_used', message: 'used' } });
    const el = await fixture<PoortAddOrganisation>(html`<poort-add-organisation lang="nl" bff="/poort"></poort-add-organisation>`);
    await submitCode(el, '');
    await waitUntil(() => el.querySelector('[aria-invalid="true"]'), 'empty field not marked', patient);
    expect(sent).to.have.length(0);
    await submitCode(el, '7K3M-Q9TA-2XHB-RP4D');
    await waitUntil(() => el.querySelector('[role="alert"]')!.textContent!.trim() === nl.errors.code_used, 'no code_used text', patient);
  });
});
