// The text editor in a real browser against a real server (issue 17): login required; find a help
// text, change it, see the live preview of the real <login-chooser> change before saving, save,
// and the widget on the Dutch demo page shows the new text after a reload. Hostile markup runs
// nowhere (not in the preview, not on the demo page) and is refused with the problem named.
// axe-core finds no violations on the editor page, in each of its languages.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { freePort } from '../support/free-port.js';
import { seedPgliteDataDir } from '../support/pglite-snapshot.js';
import { startServer, type ServerProcess } from '../support/server-process.js';
import nl from '../../widget/locales/nl.json';

const root = fileURLToPath(new URL('../..', import.meta.url));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const password = 'redactie-wachtwoord-lang-genoeg';
let server: ServerProcess;
let browser: Browser;
let dataDir: string;
let base = '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'poort-editor-'));
  await seedPgliteDataDir(dataDir);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env = { POORT_DATA_DIR: dataDir, DATABASE_URL: '', PORT: String(port), POORT_PUBLIC_URL: base, LOG_LEVEL: 'silent' };
  // The editor's account is made before the server runs (PGlite: one process at a time).
  const cli = (args: string[], stdin = '') =>
    new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'bff/src/cli/main.ts', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['pipe', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.stdin.end(stdin);
      child.on('exit', (status) => resolve({ status, stderr }));
    });
  const org = await cli(['org', 'create', '--name', 'Gemeente Voorbeeld', '--domains', 'gemeente.example.nl']);
  expect(org.status, org.stderr).toBe(0);
  const user = await cli(['user', 'create', '--email', 'redactie@gemeente.example.nl', '--name', 'Redactie', '--role', 'editor', '--password-stdin'], `${password}\n`);
  expect(user.status, user.stderr).toBe(0);
  server = await startServer(env);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol: the page's CSP (script-src 'self') stays as it is.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (n: Node) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe.run(document);
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon|status of 40[1-4]/.test(m.text())) errors.push(m.text());
  });
  return errors;
}

/** A page of its own (its own cookies), logged in as the editor, on the editor in `lang`. */
async function editorPage(lang: string): Promise<Page> {
  const page = await browser.newPage({ locale: lang });
  await page.goto(`${base}/poort/editor?lang=${lang}`);
  await logIn(page);
  await page.reload();
  return page;
}

// Through the same API the widget's e-mail form uses.
async function logIn(page: Page): Promise<void> {
  const status = await page.evaluate(
    async (body) => (await fetch('/poort/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).status,
    { email: 'redactie@gemeente.example.nl', password },
  );
  expect(status).toBe(200);
}

const xssFired = (page: Page) => page.evaluate(() => (window as { __poortXss?: unknown }).__poortXss);

describe('the text editor in a browser', () => {
  it('asks for a login first, then edits with a live preview; the demo page shows the saved text after a reload', async () => {
    const page = await browser.newPage({ locale: 'nl-NL' });
    const errors = watchForErrors(page);
    await page.goto(`${base}/poort/editor`);
    await page.locator('poort-text-editor main p', { hasText: 'Log in om teksten te beheren.' }).waitFor();
    expect(await page.locator('poort-text-editor login-chooser').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await logIn(page);
    await page.reload();
    await page.locator('poort-text-editor #search').fill('help.method.who');
    await page.locator('poort-text-editor [role="status"]', { hasText: '1 tekst gevonden' }).waitFor();
    await page.locator('poort-text-editor button[data-key="help.method.who"]').click();
    const nlField = page.locator('poort-text-editor #value-nl');
    expect(await nlField.inputValue()).toBe(nl.help.method.who);

    // Live preview, before saving: the real widget in the chosen language and step, help open.
    const previewHelp = page.locator('poort-text-editor #preview .help-body');
    await previewHelp.locator('p', { hasText: nl.help.method.who }).waitFor();
    await nlField.fill('Vraag <strong>de eHerkenningsbeheerder</strong> van uw organisatie. <a href="/hulp/eherkenning">Meer over eHerkenning</a>');
    await previewHelp.locator('strong', { hasText: 'de eHerkenningsbeheerder' }).waitFor();
    expect(await previewHelp.locator('a[href="/hulp/eherkenning"]').getAttribute('rel')).toBe('noopener');

    await page.locator('poort-text-editor [data-locale="nl"] button[data-action="save"]').click();
    await page.locator('poort-text-editor [data-locale="nl"] .ok', { hasText: 'Opgeslagen als versie 1.' }).waitFor();
    expect(await page.locator('poort-text-editor button[data-key="help.method.who"] .overridden').textContent()).toContain('Nederlands');

    // History with the editor's name, and the page has no violations with all of it shown.
    await page.locator('poort-text-editor [data-locale="nl"] button[data-action="history"]').click();
    await page.locator('poort-text-editor #history-heading', { hasText: 'Geschiedenis (Nederlands)' }).waitFor();
    expect(await page.locator('poort-text-editor section[aria-labelledby="history-heading"] li').first().textContent()).toContain('Redactie');
    expect(await axeViolations(page)).toEqual([]);

    const demo = await browser.newPage({ locale: 'nl-NL' });
    const demoErrors = watchForErrors(demo);
    await demo.goto(`${base}/`);
    await demo.locator('login-chooser [part="help"] summary').first().click();
    await demo.locator('login-chooser .help-body strong', { hasText: 'de eHerkenningsbeheerder' }).waitFor();
    expect(await demo.locator('login-chooser .help-body').first().textContent()).not.toContain(nl.help.method.who);
    expect(demoErrors).toEqual([]);
    await demo.close();
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('runs no hostile markup, in the preview or anywhere, and names the problems when saving', async () => {
    const page = await editorPage('nl');
    await page.locator('poort-text-editor #search').fill('help.broker.steps');
    await page.locator('poort-text-editor button[data-key="help.broker.steps"]').click();
    await page.locator('poort-text-editor #preview-step').selectOption('broker');
    const hostile = '<img src=x onerror="window.__poortXss=1"><script>window.__poortXss=2</script><a href="javascript:window.__poortXss=3">klik</a><svg onload="window.__poortXss=4"></svg>Stappen';
    await page.locator('poort-text-editor #value-nl').fill(hostile);
    const preview = page.locator('poort-text-editor #preview .help-body');
    await preview.locator('p', { hasText: 'Stappen' }).waitFor();
    await preview.locator('a', { hasText: 'klik' }).count().then((n) => expect(n).toBe(0));
    expect(await preview.locator('img, script, svg').count()).toBe(0);
    await page.locator('poort-text-editor [data-locale="nl"] button[data-action="save"]').click();
    const problems = page.locator('poort-text-editor [data-locale="nl"] ul.problem li');
    await problems.first().waitFor();
    expect(await problems.allTextContents()).toEqual([
      '<img> is niet toegestaan. Gebruik alleen alinea\'s, nadruk, lijsten en links.',
      '<script> is niet toegestaan. Gebruik alleen alinea\'s, nadruk, lijsten en links.',
      'De link javascript:window.__poortXss=3 is niet toegestaan. Gebruik een adres dat begint met https:// of een pad op deze site dat begint met /.',
      '<svg> is niet toegestaan. Gebruik alleen alinea\'s, nadruk, lijsten en links.',
    ]);
    expect(await xssFired(page)).toBeUndefined();
    const demo = await browser.newPage({ locale: 'nl-NL' });
    await demo.goto(`${base}/`);
    await demo.locator('login-chooser [part="method"]').first().waitFor();
    expect(await xssFired(demo)).toBeUndefined();
    await demo.close();
    await page.close();
  }, 120_000);

  it("edits the Beheer page's texts with a preview of that page; the page serves the saved text", async () => {
    const page = await editorPage('nl');
    const errors = watchForErrors(page);
    await page.locator('poort-text-editor #search').fill('beheer.people.status.temporary');
    await page.locator('poort-text-editor button[data-key="beheer.people.status.temporary"]').click();
    const preview = page.locator('poort-text-editor #beheer-preview');
    // The made-up temporary person, with the default text.
    await preview.getByText(/^Tijdelijk tot /).waitFor();
    await page.locator('poort-text-editor #value-nl').fill('Tijdelijk account, tot {{date}}');
    await preview.getByText(/^Tijdelijk account, tot /).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Another tab of the previewed page, by keyboard; the preview fetches no people, codes or events.
    await preview.getByRole('tab', { name: 'Mensen' }).focus();
    await page.keyboard.press('ArrowRight');
    await preview.getByRole('heading', { name: 'Activeringscodes', level: 2 }).waitFor();
    await preview.getByRole('cell', { name: 'Gebruikt door Anna Öztürk' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // A placeholder dropped is refused with the problem named; nothing is stored.
    await page.locator('poort-text-editor #value-nl').fill('Tijdelijk account');
    await page.locator('poort-text-editor [data-locale="nl"] button[data-action="save"]').click();
    await page.locator('poort-text-editor [data-locale="nl"] ul.problem li', { hasText: '{{date}}' }).waitFor();
    await page.locator('poort-text-editor #value-nl').fill('Tijdelijk account, tot {{date}}');
    await page.locator('poort-text-editor [data-locale="nl"] button[data-action="save"]').click();
    await page.locator('poort-text-editor [data-locale="nl"] .ok', { hasText: 'Opgeslagen als versie 1.' }).waitFor();
    const served = await page.evaluate(async () => (await (await fetch('/poort/api/texts/nl?for=beheer')).json()) as { people: { status: { temporary: string } } });
    expect(served.people.status.temporary).toBe('Tijdelijk account, tot {{date}}');
    // Chromium logs the refused save (422) as a failed resource; nothing else may show up.
    expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
    await page.close();
  }, 120_000);

  for (const [lang, title] of [['nl-BE', 'Teksten beheren'], ['en', 'Manage texts']] as const) {
    it(`speaks ${lang}, with no axe violations`, async () => {
      const page = await editorPage(lang);
      expect(await page.title()).toBe(title);
      await page.locator('poort-text-editor button[data-key="title"]').waitFor();
      await page.locator('poort-text-editor button[data-key="title"]').click();
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    }, 60_000);
  }
});
