// Acting for organisations in a real browser against a real server: the service desk makes a
// person a member of a school and its board (CLI), the person logs in with e-mail on the demo page,
// the widget asks which organisation, they choose with the keyboard, and the session acts for it.
// The next login preselects that choice, which is the only thing the browser keeps.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession } from '../support/browser-session.js';
import type { Texts } from '../../widget/src/texts/core-texts.js';
import { readWidgetTexts } from '../../bff/src/texts/widget-text-files.js';
import type organisationTexts from '../../widget/locales/steps/organisations/nl.json';

/** The widget's own texts, so the test follows the locale files instead of copying them. */
const nl = readWidgetTexts('nl') as unknown as Texts & typeof organisationTexts;
const PASSWORD = 'schoolbord en krijt en spons';
let boardId: string;

const site = browserSession({
  // The service desk prepares everything before the server runs (PGlite: one process at a time).
  prepare: async ({ cli }) => {
    const school = await cli(['org', 'create', '--name', 'Basisschool De Linde', '--domains', 'school.example.nl', '--kvk', '41000001', '--vestigingsnr', '000000000001']);
    expect(school.code, school.err).toBe(0);
    const board = await cli(['org', 'create', '--name', 'Stichting Scholengroep Oost', '--domains', 'school.example.nl', '--kvk', '41000001']);
    expect(board.code, board.err).toBe(0);
    boardId = board.out.trim();
    const user = await cli(['user', 'create', '--email', 'directeur@school.example.nl', '--org', school.out.trim(), '--password-stdin'], `${PASSWORD}\n`);
    expect(user.code, user.err).toBe(0);
    const added = await cli(['user', 'add-org', '--email', 'directeur@school.example.nl', '--org', boardId, '--role', 'editor', '--capacity', 'bestuurder']);
    expect(added.code, added.err).toBe(0);
    expect(added.out).toContain('directeur@school.example.nl is now also editor in Stichting Scholengroep Oost');
  },
});

async function logInWithEmail(page: Page): Promise<void> {
  const widget = page.locator('login-chooser');
  await widget.getByRole('button', { name: nl.method.email.button }).click();
  await page.getByRole('textbox', { name: nl.email.emailLabel }).fill('directeur@school.example.nl');
  await page.getByLabel(nl.email.passwordLabel, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: nl.email.submit, exact: true }).click();
  await widget.getByRole('heading', { name: nl.organisations.heading }).waitFor();
}

describe('acting for an organisation in the browser', () => {
  it('asks after the login, takes the choice from the keyboard, and the session acts for it; the next login preselects it', async () => {
    // The session check before the login answers 401, which Chromium logs.
    const { page, problems } = await site.open('/', { expectedConsoleErrors: (m) => /401/.test(m.text()) });
    await logInWithEmail(page);

    const widget = page.locator('login-chooser');
    const school = widget.getByRole('radio', { name: /Basisschool De Linde/ });
    const board = widget.getByRole('radio', { name: /Stichting Scholengroep Oost/ });
    expect(await school.isChecked()).toBe(false);
    expect(await widget.getByText('KvK-nummer 41000001 · rol: redacteur · hoedanigheid: bestuurder').count()).toBe(1);
    await school.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    expect(await board.isChecked()).toBe(true);
    await page.keyboard.press('Enter');
    // The demo page then hides the widget and names the organisation in its own logged-in line.
    await widget.getByText('U werkt nu voor Stichting Scholengroep Oost.').waitFor({ state: 'attached' });

    const status = page.locator('#session-status');
    await expect.poll(() => status.textContent()).toMatch(/Ingelogd als directeur@school\.example\.nl \(e-mail\), voor Stichting Scholengroep Oost/);
    const session = await page.evaluate(async () => (await (await fetch('/poort/api/session')).json()) as { actingFor: { id: string; role: string; capacity: string }; organisationChoiceNeeded: boolean });
    expect(session.actingFor).toMatchObject({ id: boardId, role: 'editor', capacity: 'bestuurder' });
    expect(session.organisationChoiceNeeded).toBe(false);
    expect(await page.evaluate(() => ({ ...localStorage }))).toEqual({ 'poort.organisation': boardId });

    // Log out and in again: the board is preselected and marked as the last choice.
    // The demo page logs out without a reload and puts a fresh login element in place.
    await status.getByRole('button', { name: 'Uitloggen' }).click();
    await status.getByRole('heading', { name: 'U bent uitgelogd' }).waitFor();
    await logInWithEmail(page);
    expect(await widget.getByRole('radio', { name: /Stichting Scholengroep Oost/ }).isChecked()).toBe(true);
    expect(await widget.getByText(/de vorige keer gekozen op dit apparaat/).count()).toBe(1);
    expect(problems).toEqual([]);
  });
});
