// Applications behind one Poort in a real browser (issue 15): log in to application A with
// eHerkenning through the simulated broker, open the Dutch loket without logging in again (single
// sign-on), open the stronger application B and step up to level 3 (a new login with ForceAuthn),
// and log out of every application at once; then the same with the Flemish government's login
// (ACM/IDM), choosing a capacity. A real server process (as `npm start` runs it) and Debian
// Chromium via playwright-core.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readWidgetTexts } from '../../bff/src/texts/widget-text-files.js';
import { browserSession } from '../support/browser-session.js';

type WidgetTexts = {
  method: { eherkenning: { button: string }; acmidm: { button: string } };
  capacities: { heading: string; employee: string };
  broker: { label: string; continue: string };
  application: { stepUp: { heading: string; continue: string } };
};
/** The widget's own Flemish texts (its steps' too), so the test follows the locale files instead of copying them. */
const nlBE = readWidgetTexts('nl-BE') as unknown as WidgetTexts;

const site = browserSession();

/** A page of its own in Flemish; the 4xx answers of session checks (before a login, a step-up) are expected in its console. */
const openFlemishPage = () => site.open(undefined, { locale: 'nl-BE', expectedConsoleErrors: (m) => /status of 4\d\d/.test(m.text()) });

function sessionFor(page: Page, app: string): Promise<{ status: number; body: { level?: string; organisationChoiceNeeded?: boolean; attributes?: Record<string, string>; error?: { code: string } } }> {
  return page.evaluate(async (id) => {
    const res = await fetch(`/poort/api/session?app=${id}`, { credentials: 'same-origin' });
    return { status: res.status, body: await res.json() };
  }, app);
}

/** eHerkenning in the widget, the broker found by part of its name; ends on the simulated broker's page. */
async function throughBroker(page: Page, startWithMethod: boolean): Promise<void> {
  const widget = page.locator('login-chooser');
  if (startWithMethod) await widget.getByRole('button', { name: nlBE.method.eherkenning.button }).click();
  const combobox = widget.getByRole('combobox', { name: nlBE.broker.label });
  await combobox.pressSequentially('noord');
  await widget.getByRole('option', { name: 'Demo Leverancier Noord' }).click();
  await widget.getByRole('button', { name: nlBE.broker.continue, exact: true }).click();
  await page.waitForURL(/\/poort\/dev\/brokers\/demo-noord\/sso$/);
}

describe('applications behind one Poort in the browser', () => {
  it('logs in to A, opens the loket without a new login, steps up for B, and logs out of every application', async () => {
    const { page, cspViolations } = await openFlemishPage();
    const base = site.base;
    // Every AuthnRequest the browser carries to a broker, to check the step-up's.
    const authnRequests: string[] = [];
    page.on('request', (request) => {
      if (!/\/dev\/brokers\/[^/]+\/sso$/.test(request.url()) || request.method() !== 'POST') return;
      const saml = new URLSearchParams(request.postData() ?? '').get('SAMLRequest');
      if (saml) authnRequests.push(Buffer.from(saml, 'base64').toString('utf8'));
    });
    const status = page.locator('#session-status');

    // 1. Application A: the widget offers its methods; eHerkenning through the simulated broker.
    await page.goto(`${base}/vl/app-a/`);
    await throughBroker(page, true);
    await page.getByRole('button', { name: /Aanmelden als Jan de Vries/ }).click();
    await page.waitForURL(`${base}/vl/app-a/`);
    await expect.poll(() => status.textContent()).toMatch(/Aangemeld namens Bakkerij De Korenschoof B\.V\. \(KvK-nummer 90001234\) \(eHerkenning, niveau 2\+\)/);
    // Need-to-know: A sees the company and its number, not the broker.
    await expect.poll(() => status.locator('dl[data-seen]').textContent()).toMatch(/kvk\s*90001234/);
    expect(await status.locator('dl[data-seen]').textContent()).not.toMatch(/broker/);
    expect(authnRequests).toHaveLength(1);
    expect(authnRequests[0]).toContain('assurance-class:loa2plus');

    // 2. The Dutch loket: the same session opens it, nobody goes to a broker.
    await page.goto(`${base}/loket/`);
    await expect.poll(() => status.textContent()).toMatch(/U bent ingelogd.*Ingelogd namens Bakkerij De Korenschoof B\.V\./s);
    expect(await page.locator('login-chooser').isVisible()).toBe(false);
    expect(authnRequests).toHaveLength(1);

    // 3. Application B needs level 3: the widget asks for a step-up; the new login asks the broker
    //    for at least level 3 with ForceAuthn, and the session then carries level 3.
    await page.goto(`${base}/vl/app-b/`);
    const widget = page.locator('login-chooser');
    await widget.getByRole('heading', { name: nlBE.application.stepUp.heading }).waitFor();
    expect((await sessionFor(page, 'app-b')).body.error?.code).toBe('step_up_required');
    await widget.getByRole('button', { name: nlBE.application.stepUp.continue }).click();
    // A broker that cannot deliver level 3 cannot be chosen.
    await widget.getByRole('combobox', { name: nlBE.broker.label }).waitFor();
    expect(await widget.getByRole('option', { name: /Demo Éénvoudig Inloggen/ }).getAttribute('aria-disabled')).toBe('true');
    await throughBroker(page, false);
    await page.getByRole('button', { name: /Aanmelden als Jan de Vries/ }).click();
    await page.waitForURL(`${base}/vl/app-b/`);
    expect(authnRequests).toHaveLength(2);
    expect(authnRequests[1]).toContain('assurance-class:loa3');
    expect(authnRequests[1]).toContain('ForceAuthn="true"');
    await expect.poll(() => status.textContent()).toMatch(/\(eHerkenning, niveau 3\)/);
    expect((await sessionFor(page, 'app-b')).body.level).toBe('loa3');
    // B sees no e-mail address and no broker.
    expect(Object.keys((await sessionFor(page, 'app-b')).body.attributes ?? {}).sort()).toEqual(['companyName', 'kvk']);

    // 4. Back to A: open at the higher level, no new login.
    await page.goto(`${base}/vl/app-a/`);
    await expect.poll(() => status.textContent()).toMatch(/\(eHerkenning, niveau 3\)/);
    expect(authnRequests).toHaveLength(2);

    // 5. Log out of every application: Poort's page says so and names them; none opens any more.
    await status.getByRole('button', { name: 'Afmelden bij alle toepassingen' }).click();
    await page.waitForURL(`${base}/poort/auth/logout`);
    await page.getByRole('heading', { name: 'U bent afgemeld' }).waitFor();
    const listed = await page.locator('[data-poort-applications] li').allTextContents();
    expect(listed).toEqual(['Subsidieloket (toepassing A)', 'Vergunningen (toepassing B)', 'Ondernemersloket']);
    await page.getByRole('link', { name: 'Terug naar de website' }).click();
    await page.waitForURL(`${base}/vl/app-a/`);
    await widget.getByRole('button', { name: nlBE.method.eherkenning.button }).waitFor();
    for (const app of ['app-a', 'app-b', 'loket']) expect((await sessionFor(page, app)).status).toBe(401);
    expect(cspViolations).toEqual([]);
  });
});

describe('applications behind one Poort with the Flemish government login (ACM/IDM)', () => {
  it('logs in to A choosing a capacity, opens the loket without a new login, steps up for B with a stronger means, and logs out of every application', async () => {
    const { page, problems, cspViolations } = await openFlemishPage();
    const base = site.base;
    // Every AuthnRequest the browser carries to the simulated ACM/IDM IdP.
    const authnRequests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().endsWith('/poort/dev/acmidm/sso') || request.method() !== 'POST') return;
      const saml = new URLSearchParams(request.postData() ?? '').get('SAMLRequest');
      if (saml) authnRequests.push(Buffer.from(saml, 'base64').toString('utf8'));
    });
    const status = page.locator('#session-status');
    const widget = page.locator('login-chooser');
    const bakery = nlBE.capacities.employee.replace('{{name}}', "Bakkerij 't Hoekske BV");

    // 1. Application A takes the site's ACM/IDM level (3): a security code will do. Then the capacity.
    await page.goto(`${base}/vl/app-a/`);
    await widget.getByRole('button', { name: nlBE.method.acmidm.button }).click();
    await page.waitForURL(`${base}/poort/dev/acmidm/sso`);
    expect(authnRequests).toHaveLength(1);
    expect(authnRequests[0]).toContain('urn:be:vlaanderen:authmech:csamtotp');
    expect(authnRequests[0]).not.toContain('urn:be:vlaanderen:authmech:password');
    await page.getByRole('radio', { name: /^csamtotp/ }).check();
    await page.getByRole('button', { name: 'Aanmelden als Marie Peeters' }).click();
    await page.waitForURL(`${base}/vl/app-a/`);
    await widget.getByRole('heading', { name: nlBE.capacities.heading }).waitFor();
    await widget.getByRole('radio', { name: new RegExp(bakery) }).check();
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toMatch(/\(Vlaamse overheid, niveau 3\), voor Bakkerij 't Hoekske BV/);
    const atA = (await sessionFor(page, 'app-a')).body;
    expect(atA.level).toBe('loa3');
    expect(atA.attributes).toMatchObject({ capacity: 'EA' });

    // 2. The (Dutch-language) loket takes the Flemish login at level 2 and up: open, nobody goes to the IdP.
    await page.goto(`${base}/loket/`);
    await expect.poll(() => status.textContent()).toMatch(/U bent ingelogd.*\(Vlaamse overheid, niveau 3\), voor Bakkerij 't Hoekske BV/s);
    expect(await widget.isVisible()).toBe(false);
    expect(authnRequests).toHaveLength(1);

    // 3. B needs level 4 from ACM/IDM: the step-up asks the IdP again (ForceAuthn) for eID or itsme only.
    await page.goto(`${base}/vl/app-b/`);
    await widget.getByRole('heading', { name: nlBE.application.stepUp.heading }).waitFor();
    expect((await sessionFor(page, 'app-b')).body.error?.code).toBe('step_up_required');
    await widget.getByRole('button', { name: nlBE.application.stepUp.continue }).click();
    await page.waitForURL(`${base}/poort/dev/acmidm/sso`);
    expect(authnRequests).toHaveLength(2);
    expect(authnRequests[1]).toContain('ForceAuthn="true"');
    expect(authnRequests[1]).toContain('authmech:itsme');
    expect(authnRequests[1]).not.toContain('authmech:csamtotp');
    expect(await page.getByRole('radio', { name: /^csamtotp/ }).count()).toBe(0);
    await page.getByRole('radio', { name: /^itsme/ }).check();
    await page.getByRole('button', { name: 'Aanmelden als Marie Peeters' }).click();
    await page.waitForURL(`${base}/vl/app-b/`);
    // A new login: the capacity is asked again, since the person may act differently now. The
    // session says so before anything is shown (the demo page's status line shows the level while
    // the choice is still open, so it cannot tell).
    expect((await sessionFor(page, 'app-b')).body.organisationChoiceNeeded).toBe(true);
    await widget.getByRole('heading', { name: nlBE.capacities.heading }).waitFor();
    await widget.getByRole('radio', { name: new RegExp(bakery) }).check();
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toMatch(/\(Vlaamse overheid, niveau 4\), voor Bakkerij 't Hoekske BV/);
    expect((await sessionFor(page, 'app-b')).body.level).toBe('loa4');

    // 4. Back to A: open at the higher level, no new login.
    await page.goto(`${base}/vl/app-a/`);
    await expect.poll(() => status.textContent()).toMatch(/niveau 4/);
    expect(authnRequests).toHaveLength(2);

    // 5. Log out everywhere: none of the applications opens any more.
    await status.getByRole('button', { name: 'Afmelden bij alle toepassingen' }).click();
    await page.waitForURL(`${base}/poort/auth/logout`);
    await page.getByRole('heading', { name: 'U bent afgemeld' }).waitFor();
    for (const app of ['app-a', 'app-b', 'loket']) expect((await sessionFor(page, app)).status).toBe(401);
    expect(problems).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
