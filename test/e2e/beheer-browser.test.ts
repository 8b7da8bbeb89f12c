// The Beheer page in Chromium against a real server process (issue 16): a Beheerder invites a
// person (the mail arrives at a real SMTP server), the person accepts and logs in, and the
// Beheerder finds that login in the audit log and downloads it as CSV; an end date makes a person
// temporary; an activation code is issued (shown once, copied), listed and revoked. axe-core on
// every view; tabs, the confirmations and the forms by keyboard.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { openDb } from '../../db/open.js';
import { memberships, organisations, users } from '../../db/schema.js';
import { createSession } from '../../bff/src/sessions/session-store.js';
import { browserSession, watchPage } from '../support/browser-session.js';
import { linkIn } from '../support/smtp.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let adminToken: string;

/** axe-core in the page (evaluated through the debugging protocol, so the page's CSP stays strict). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    return (await axe.run()).violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  return result;
}

const site = browserSession({
  smtp: true,
  // The Beheerder and their organisation, made before the server runs (PGlite: one process at a
  // time). Their session is one an eHerkenning login at level 2+ makes; linking an eHerkenning
  // identity to an admin account is another issue's work.
  prepare: async ({ dataDir }) => {
    const db = await openDb({ dataDir: join(dataDir, 'pglite') });
    const [org] = await db.db.insert(organisations).values({ name: 'Gemeente Voorbeeld', emailDomains: ['gemeente.example.nl'] }).returning();
    const [admin] = await db.db.insert(users).values({ email: 'beheer@gemeente.example.nl', displayName: 'Bea Beheer', role: 'admin' }).returning();
    await db.db.insert(memberships).values({ userId: admin!.id, organisationId: org!.id, role: 'admin' });
    adminToken = (await createSession(db.db, { userId: admin!.id, method: 'eherkenning', level: 'loa2plus' }, { idleMs: 60 * 60_000, absoluteMs: 8 * 60 * 60_000 })).token;
    await db.close();
  },
});

/** A page logged in as the Beheerder (their session cookie), failing the test on errors but the favicon's. */
async function beheerPage(options: BrowserContextOptions = {}, permissions: string[] = []): Promise<{ page: Page; problems: string[] }> {
  const context = await site.newContext(options);
  if (permissions.length) await context.grantPermissions(permissions, { origin: site.base });
  await context.addCookies([{ name: 'poort_session', value: adminToken, url: site.base, httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  return { page, ...watchPage(page) };
}

describe('Beheer in a browser', () => {
  it('invite → mail → accept → log in → the Beheerder sees the login in the audit log and exports it', async () => {
    const { page, problems } = await beheerPage({ acceptDownloads: true, locale: 'nl-NL' });

    await page.goto(`${site.base}/poort/beheer/`);
    await page.getByRole('heading', { name: 'Beheer', level: 1 }).waitFor();
    await page.getByText('U beheert: Gemeente Voorbeeld.').waitFor();
    await page.getByRole('row', { name: /beheer@gemeente\.example\.nl/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The domain rule shows before anything is sent, and an address outside it is pointed out.
    await page.getByText('Toegestane e-maildomeinen voor Gemeente Voorbeeld: gemeente.example.nl.').waitFor();
    const email = page.getByRole('textbox', { name: 'E-mailadres', exact: true });
    await email.fill('sanne@gmail.com');
    await page.getByText('Dit adres valt niet onder de e-maildomeinen van Gemeente Voorbeeld: gemeente.example.nl.').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    expect(site.smtp.mails).toHaveLength(0);

    await email.fill('sanne@gemeente.example.nl');
    await page.getByLabel('Naam (niet verplicht)').fill('Sanne de Vries');
    // Submitted from the keyboard.
    await page.getByLabel('Naam (niet verplicht)').press('Enter');
    await page.getByRole('status').filter({ hasText: 'Uitnodiging verstuurd naar sanne@gemeente.example.nl.' }).waitFor();
    const sanneRow = page.getByRole('row', { name: /sanne@gemeente\.example\.nl/ });
    await sanneRow.getByRole('cell', { name: 'Uitgenodigd' }).waitFor();

    // The person: the invitation arrives over SMTP; they choose a password and log in.
    await vi.waitFor(() => expect(site.smtp.mails.find((m) => m.to && JSON.stringify(m.to).includes('sanne@gemeente.example.nl'))).toBeTruthy(), { timeout: 15_000 });
    const mail = site.smtp.mails.find((m) => JSON.stringify(m.to).includes('sanne@gemeente.example.nl'))!;
    const person = (await site.open()).page;
    await person.goto(linkIn(mail).href);
    await person.getByRole('heading', { name: 'Kies uw wachtwoord' }).waitFor();
    await person.getByLabel('Nieuw wachtwoord', { exact: true }).fill('zomer aan de Waddenzee');
    await person.getByLabel('Herhaal het nieuwe wachtwoord').fill('zomer aan de Waddenzee');
    await person.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await person.getByText('Uw wachtwoord is ingesteld').waitFor();
    await person.getByLabel('Wachtwoord', { exact: true }).fill('zomer aan de Waddenzee');
    await person.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await person.getByText('Ingelogd als sanne@gemeente.example.nl (e-mail)').waitFor();

    // The Beheerder: to the audit log by keyboard (arrow keys between the tabs).
    await page.getByRole('tab', { name: 'Mensen' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Activeringscodes' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('End');
    expect(await page.getByRole('tab', { name: 'Logboek' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('heading', { name: 'Logboek' }).waitFor();
    await page.getByLabel('Soort gebeurtenis').selectOption('login');
    await page.getByLabel('Persoon (naam of e-mailadres)').fill('sanne');
    await page.getByRole('button', { name: 'Filters toepassen' }).click();
    // The unfiltered log already holds Sanne's login: wait for the filtered answer (header + one row).
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    const login = page.getByRole('row', { name: /Inloggen/ }).filter({ hasText: 'sanne@gemeente.example.nl' });
    await login.waitFor();
    expect(await login.textContent()).toContain('Gelukt');
    expect(await login.textContent()).toContain('127.0.0.1');
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporteren als CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^poort-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFtime,event,outcome,')).toBe(true);
    const rows = csv.trim().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/^\d{4}-\d{2}-\d{2}T[^,]+,login,success,,[0-9a-f-]{36},sanne@gemeente\.example\.nl,Sanne de Vries,,email,/);

    // Back to the people (Home: the first tab): an end date makes Sanne temporary, said so in the list.
    await page.getByRole('tab', { name: 'Logboek' }).focus();
    await page.keyboard.press('Home');
    expect(await page.getByRole('tab', { name: 'Mensen' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('button', { name: 'Einddatum: Sanne de Vries' }).click();
    const endDate = page.getByLabel('Tijdelijk tot');
    await endDate.waitFor();
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.shadowRoot?.activeElement?.id)).toBe('end-date');
    expect(await axeViolations(page)).toEqual([]);
    // Nothing chosen: said at the field, nothing sent.
    await page.getByRole('button', { name: 'Einddatum opslaan' }).click();
    await page.getByText('Kies een datum.').waitFor();
    expect(await endDate.getAttribute('aria-invalid')).toBe('true');
    await endDate.fill('2031-03-01');
    await endDate.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Sanne de Vries is nu tijdelijk, tot 1 mrt 2031.' }).waitFor();
    await sanneRow.getByRole('cell', { name: 'Tijdelijk tot 1 mrt 2031' }).waitFor();
    // And permanent again.
    await page.getByRole('button', { name: 'Einddatum: Sanne de Vries' }).click();
    expect(await endDate.inputValue()).toBe('2031-03-01');
    await page.getByRole('button', { name: 'Einddatum weghalen' }).click();
    await page.getByRole('status').filter({ hasText: 'Sanne de Vries heeft geen einddatum meer.' }).waitFor();
    await sanneRow.getByRole('cell', { name: 'Actief' }).waitFor();
    // Both changes are in the audit log.
    const changes = (await (await page.request.get(`${site.base}/poort/api/admin/audit?type=local_account_until_set`)).json()) as { events: unknown[] };
    expect(changes.events).toHaveLength(2);

    // Disabling asks first; Escape cancels and returns focus; nothing changed.
    const disable = page.getByRole('button', { name: 'Uitschakelen: Sanne de Vries' });
    await disable.focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText('Wilt u Sanne de Vries uitschakelen?').waitFor();
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.shadowRoot?.activeElement?.textContent?.trim())).toBe('Ja, uitschakelen');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    await sanneRow.getByRole('cell', { name: 'Actief' }).waitFor();

    // Confirmed: disabled, and said so.
    await disable.click();
    await page.getByRole('button', { name: 'Ja, uitschakelen' }).click();
    await page.getByRole('status').filter({ hasText: 'Sanne de Vries is uitgeschakeld.' }).waitFor();
    await sanneRow.getByRole('cell', { name: 'Uitgeschakeld' }).waitFor();
    expect(problems).toEqual([]);
  }, 120_000);

  it('issues an activation code shown once with a copy button, lists it, and revokes it after a confirmation', async () => {
    const { page, problems } = await beheerPage({ locale: 'nl-NL' }, ['clipboard-read', 'clipboard-write']);
    await page.goto(`${site.base}/poort/beheer/`);
    await page.getByRole('tab', { name: 'Activeringscodes' }).click();
    await page.getByRole('heading', { name: 'Activeringscodes', level: 2 }).waitFor();
    await page.getByText('Er zijn nog geen activeringscodes.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // A number of days outside 1–365 is said at the field; nothing is issued.
    const days = page.getByLabel('Geldig (dagen)');
    expect(await days.inputValue()).toBe('30');
    await days.fill('400');
    await page.getByRole('button', { name: 'Code maken' }).click();
    await page.getByText('Vul een aantal dagen in tussen 1 en 365.').waitFor();
    expect(await days.getAttribute('aria-invalid')).toBe('true');
    expect(((await (await page.request.get(`${site.base}/poort/api/admin/activation-codes`)).json()) as { codes: unknown[] }).codes).toHaveLength(0);

    await days.fill('14');
    await page.getByLabel('Rol voor wie de code gebruikt').selectOption({ label: 'Redacteur' });
    await days.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Nieuwe code voor Gemeente Voorbeeld, geldig tot' }).waitFor();
    const code = (await page.locator('#new-code').textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    // Focus is on the code, so a screen reader reads it out.
    // Focus moves once the code has rendered: polled, as a screen reader would meet it a moment later.
    await expect.poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.shadowRoot?.activeElement?.id)).toBe('new-code');
    await page.getByRole('button', { name: 'Code kopiëren' }).click();
    await page.getByText('De code is gekopieerd.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    const row = page.getByRole('row', { name: /Redacteur/ });
    await row.getByRole('cell', { name: 'Nog niet gebruikt' }).waitFor();
    expect(await page.getByRole('table').textContent()).not.toContain(code);
    expect(await axeViolations(page)).toEqual([]);

    // Shown once: after a reload the code is nowhere, only its row.
    await page.reload();
    await page.getByRole('tab', { name: 'Activeringscodes' }).click();
    await row.waitFor();
    expect(await page.locator('#new-code').count()).toBe(0);

    // Revoking asks first; Escape cancels and returns focus; confirmed, the code is revoked.
    const revoke = row.getByRole('button', { name: /intrekken/ });
    await revoke.click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText(/Wilt u de code van .* \(Gemeente Voorbeeld\) intrekken\?/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.shadowRoot?.activeElement?.textContent?.trim())).toBe('Intrekken');
    await row.getByRole('cell', { name: 'Nog niet gebruikt' }).waitFor();
    await revoke.click();
    await page.getByRole('button', { name: 'Ja, intrekken' }).click();
    await page.getByRole('status').filter({ hasText: /De code van .* is ingetrokken\./ }).waitFor();
    await row.getByRole('cell', { name: 'Ingetrokken' }).waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    const audit = (await (await page.request.get(`${site.base}/poort/api/admin/audit?type=activation_code_revoked`)).json()) as { events: unknown[] };
    expect(audit.events).toHaveLength(1);
    expect(problems).toEqual([]);
  }, 120_000);

  it.each(['en', 'nl-BE'])('reads in %s on every view, with no raw text keys and no axe violations', async (lang) => {
    const { page } = await beheerPage();
    await page.goto(`${site.base}/poort/beheer/?lang=${lang}`);
    await page.getByRole('heading', { name: lang === 'en' ? 'Administration' : 'Beheer', level: 1 }).waitFor();
    await page.getByRole('row', { name: /sanne@gemeente\.example\.nl/ }).waitFor();
    for (const tab of lang === 'en' ? ['People', 'Activation codes', 'Audit log'] : ['Mensen', 'Activeringscodes', 'Logboek']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('heading', { name: tab, level: 2 }).waitFor();
      await page.getByRole('table').first().waitFor();
      const text = await page.evaluate(() => {
        const walk = (root: Element | ShadowRoot): string => [...root.children].map((el) => (el.shadowRoot ? walk(el.shadowRoot) : '') + (el.children.length ? walk(el) : (el.textContent ?? ''))).join(' ');
        return walk(document.body);
      });
      expect(text).not.toMatch(/\b(people|audit|invite|errors|roles|tabs|codes)\.[a-z]/);
      expect(await axeViolations(page)).toEqual([]);
    }
  }, 60_000);

  it('shows someone without the admin role a page that says so, in their language, and passes axe', async () => {
    const { page } = await site.open(undefined, { locale: 'en-GB' });
    const res = await page.goto(`${site.base}/poort/beheer/`);
    expect(res?.status()).toBe(401);
    await page.getByRole('heading', { name: 'Log in first' }).waitFor();
    await page.getByRole('link', { name: 'Back to the website' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);
});
