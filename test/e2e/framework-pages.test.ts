// The demo pages built with Vue and with React 19 (issue 14 §3, §8), in real Chromium against a
// real server: the Vue page's language switch reaches every step of the widget (the e-mail form
// while it is open, the broker's page, the way back), and a person logs in with e-mail through
// the React page, with React 19's native custom-element support and with the @lit/react
// components React 18 sites use. Needs `npm run build` (the pages are served from dist/).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { resources } from '../support/widget-texts.js';
import type { Locale } from '../../contract/locales.js';
import { browserSession } from '../support/browser-session.js';

const password = 'een lang en goed wachtwoord';

// The server's public address is where its hand-over to the simulated broker and the way back go.
const site = browserSession({
  // Accounts before the server runs (PGlite: one process at a time).
  prepare: async ({ cli }) => {
    expect((await cli(['org', 'create', '--name', 'Gemeente Voorbeeld', '--domains', 'gemeente.example.nl'])).code).toBe(0);
    for (const name of ['rosa', 'ruben']) {
      expect((await cli(['user', 'create', '--email', `${name}@gemeente.example.nl`, '--password-stdin'], `${password}\n`)).code).toBe(0);
    }
  },
});

/** A fresh browser profile on `path`, failing the test on page errors (the 401 of a session check and the favicon excepted). */
async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  return site.open(path, { expectedConsoleErrors: (m) => /401/.test(m.text()) });
}

// The step's heading: the chooser's own, or in the e-mail step the form's (its one heading there).
const chooserHeading = (page: Page) => page.locator('login-chooser #heading, login-chooser poort-email-form h2').first().textContent();
const chooserLang = (page: Page) => page.locator('login-chooser section[part="base"]').getAttribute('lang');
const pickLanguage = (page: Page, locale: Locale) => page.locator(`input[name="lang"][value="${locale}"]`).check();

async function expectStep(page: Page, locale: Locale, heading: string) {
  await expect.poll(() => chooserHeading(page)).toBe(heading);
  expect(await chooserLang(page)).toBe(locale);
}

describe('the Vue page', () => {
  it('switches the widget\'s language at every step, the open e-mail form included', async () => {
    const { page, problems } = await open('/vue/');
    await expectStep(page, 'nl', resources.nl.title);
    for (const locale of ['en', 'nl-BE', 'nl'] as const) {
      await pickLanguage(page, locale);
      await expectStep(page, locale, resources[locale].title);
    }

    await page.locator('login-chooser button[data-method="eherkenning"]').click();
    for (const locale of ['en', 'nl-BE'] as const) {
      await pickLanguage(page, locale);
      await expectStep(page, locale, resources[locale].broker.heading);
      expect(await page.locator('login-chooser label[part="label"]').textContent()).toBe(resources[locale].broker.label);
    }

    await page.locator('login-chooser button[part~="back"]').click();
    await page.locator('login-chooser button[data-method="email"]').click();
    for (const locale of ['en', 'nl-BE', 'nl'] as const) {
      await pickLanguage(page, locale);
      await expectStep(page, locale, resources[locale].email.title);
      // The e-mail form in the chooser's light DOM follows while it is open.
      await expect.poll(() => page.locator('poort-email-form section').getAttribute('lang')).toBe(locale);
      expect(await page.locator('poort-email-form label').first().textContent()).toBe(resources[locale].email.emailLabel);
      expect(await page.locator('poort-email-form button.poort-submit').textContent()).toBe(resources[locale].email.submit);
    }
    expect(problems).toEqual([]);
  });

  it('keeps the chosen language through the broker and back: the broker\'s page and the error view speak it', async () => {
    const { page, problems } = await open('/vue/');
    await pickLanguage(page, 'en');
    await expectStep(page, 'en', resources.en.title);
    expect(new URL(page.url()).searchParams.get('poort-lang')).toBe('en');
    await page.locator('login-chooser button[data-method="eherkenning"]').click();
    await page.locator('login-chooser #search').fill('Noord');
    await page.locator('login-chooser [role=option]').first().click();
    await Promise.all([page.waitForURL(/\/dev\/brokers\/demo-noord\/sso/), page.locator('login-chooser button[part~="continue"]').click()]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await Promise.all([page.waitForURL(/\/vue\//), page.locator('button[value="cancelled"]').click()]);
    expect(await page.locator('input[name="lang"][value="en"]').isChecked()).toBe(true);
    await expectStep(page, 'en', resources.en.cancelled.heading);
    await pickLanguage(page, 'nl-BE');
    await expectStep(page, 'nl-BE', resources['nl-BE'].cancelled.heading);
    expect(problems).toEqual([]);
  });
});

describe('the React page', () => {
  async function logIn(page: Page, locale: Locale, email: string) {
    const t = resources[locale].email;
    await page.locator('login-chooser button[data-method="email"]').click();
    await page.getByLabel(t.emailLabel, { exact: true }).fill(email);
    await page.getByLabel(t.passwordLabel, { exact: true }).fill(password);
    await page.getByRole('button', { name: t.submit, exact: true }).click();
    await page.getByText(`Ingelogd als ${email}`, { exact: true }).waitFor();
    expect(await page.locator('#events').textContent()).toContain(`poort-login {"method":"email","user":{`);
    expect(await page.evaluate(async () => (await fetch('/poort/api/session')).status)).toBe(200);
  }

  it('logs in with e-mail through the element in React 19, which sets its properties and hears its events', async () => {
    const { page, problems } = await open('/react/');
    await expectStep(page, 'nl', resources.nl.title);
    await logIn(page, 'nl', 'rosa@gemeente.example.nl');
    expect(await page.locator('#events').textContent()).toContain('poort-method {"method":"email"}');
    expect(problems).toEqual([]);
  });

  it('logs in with e-mail through the @lit/react component, in the language chosen on the page', async () => {
    const { page, problems } = await open('/react/?poort-lang=en');
    await page.getByLabel('Met de @lit/react-componenten').check();
    await expectStep(page, 'en', resources.en.title);
    await pickLanguage(page, 'nl-BE');
    await expectStep(page, 'nl-BE', resources['nl-BE'].title);
    await pickLanguage(page, 'en');
    await expectStep(page, 'en', resources.en.title);
    await logIn(page, 'en', 'ruben@gemeente.example.nl');
    expect(problems).toEqual([]);
  });
});
