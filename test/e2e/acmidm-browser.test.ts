// The Flemish government login (ACM/IDM) in a real browser against a real server process: on the
// Flemish demo page the widget offers "Aanmelden via de Vlaamse overheid" first; the simulated
// ACM/IDM IdP takes a digital key (the level) and a person with three capacities; back on the page
// the widget asks the capacity, the person chooses the municipality with the keyboard, and the
// session acts for it. Debian Chromium via playwright-core.
import { describe, expect, it } from 'vitest';
import { readWidgetTexts } from '../../bff/src/texts/widget-text-files.js';
import { browserSession } from '../support/browser-session.js';

/** The widget's own Flemish texts, so the test follows the locale files instead of copying them. */
const nlBE = readWidgetTexts('nl-BE') as unknown as {
  method: Record<string, { button: string }>;
  capacities: { heading: string; citizen: string; employee: string; submit: string };
};
const site = browserSession();

describe('ACM/IDM on the Flemish demo page', () => {
  it('logs in through the Flemish government, asks the capacity, and the session acts for the chosen organisation', async () => {
    // The session check before the login answers 401 (and the like), which Chromium logs.
    const { page, problems, cspViolations } = await site.open(undefined, { locale: 'nl-BE', expectedConsoleErrors: (m) => /status of 4\d\d/.test(m.text()) });
    page.setDefaultTimeout(20_000);
    const base = site.base;
    await page.goto(`${base}/vl/`);
    const widget = page.locator('login-chooser');
    const methods = widget.locator('button[part="method"]');
    await methods.first().waitFor();
    // First the Flemish government's login, then eHerkenning for Dutch organisations.
    expect(await methods.evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.method))).toEqual(['acmidm', 'eherkenning', 'email']);
    await widget.getByRole('button', { name: nlBE.method.acmidm!.button }).click();

    // The simulated IdP: a digital key (its level), then the person.
    await page.waitForURL(`${base}/poort/dev/acmidm/sso`);
    await page.getByRole('radio', { name: /itsme/ }).check();
    await page.getByRole('button', { name: 'Aanmelden als Marie Peeters' }).click();

    await page.waitForURL(`${base}/vl/`);
    await widget.getByRole('heading', { name: nlBE.capacities.heading }).waitFor();
    const citizen = widget.getByRole('radio', { name: new RegExp(nlBE.capacities.citizen) });
    await citizen.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const municipality = nlBE.capacities.employee.replace('{{name}}', 'Gemeente Voorbeeldegem');
    expect(await widget.getByRole('radio', { name: new RegExp(municipality) }).isChecked()).toBe(true);
    await page.keyboard.press('Enter');

    await page.locator('#session-status').getByText('voor Gemeente Voorbeeldegem').waitFor();
    const session = await page.evaluate(async () => (await fetch('/poort/api/session')).json());
    expect(session).toMatchObject({ method: 'acmidm', level: 'loa4', organisationChoiceNeeded: false, actingFor: { name: 'Gemeente Voorbeeldegem', capacity: 'LB' }, attributes: { capacity: 'LB' } });
    expect(problems).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
