// One browser test of the whole e-mail flow against a real server process: the service desk
// creates an account, the invitation mail arrives over SMTP, its link opens the demo account page,
// the person chooses a password and logs in through <poort-email-form>, sees the session and logs out.
import { describe, expect, it } from 'vitest';
import { browserSession } from '../support/browser-session.js';
import { linkIn } from '../support/smtp.js';

const site = browserSession({
  smtp: true,
  // The service desk creates the account before the server runs (PGlite: one process at a time).
  prepare: async ({ cli }) => {
    const org = await cli(['org', 'create', '--name', 'Gemeente Voorbeeld', '--domains', 'gemeente.example.nl']);
    expect(org.code, org.err).toBe(0);
    const user = await cli(['user', 'create', '--email', 'sanne@gemeente.example.nl', '--name', 'Sanne']);
    expect(user.code, user.err).toBe(0);
  },
});

describe('e-mail login in a browser', () => {
  it('invitation mail → choose password → log in through the widget → session → log out', async () => {
    const mail = site.smtp.mails.find((m) => m.subject === 'Uw account voor Voorbeeldportaal')!;
    expect(mail).toBeTruthy();
    const link = linkIn(mail);
    expect(link.searchParams.get('poort-invitation')).toBeTruthy();

    const token = link.searchParams.get('poort-invitation')!;
    // The 401 of the session check before login is expected (the favicon's 404 always is), and so
    // is the 410 of the link check when the used link is opened again at the end.
    const { page, problems } = await site.open(undefined, {
      expectedConsoleErrors: (m) => /401/.test(m.text()) || (/410/.test(m.text()) && m.location().url.endsWith('/poort/api/link/check')),
    });
    // R06: the single-use token never travels on: not in a Referer, not in any request's URL but
    // the first (the link itself), and not left in the address bar or history.
    const leaks: string[] = [];
    page.on('request', (r) => {
      const referer = r.headers()['referer'] ?? '';
      if ((r.url() !== link.href && r.url().includes(token)) || referer.includes(token)) leaks.push(`${r.method()} ${r.url()} referer=${referer}`);
    });
    await page.goto(link.href);
    await page.getByRole('heading', { name: 'Kies uw wachtwoord' }).waitFor();
    // The built-in configuration is a demo environment, and the page says so.
    await page.getByText('Dit is de demo-omgeving.').waitFor();
    // The token left the address bar as soon as the element read it; the mail's language stays.
    expect(page.url()).toBe(`${site.base}/account/?poort-lang=nl`);
    // The entry with the token was replaced, not followed by a new one: about:blank and this page.
    expect(await page.evaluate(() => history.length)).toBe(2);

    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('zomer aan de Waddenzee');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('zomer aan de Waddenzee');
    await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();

    await page.getByText('Uw wachtwoord is ingesteld').waitFor();
    const email = page.getByRole('textbox', { name: 'E-mailadres' });
    expect(await email.inputValue()).toBe('sanne@gemeente.example.nl');
    expect(await email.getAttribute('autocomplete')).toBe('username');
    await page.getByLabel('Wachtwoord', { exact: true }).fill('zomer aan de Waddenzee');
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();

    await page.getByText('Ingelogd als sanne@gemeente.example.nl (e-mail)').waitFor();
    // Focus went to the heading that says so, not back to the page body.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('U bent ingelogd');
    const session = await page.evaluate(async () => (await fetch('/poort/api/session')).status);
    expect(session).toBe(200);
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'poort_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    // Logging out says so, with focus on that heading, and shows a fresh form.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { name: 'U bent uitgelogd' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('U bent uitgelogd');
    await page.getByRole('heading', { name: 'Inloggen met e-mailadres' }).waitFor();
    expect(await page.evaluate(async () => (await fetch('/poort/api/session')).status)).toBe(401);

    // The same invitation link again: "already used" as the page opens, before anyone types.
    await page.goto(link.href);
    await page.getByText('Deze link is al gebruikt.').waitFor();
    expect(await page.getByLabel('Nieuw wachtwoord', { exact: true }).count()).toBe(0);
    expect(problems).toEqual([]);
    expect(leaks).toEqual([]);
  });
});
