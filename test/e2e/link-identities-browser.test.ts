// Linking a first eHerkenning login in a real browser against a real server process, with mail
// delivered to a real SMTP server: the service desk makes an organisation, an admin (with a
// password) and an activation code with the CLI; the admin logs in with eHerkenning through a
// simulated broker, links with password and the mailed PIN, chooses which of their two
// organisations to act for, and is logged in acting for it; a second person
// uses the activation code. Then the CLI lists the admin's identity. Debian Chromium via playwright-core.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readWidgetTexts } from '../../bff/src/texts/widget-text-files.js';
import { browserSession } from '../support/browser-session.js';
import { pinIn, siteWithPolicy } from '../support/linking.js';

const nl = readWidgetTexts('nl') as unknown as {
  method: { eherkenning: { button: string } };
  broker: { label: string; continue: string };
  link: { heading: string; emailLabel: string; passwordLabel: string; submit: string; codeLink: string; done: string; pin: { label: string; submit: string }; code: { label: string; emailLabel: string; submit: string } };
  organisations: { heading: string };
};
const PASSWORD = 'paarden-batterij-niet-stapel';

let activationCode: string;
let boardId: string;

const site = browserSession({
  smtp: true,
  site: siteWithPolicy('link'),
  // The service desk's part, before the server holds the PGlite data directory.
  prepare: async ({ cli }) => {
    const org = await cli(['org', 'create', '--name', 'Basisschool De Regenboog', '--domains', 'school.example.nl']);
    expect(org.code, org.err).toBe(0);
    const orgId = org.out.trim();
    const admin = await cli(['user', 'create', '--email', 'beheer@school.example.nl', '--role', 'admin', '--org', orgId, '--password-stdin'], `${PASSWORD}\n`);
    expect(admin.code, admin.err).toBe(0);
    // The admin also works for the school board: after linking, the widget asks for which one.
    const board = await cli(['org', 'create', '--name', 'Stichting Scholengroep Oost', '--domains', 'school.example.nl']);
    expect(board.code, board.err).toBe(0);
    boardId = board.out.trim();
    const member = await cli(['user', 'add-org', '--email', 'beheer@school.example.nl', '--org', boardId]);
    expect(member.code, member.err).toBe(0);
    const code = await cli(['code', 'issue', '--org', orgId]);
    expect(code.code, code.err).toBe(0);
    activationCode = code.out.split('\n')[0]!.trim();
  },
});

const openPage = () => site.open('/', { locale: 'nl-NL' });

/** eHerkenning in the widget → the simulated POST broker → a test person → back on the site. */
async function eherkenningAs(page: Page, person: RegExp): Promise<void> {
  const widget = page.locator('login-chooser');
  await widget.getByRole('button', { name: nl.method.eherkenning.button }).click();
  const combobox = widget.getByRole('combobox', { name: nl.broker.label });
  await combobox.pressSequentially('noord');
  await widget.getByRole('option', { name: 'Demo Leverancier Noord' }).click();
  await widget.getByRole('button', { name: nl.broker.continue, exact: true }).click();
  await page.waitForURL(/\/poort\/dev\/brokers\/.+\/sso$/);
  await page.getByRole('button', { name: person }).click();
  await page.waitForURL(`${site.base}/`);
}

function sessionFromPage(page: Page): Promise<{ status: number; body: { user?: { email?: string; role?: string } } | null }> {
  return page.evaluate(async () => {
    const res = await fetch('/poort/api/session', { credentials: 'same-origin' });
    return { status: res.status, body: res.status === 200 ? await res.json() : null };
  });
}

describe('linking eHerkenning in the browser', () => {
  it('links an admin made by the CLI with password and the mailed PIN, and logs them in', async () => {
    const { page, cspViolations } = await openPage();
    await eherkenningAs(page, /Inloggen als Jan de Vries/);
    const step = page.locator('poort-link-step');
    await step.getByRole('heading', { name: nl.link.heading }).waitFor();
    // The widget took ?poort-link=pending out of the address.
    expect(page.url()).toBe(`${site.base}/`);
    await step.getByLabel(nl.link.emailLabel, { exact: true }).fill('beheer@school.example.nl');
    await step.getByLabel(nl.link.passwordLabel, { exact: true }).fill(PASSWORD);
    await step.getByRole('button', { name: nl.link.submit }).click();
    await step.getByLabel(nl.link.pin.label).waitFor();

    await expect.poll(() => site.smtp.mails.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const pin = pinIn(site.smtp.mails, 'beheer@school.example.nl');
    await step.getByLabel(nl.link.pin.label).fill(pin);
    await step.getByRole('button', { name: nl.link.pin.submit }).click();
    // Linked and logged in; with two organisations and none named by the answer, the widget asks.
    const widget = page.locator('login-chooser');
    await widget.getByRole('heading', { name: nl.organisations.heading }).waitFor();
    await widget.getByRole('radio', { name: /Stichting Scholengroep Oost/ }).check();
    await page.keyboard.press('Enter');
    await expect.poll(async () => ((await sessionFromPage(page)).body as { actingFor?: { id: string } } | null)?.actingFor?.id).toBe(boardId);
    const session = await sessionFromPage(page);
    expect(session.status).toBe(200);
    expect(session.body!.user).toMatchObject({ email: 'beheer@school.example.nl', role: 'admin' });
    expect(cspViolations).toEqual([]);

    // Next time eHerkenning alone logs the admin in.
    await page.evaluate(() => fetch('/poort/api/logout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
    await page.goto(`${site.base}/`);
    await eherkenningAs(page, /Inloggen als Jan de Vries/);
    await expect.poll(async () => (await sessionFromPage(page)).body?.user?.email).toBe('beheer@school.example.nl');
  });

  it('makes an account with an activation code and logs it in', async () => {
    const { page, cspViolations } = await openPage();
    await eherkenningAs(page, /Inloggen als Fatima El Amrani/);
    const step = page.locator('poort-link-step');
    await step.getByRole('button', { name: nl.link.codeLink }).click();
    await step.getByLabel(nl.link.code.label, { exact: true }).fill(activationCode.toLowerCase());
    await step.getByLabel(nl.link.code.emailLabel, { exact: true }).fill('juf@school.example.nl');
    await step.getByRole('button', { name: nl.link.code.submit }).click();
    // The demo page hides the widget once someone is logged in: the text need not stay visible.
    await step.getByText(nl.link.done).waitFor({ state: 'attached' });
    const session = await sessionFromPage(page);
    expect(session.body!.user).toMatchObject({ email: 'juf@school.example.nl', role: 'user' });
    expect(cspViolations).toEqual([]);
  });

  it('lets the service desk list the admin\'s identity with the CLI, without the pseudonym', async () => {
    await site.server.stop();
    const listed = await site.cli(['identity', 'list', '--email', 'beheer@school.example.nl']);
    expect(listed.code, listed.err).toBe(0);
    expect(listed.out).toMatch(/eherkenning\turn:etoegang:AD:00000000000000000000:entities:9999\tdemo-noord/);
    expect(listed.out).not.toContain('S00000000000000000000000000000000000000000000001');
  });
});
