// The text editor in a real browser against a real server (issue 17): login required; find a help
// text, change it, see the live preview of the real <login-chooser> change before saving, save,
// and the widget on the Dutch demo page shows the new text after a reload. Hostile markup runs
// nowhere (not in the preview, not on the demo page) and is refused with the problem named.
// axe-core finds no violations on the editor page, in each of its languages.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession } from '../support/browser-session.js';
import nl from '../../widget/locales/nl.json';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const password = 'redactie-wachtwoord-lang-genoeg';

const site = browserSession({
  // The editor's account is made before the server runs (PGlite: one process at a time).
  prepare: async ({ cli }) => {
    const org = await cli(['org', 'create', '--name', 'Gemeente Voorbeeld', '--domains', 'gemeente.example.nl']);
    expect(org.code, org.err).toBe(0);
    const user = await cli(['user', 'create', '--email', 'redactie@gemeente.example.nl', '--name', 'Redactie', '--role', 'editor', '--password-stdin'], `${password}\n`);
    expect(user.code, user.err).toBe(0);
  },
});

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol: the page's CSP (script-src 'self') stays as it is.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (n: Node) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe.run(document);
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

/** A page of its own (its own cookies), collecting page errors and console errors but the favicon and 401–404 answers. */
async function newPage(locale: string, path: string): Promise<{ page: Page; errors: string[] }> {
  const { page, problems } = await site.open(path, { locale, expectedConsoleErrors: (m) => /status of 40[1-4]/.test(m.text()) });
  return { page, errors: problems };
}

/** A page logged in as the editor, on the editor in `lang`. */
async function editorPage(lang: string): Promise<{ page: Page; errors: string[] }> {
  const opened = await newPage(lang, `/poort/editor?lang=${lang}`);
  await logIn(opened.page);
  await opened.page.reload();
  return opened;
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
    const { page, errors } = await newPage('nl-NL', '/poort/editor');
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

    const { page: demo, errors: demoErrors } = await newPage('nl-NL', '/');
    await demo.locator('login-chooser [part="help"] summary').first().click();
    await demo.locator('login-chooser .help-body strong', { hasText: 'de eHerkenningsbeheerder' }).waitFor();
    expect(await demo.locator('login-chooser .help-body').first().textContent()).not.toContain(nl.help.method.who);
    expect(demoErrors).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('runs no hostile markup, in the preview or anywhere, and names the problems when saving', async () => {
    const { page } = await editorPage('nl');
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
    const { page: demo } = await newPage('nl-NL', '/');
    await demo.locator('login-chooser [part="method"]').first().waitFor();
    expect(await xssFired(demo)).toBeUndefined();
  }, 120_000);

  it("edits the Beheer page's texts with a preview of that page; the page serves the saved text", async () => {
    const { page, errors } = await editorPage('nl');
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
  }, 120_000);

  for (const [lang, title] of [['nl-BE', 'Teksten beheren'], ['en', 'Manage texts']] as const) {
    it(`speaks ${lang}, with no axe violations`, async () => {
      const { page } = await editorPage(lang);
      expect(await page.title()).toBe(title);
      await page.locator('poort-text-editor button[data-key="title"]').waitFor();
      await page.locator('poort-text-editor button[data-key="title"]').click();
      expect(await axeViolations(page)).toEqual([]);
    }, 60_000);
  }
});
