// The eHerkenning flow in a real browser against a real server process (as `npm start` runs it),
// driven through <login-chooser> the way a person would: method button → broker search → simulated
// broker (samlify) → ACS → back on the demo page, logged in and shown as such; and the cancel and
// no-authorisation paths ending in the widget's own error view. Debian Chromium via playwright-core.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession } from '../support/browser-session.js';

/** The widget's own texts, so the test follows the locale files instead of copying them. */
function locale(name: 'nl' | 'nl-BE') {
  return JSON.parse(readFileSync(new URL(`../../widget/locales/${name}.json`, import.meta.url), 'utf8')) as {
    method: { eherkenning: { button: string } };
    broker: { label: string; continue: string; required: string };
    technical: { heading: string; entityId: string; serviceId: string };
    cancelled: { heading: string };
    errors: Record<string, string>;
  };
}
const nl = locale('nl');
const nlBE = locale('nl-BE');

// The simulated brokers and the ACS URL derive from POORT_PUBLIC_URL, which the session sets to the
// real address. The server makes its own development keys: the first test checks that.
const site = browserSession({ freshKeys: true });

const openPage = (path: string, lang: string) => site.open(path, { locale: lang });

/** Status of GET /poort/api/session and its body, asked by the page itself (its cookie, its origin). */
function sessionFromPage(page: Page): Promise<{ status: number; body: unknown }> {
  return page.evaluate(async () => {
    const res = await fetch('/poort/api/session', { credentials: 'same-origin' });
    return { status: res.status, body: res.status === 200 ? await res.json() : null };
  });
}

/**
 * In the widget: eHerkenning, search the broker by part of its name, pick it, continue. With the
 * mouse, or with the keyboard only (the combobox's arrow keys and Enter), as people do both.
 */
async function chooseBroker(page: Page, texts: typeof nl, search: string, broker: string, by: 'mouse' | 'keyboard' = 'mouse'): Promise<void> {
  const widget = page.locator('login-chooser');
  const method = widget.getByRole('button', { name: texts.method.eherkenning.button });
  if (by === 'mouse') await method.click();
  else await method.press('Enter');
  const combobox = widget.getByRole('combobox', { name: texts.broker.label });
  await combobox.pressSequentially(search);
  const option = widget.getByRole('option', { name: broker });
  if (by === 'mouse') {
    await option.click();
  } else {
    await option.waitFor();
    await combobox.press('ArrowDown');
    await combobox.press('Enter');
  }
  await expect.poll(() => combobox.inputValue()).toBe(broker);
  if (by === 'mouse') await widget.getByRole('button', { name: texts.broker.continue, exact: true }).click();
  else await combobox.press('Enter'); // with a broker chosen, Enter in the field means "Verder"
  await page.waitForURL(/\/poort\/dev\/brokers\/.+\/sso$/);
}

describe('eHerkenning in the browser', () => {
  it("made the SP's development SAML keys under POORT_DATA_DIR on first start, and a simulated broker's at its first use", async () => {
    const made = (name: string) => existsSync(join(site.dataDir, 'keys', `${name}.key`)) && existsSync(join(site.dataDir, 'keys', `${name}.crt`));
    expect(made('sp-signing')).toBe(true);
    expect(made('sp-encryption')).toBe(true);
    expect(made('dev-broker-demo-zuid')).toBe(false);
    const metadata = await fetch(`${site.base}/poort/dev/brokers/demo-zuid/metadata`);
    expect(metadata.status).toBe(200);
    expect(await metadata.text()).toContain('IDPSSODescriptor');
    expect(made('dev-broker-demo-zuid')).toBe(true);
  });

  it('logs in from the widget through the POST broker and shows who is logged in on the demo page', async () => {
    const { page, cspViolations } = await openPage('/', 'nl-NL');
    await chooseBroker(page, nl, 'noord', 'Demo Leverancier Noord');
    await page.getByRole('button', { name: /Inloggen als Jan de Vries/ }).click();
    await page.waitForURL(`${site.base}/`);

    const session = await sessionFromPage(page);
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ method: 'eherkenning', level: 'loa2plus', attributes: { kvk: '90001234', broker: 'demo-noord', companyName: 'Bakkerij De Korenschoof B.V.' } });
    const status = page.locator('#session-status');
    await expect.poll(() => status.textContent()).toMatch(/Ingelogd namens Bakkerij De Korenschoof B\.V\. \(KvK-nummer 90001234\) \(eHerkenning, niveau 2\+\)/);
    expect(await page.locator('login-chooser').isVisible()).toBe(false);
    // The same session on the English page, in English.
    await page.goto(`${site.base}/en/`);
    await expect.poll(() => status.textContent()).toMatch(/Logged in for Bakkerij De Korenschoof B\.V\. \(KvK number 90001234\) \(eHerkenning, level 2\+\)/);
    await page.goto(`${site.base}/`);

    // Logging out from the demo page ends the session server-side, says so with focus on that
    // heading, and brings a fresh widget back.
    await status.getByRole('button', { name: 'Uitloggen' }).click();
    const loggedOut = status.getByRole('heading', { name: 'U bent uitgelogd' });
    await loggedOut.waitFor();
    expect(await loggedOut.evaluate((h) => h === document.activeElement)).toBe(true);
    await page.locator('login-chooser').getByRole('button', { name: nl.method.eherkenning.button }).waitFor();
    expect((await sessionFromPage(page)).status).toBe(401);
    expect(cspViolations).toEqual([]);
  });

  it('logs in from the Flemish page through the Artifact broker', async () => {
    const { page, cspViolations } = await openPage('/vl/', 'nl-BE');
    await chooseBroker(page, nlBE, 'zuid', 'Demo Leverancier Zuid', 'keyboard');
    // The simulated broker speaks the language it was sent in with, so Flemish here.
    await page.getByRole('button', { name: /Aanmelden als Fatima El Amrani/ }).click();
    await page.waitForURL(`${site.base}/vl/`);

    const session = await sessionFromPage(page);
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ method: 'eherkenning', level: 'loa2plus', attributes: { kvk: '90005678', vestigingsnr: '000012345678', broker: 'demo-zuid' } });
    const status = page.locator('#session-status');
    await expect.poll(() => status.textContent()).toMatch(/Aangemeld namens Installatiebedrijf Noorderlicht \(KvK-nummer 90005678, vestiging 000012345678\) \(eHerkenning, niveau 2\+\)/);
    await status.getByRole('button', { name: 'Afmelden' }).waitFor();
    expect(cspViolations).toEqual([]);
  });

  it('shows the widget\'s "cancelled" error view after "Annuleren", with the code gone from the address', async () => {
    const { page, cspViolations } = await openPage('/', 'nl-NL');
    await chooseBroker(page, nl, 'noord', 'Demo Leverancier Noord');
    await page.getByRole('button', { name: 'Annuleren' }).click();
    const widget = page.locator('login-chooser');
    await widget.getByText(nl.errors.cancelled!).waitFor();
    await widget.getByRole('heading', { name: nl.cancelled.heading }).waitFor();
    // The widget takes the code out of the address, so a reload or a shared link does not repeat it.
    await expect.poll(() => page.url()).toBe(`${site.base}/`);
    expect((await sessionFromPage(page)).status).toBe(401);
    expect(cspViolations).toEqual([]);
  });

  it('shows the "no_authorisation" error view with the details for the eHerkenning administrator', async () => {
    const { page, cspViolations } = await openPage('/', 'nl-NL');
    await chooseBroker(page, nl, 'noord', 'Demo Leverancier Noord');
    await page.getByRole('button', { name: 'Geen machtiging' }).click();
    const widget = page.locator('login-chooser');
    await widget.getByText(nl.errors.no_authorisation!).waitFor();
    const technical = widget.getByRole('region', { name: nl.technical.heading });
    await technical.waitFor();
    const config = await page.evaluate(async () => (await fetch('/poort/api/config')).json());
    const { entityId, serviceId } = (config as { eherkenning: { entityId: string; serviceId: string } }).eherkenning;
    expect(entityId).toBeTruthy();
    expect(serviceId).toBeTruthy();
    for (const [label, value] of [
      [nl.technical.entityId, entityId],
      [nl.technical.serviceId, serviceId],
    ]) {
      await technical.getByText(label!, { exact: true }).waitFor();
      await technical.getByText(value!, { exact: true }).waitFor();
    }
    await expect.poll(() => page.url()).toBe(`${site.base}/`);
    expect((await sessionFromPage(page)).status).toBe(401);
    expect(cspViolations).toEqual([]);
  });

  it('lists a broker that only offers a lower level as disabled, and it cannot be chosen', async () => {
    const { page } = await openPage('/', 'nl-NL');
    const widget = page.locator('login-chooser');
    await widget.getByRole('button', { name: nl.method.eherkenning.button }).click();
    const combobox = widget.getByRole('combobox', { name: nl.broker.label });
    await combobox.pressSequentially('demo');
    const low = widget.getByRole('option', { name: /Demo Éénvoudig Inloggen/ });
    await low.waitFor();
    expect(await low.getAttribute('aria-disabled')).toBe('true');
    // A click on it (forced past playwright's own "disabled" check, as a user's mouse would be)
    // chooses nothing; "Verder" then asks for a broker instead of leaving the site.
    await low.click({ force: true });
    expect(await low.getAttribute('aria-selected')).toBe('false');
    expect(await combobox.inputValue()).toBe('demo');
    await widget.getByRole('button', { name: nl.broker.continue, exact: true }).click();
    await widget.getByText(nl.broker.required).waitFor();
    expect(page.url()).toBe(`${site.base}/`);
  });
});

describe('return paths and refusals in the browser (W10, issue 10 items 1 and 12)', () => {
  it('follows a return path with dot segments to its normalised place on the site after logging in', async () => {
    const { page, cspViolations } = await openPage(`/poort/auth/eherkenning/start?broker=demo-noord&returnTo=${encodeURIComponent('/vl/./x/%2e%2e/')}`, 'nl-NL');
    await page.waitForURL(/\/poort\/dev\/brokers\/demo-noord\/sso$/);
    await page.getByRole('button', { name: /Inloggen als Jan de Vries/ }).click();
    await page.waitForURL(`${site.base}/vl/`);
    expect((await sessionFromPage(page)).status).toBe(200);
    expect(cspViolations).toEqual([]);
  });

  for (const returnTo of ['/.//evil.example', '/x/..//evil.example', '/%2e%2e//evil.example', 'https:evil.example']) {
    it(`stays on the site for returnTo=${returnTo}: a refusal page in Dutch with a way back to the site`, async () => {
      const { page, cspViolations } = await openPage(`/poort/auth/eherkenning/start?broker=demo-noord&returnTo=${encodeURIComponent(returnTo)}`, 'nl-NL');
      await page.getByRole('heading', { name: 'Inloggen is niet gelukt' }).waitFor();
      expect(await page.locator('[data-poort-code]').textContent()).toBe('invalid_return_to');
      expect(new URL(page.url()).origin).toBe(site.base);
      await page.getByRole('link', { name: 'Terug naar de site' }).click();
      await page.waitForURL(`${site.base}/`);
      expect(cspViolations).toEqual([]);
      });
  }

  it('answers an address with nothing behind it with an English page when the browser speaks English', async () => {
    const { page } = await openPage('/poort/auth/nowhere/start?returnTo=/en/', 'en-GB');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Back to the site' }).click();
    await page.waitForURL(`${site.base}/en/`);
  });
});
