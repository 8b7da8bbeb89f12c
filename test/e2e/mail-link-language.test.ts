// A mail link keeps its language (issue 14 §3): the mails go out over real SMTP in the account's
// language, and their links, opened in a fresh browser that prefers another language, show the
// demo account page and <poort-email-form> in the mail's language: the invitation, the
// notification-address confirmation and the password reset.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { resources } from '../support/widget-texts.js';
import { browserSession } from '../support/browser-session.js';
import { linkIn } from '../support/smtp.js';

const site = browserSession({
  smtp: true,
  // Accounts before the server runs (PGlite: one process at a time).
  prepare: async ({ cli }) => {
    expect((await cli(['org', 'create', '--name', 'Gemeente Voorbeeld', '--domains', 'gemeente.example.nl'])).code).toBe(0);
    expect((await cli(['user', 'create', '--email', 'an@gemeente.example.nl', '--name', 'An', '--locale', 'nl-BE'])).code).toBe(0);
    expect((await cli(['user', 'create', '--email', 'tom@gemeente.example.nl', '--password-stdin'], 'een lang en goed wachtwoord\n')).code).toBe(0);
  },
});

/** A new browser profile (no cookies, no storage) whose own language is `browserLocale`. */
async function freshBrowser(browserLocale: string): Promise<Page> {
  return (await site.open(undefined, { locale: browserLocale })).page;
}

async function mailTo(address: string, count = 1) {
  await expect.poll(() => site.smtp.mails.filter((m) => m.to && 'text' in m.to && m.to.text === address).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(count);
  return site.smtp.mails.filter((m) => m.to && 'text' in m.to && m.to.text === address).at(count - 1)!;
}

const formHeading = (page: Page) => page.locator('poort-email-form h2').textContent();
const documentLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

describe('a mail link opened in a fresh browser', () => {
  it('a Flemish invitation opens the account page in nl-BE in an English browser; so does the notification-address confirmation', async () => {
    const t = resources['nl-BE'];
    const invitation = await mailTo('an@gemeente.example.nl');
    expect(invitation.subject).toContain('Voorbeeld');
    const link = linkIn(invitation);
    expect(link.searchParams.get('poort-lang')).toBe('nl-BE');

    const page = await freshBrowser('en-GB');
    await page.goto(link.href);
    await expect.poll(() => formHeading(page)).toBe(t.email.invitation.title);
    expect(await documentLang(page)).toBe('nl-BE');
    expect(await page.locator('header').textContent()).toContain('aanmelden met e-mailadres');
    expect(await page.locator('poort-email-form section').getAttribute('lang')).toBe('nl-BE');

    await page.getByLabel(t.email.newPasswordLabel, { exact: true }).fill('zomer aan de Noordzee');
    await page.getByLabel(t.email.confirmPasswordLabel).fill('zomer aan de Noordzee');
    await page.getByRole('button', { name: t.email.invitation.submit }).click();
    await page.getByText(t.email.passwordSet).waitFor();
    await page.getByLabel(t.email.passwordLabel, { exact: true }).fill('zomer aan de Noordzee');
    await page.getByRole('button', { name: t.email.submit, exact: true }).click();
    await page.locator('#session-status button').waitFor();

    // A notification address: its confirmation mail is Flemish too, and so is the page it opens.
    const status = await page.evaluate(async () =>
      (await fetch('/poort/api/me/preferences', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ notificationEmail: 'team@gemeente.example.nl' }) })).status,
    );
    expect(status).toBe(200);
    const confirmation = linkIn(await mailTo('team@gemeente.example.nl'));
    expect(confirmation.searchParams.get('poort-lang')).toBe('nl-BE');
    const other = await freshBrowser('en-US');
    await other.goto(confirmation.href);
    await other.getByText(t.email.confirmEmail.done.replace('{{email}}', 'team@gemeente.example.nl')).waitFor();
    expect(await documentLang(other)).toBe('nl-BE');
  });

  it('an English reset mail opens the reset form in English in a Dutch browser', async () => {
    const t = resources.en;
    const page = await freshBrowser('nl-NL');
    await page.goto(`${site.base}/en/`);
    const status = await page.evaluate(async () =>
      (await fetch('/poort/api/password/forgot', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'tom@gemeente.example.nl', locale: 'en' }) })).status,
    );
    expect(status).toBe(202);
    const link = linkIn(await mailTo('tom@gemeente.example.nl'));
    expect(link.searchParams.get('poort-lang')).toBe('en');

    const fresh = await freshBrowser('nl-NL');
    await fresh.goto(link.href);
    await expect.poll(() => formHeading(fresh)).toBe(t.email.reset.title);
    expect(await documentLang(fresh)).toBe('en');
    expect(await fresh.title()).toBe('My account – Example portal');
    // The token is gone from the address; the language is not, so a reload stays English.
    expect(new URL(fresh.url()).search).toBe('?poort-lang=en');
  });

  it('without poort-lang the account page keeps its own language (Dutch), whatever the browser prefers', async () => {
    const page = await freshBrowser('en-GB');
    await page.goto(`${site.base}/account/`);
    await expect.poll(() => formHeading(page)).toBe(resources.nl.email.title);
    expect(await page.title()).toBe('Mijn account – Voorbeeldportaal');
  });
});
