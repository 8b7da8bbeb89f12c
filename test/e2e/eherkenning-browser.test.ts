// The eHerkenning flow in a real browser against a real server process (as `npm start` runs it):
// demo page → start → simulated broker (samlify) → ACS → back on the demo page, logged in; and the
// cancel and no-authorisation paths back with ?poort-error=. Debian Chromium via playwright-core.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../support/server-process.js';

const dataDir = mkdtempSync(join(tmpdir(), 'poort-e2e-eh-'));
let server: ServerProcess;
let browser: Browser;
let base: string;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // The simulated brokers and the ACS URL derive from POORT_PUBLIC_URL, so it must be the real address.
  server = await startServer({ POORT_DATA_DIR: dataDir, DATABASE_URL: '', PORT: String(port), POORT_PUBLIC_URL: base });
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', // npm test sets CHROME_PATH (test/find-chromium.mjs)
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function openPage(): Promise<{ page: Page; cspViolations: string[] }> {
  const context = await browser.newContext({ locale: 'nl-NL' });
  const page = await context.newPage();
  const cspViolations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  return { page, cspViolations };
}

/** From the demo page into the broker, the way the widget sends the browser (a full-page navigation). */
async function toBroker(page: Page, broker: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.locator('login-chooser').waitFor();
  await page.goto(`${base}/poort/auth/eherkenning/start?broker=${broker}&returnTo=/`);
  await page.waitForURL(/\/poort\/dev\/brokers\/.+\/sso$/);
}

describe('eHerkenning in the browser', () => {
  it('made development SAML keys under POORT_DATA_DIR on first start', () => {
    for (const name of ['sp-signing', 'sp-encryption', 'dev-broker-demo-noord']) {
      expect(existsSync(join(dataDir, 'keys', `${name}.key`)), name).toBe(true);
      expect(existsSync(join(dataDir, 'keys', `${name}.crt`)), name).toBe(true);
    }
  });

  it('logs in through the POST broker and lands back on the demo page with a session', async () => {
    const { page, cspViolations } = await openPage();
    await toBroker(page, 'demo-noord');
    await page.getByRole('button', { name: /Inloggen als Jan de Vries/ }).click();
    await page.waitForURL(`${base}/`);
    const session = await page.evaluate(async () => (await fetch('/poort/api/session')).json());
    expect(session).toMatchObject({ method: 'eherkenning', level: 'loa2plus', attributes: { kvk: '90001234', broker: 'demo-noord' } });
    expect(cspViolations).toEqual([]);
    await page.context().close();
  });

  it('logs in through the Artifact broker', async () => {
    const { page } = await openPage();
    await toBroker(page, 'demo-zuid');
    await page.getByRole('button', { name: /Inloggen als Fatima El Amrani/ }).click();
    await page.waitForURL(`${base}/`);
    const session = await page.evaluate(async () => (await fetch('/poort/api/session')).json());
    expect(session).toMatchObject({ method: 'eherkenning', attributes: { kvk: '90005678', vestigingsnr: '000012345678', broker: 'demo-zuid' } });
    await page.context().close();
  });

  for (const [button, code] of [
    ['Annuleren', 'cancelled'],
    ['Geen machtiging', 'no_authorisation'],
  ] as const) {
    it(`comes back to the demo page with ?poort-error=${code} after "${button}"`, async () => {
      const { page } = await openPage();
      await toBroker(page, 'demo-noord');
      await page.getByRole('button', { name: button }).click();
      await page.waitForURL(`${base}/?poort-error=${code}`);
      await page.locator('login-chooser').waitFor();
      expect((await page.evaluate(async () => (await fetch('/poort/api/session')).status))).toBe(401);
      await page.context().close();
    });
  }

  it('comes back with ?poort-error=level_too_low from a broker that only offers a lower level', async () => {
    const { page } = await openPage();
    await toBroker(page, 'demo-eenvoud');
    await page.getByRole('button', { name: /Inloggen als Pieter Claes/ }).click();
    await page.waitForURL(`${base}/?poort-error=level_too_low`);
    await page.context().close();
  });
});
