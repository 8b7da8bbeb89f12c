// Acting for organisations in a real browser against a real server: the service desk makes a
// person a member of a school and its board (CLI), the person logs in with e-mail on the demo page,
// the widget asks which organisation, they choose with the keyboard, and the session acts for it.
// The next login preselects that choice, which is the only thing the browser keeps.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { freePort } from '../support/free-port.js';
import { seedPgliteDataDir } from '../support/pglite-snapshot.js';
import { startServer, type ServerProcess } from '../support/server-process.js';
import type { Texts } from '../../widget/src/texts/core-texts.js';
import { readWidgetTexts } from '../../bff/src/texts/widget-text-files.js';
import type organisationTexts from '../../widget/locales/steps/organisations/nl.json';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The widget's own texts, so the test follows the locale files instead of copying them. */
const nl = readWidgetTexts('nl') as unknown as Texts & typeof organisationTexts;
const PASSWORD = 'schoolbord en krijt en spons';
let server: ServerProcess;
let browser: Browser;
let dataDir: string;
let boardId: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'poort-organisations-'));
  await seedPgliteDataDir(dataDir);
  const port = await freePort();
  const env = { POORT_DATA_DIR: dataDir, DATABASE_URL: '', PORT: String(port), POORT_PUBLIC_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: 'silent' };
  // The service desk prepares everything before the server runs (PGlite: one process at a time).
  const cli = (args: string[], stdin = '') =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'bff/src/cli/main.ts', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('exit', (status) => resolve({ status, stdout, stderr }));
      child.stdin.end(stdin);
    });
  const school = await cli(['org', 'create', '--name', 'Basisschool De Linde', '--domains', 'school.example.nl', '--kvk', '41000001', '--vestigingsnr', '000000000001']);
  expect(school.status, school.stderr).toBe(0);
  const board = await cli(['org', 'create', '--name', 'Stichting Scholengroep Oost', '--domains', 'school.example.nl', '--kvk', '41000001']);
  expect(board.status, board.stderr).toBe(0);
  boardId = board.stdout.trim();
  const user = await cli(['user', 'create', '--email', 'directeur@school.example.nl', '--org', school.stdout.trim(), '--password-stdin'], `${PASSWORD}\n`);
  expect(user.status, user.stderr).toBe(0);
  const added = await cli(['user', 'add-org', '--email', 'directeur@school.example.nl', '--org', boardId, '--role', 'editor', '--capacity', 'bestuurder']);
  expect(added.status, added.stderr).toBe(0);
  expect(added.stdout).toContain('directeur@school.example.nl is now also editor in Stichting Scholengroep Oost');
  server = await startServer(env);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
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
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${server.url.replace('localhost', '127.0.0.1')}/`);
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
