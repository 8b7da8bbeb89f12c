// The built widget on the demo site, in real Chromium, under the strict Content-Security-Policy
// the BFF sends (script-src 'self', no 'unsafe-inline', no eval): it must work with zero
// violations, on the plain pages and inside the Vue and React apps.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession } from '../support/browser-session.js';

const site = browserSession();

/** Opens a page and collects every CSP violation it reports. */
async function open(path: string): Promise<{ page: Page; violations: string[] }> {
  const { page, cspViolations: violations } = await site.open();
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  const res = await page.goto(`${site.base}${path}`);
  const csp = res!.headers()['content-security-policy']!;
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  return { page, violations };
}

describe('<login-chooser> under a strict CSP', () => {
  it('renders, searches and fires events on the Dutch demo page', async () => {
    const { page, violations } = await open('/');
    await page.locator('login-chooser button[data-method="eherkenning"]').click();
    await page.locator('login-chooser #search').fill('zuid');
    await expect.poll(() => page.locator('login-chooser [role=option]').allTextContents()).toEqual([
      expect.stringContaining('Demo Leverancier Zuid'),
    ]);
    expect(await page.locator('#events').textContent()).toContain('poort-method {"method":"eherkenning"}');
    expect(violations).toEqual([]);
  });

  it('shows an error view for ?poort-error= and cleans the address, in English from the chunk of English texts', async () => {
    const { page, violations } = await open('/en/?poort-error=no_authorisation');
    await expect.poll(() => page.locator('login-chooser h2').first().textContent()).toBe('Logging in did not work');
    // The English texts are a chunk loaded on demand, from the widget's own folder (script-src 'self').
    const chunks = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => /login-chooser-texts-/.test(n)));
    expect(chunks).toEqual([expect.stringMatching(new RegExp(`^${site.base}/widget/login-chooser-texts-en-[\\w-]+\\.js$`))]);
    expect(new URL(page.url()).search).toBe('');
    expect(await page.locator('login-chooser [part="technical"]').textContent()).toContain('ServiceUUID');
    expect(violations).toEqual([]);
  });

  it('works inside the Vue app, following its language and reporting events to it', async () => {
    const { page, violations } = await open('/vue/');
    await expect.poll(() => page.locator('login-chooser h2').first().textContent()).toBe('Inloggen');
    await page.getByLabel('English').check();
    await expect.poll(() => page.locator('login-chooser h2').first().textContent()).toBe('Log in');
    await page.locator('login-chooser button[data-method="email"]').click();
    await expect.poll(() => page.locator('main ol').textContent()).toContain('poort-method {"method":"email"}');
    expect(violations).toEqual([]);
  });

  // WCAG 1.4.10: the demo pages around the widget reflow too (long Flemish words in headings).
  it('needs no horizontal scrolling on the demo pages at 320 px, at any step', async () => {
    for (const path of ['/', '/vl/', '/en/', '/account/', '/vl/?poort-error=no_authorisation']) {
      const { page } = await open(path);
      await page.setViewportSize({ width: 320, height: 800 });
      await page.locator('login-chooser h2, poort-email-form h2').first().waitFor();
      const wide = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(await wide(), path).toBeLessThanOrEqual(0);
      if (!path.includes('account') && !path.includes('poort-error')) {
        await page.locator('login-chooser button[data-method="eherkenning"]').click();
        await page.locator('login-chooser #search').waitFor();
        expect(await wide(), `${path} broker step`).toBeLessThanOrEqual(0);
      }
      }
  });

  it('shows the ready themes on the demo pages: Flemish by default on the Flemish page, switchable there and on the Dutch page', async () => {
    const background = (page: Page) => page.locator('login-chooser button[data-method="eherkenning"]').evaluate((b) => getComputedStyle(b).backgroundColor);
    const poortOwn = 'rgb(21, 66, 115)';
    const flemish = await open('/vl/');
    await expect.poll(() => background(flemish.page)).toBe('rgb(0, 85, 204)');
    expect(await flemish.page.locator('login-chooser').evaluate((el) => getComputedStyle(el).fontFamily)).toContain('Flanders Art Sans');
    await flemish.page.locator('input[name="theme"][value=""]').check();
    await expect.poll(() => background(flemish.page)).toBe(poortOwn);
    expect(new URL(flemish.page.url()).searchParams.get('theme')).toBe('poort');
    expect(flemish.violations).toEqual([]);

    const dutch = await open('/');
    await expect.poll(() => background(dutch.page)).toBe(poortOwn);
    const font = (page: Page) => page.locator('login-chooser').evaluate((el) => getComputedStyle(el).fontFamily);
    await dutch.page.locator('input[name="theme"][value="rijkshuisstijl"]').check();
    await expect.poll(() => font(dutch.page)).toContain('RO Sans');
    await dutch.page.locator('input[name="theme"][value="vlaanderen"]').check();
    await expect.poll(() => background(dutch.page)).toBe('rgb(0, 85, 204)');
    expect(new URL(dutch.page.url()).searchParams.get('theme')).toBe('vlaanderen');
    expect(dutch.violations).toEqual([]);
  });

  it('works inside the React app, natively and through the @lit/react components', async () => {
    const { page, violations } = await open('/react/');
    await expect.poll(() => page.locator('login-chooser h2').first().textContent()).toBe('Inloggen');
    await page.locator('input[name="lang"][value="en"]').check();
    await expect.poll(() => page.locator('login-chooser h2').first().textContent()).toBe('Log in');
    await page.getByLabel('Met de @lit/react-componenten').check();
    await page.locator('login-chooser button[data-method="email"]').click();
    await expect.poll(() => page.locator('main ol').textContent()).toContain('poort-method {"method":"email"}');
    expect(violations).toEqual([]);
  });
});
