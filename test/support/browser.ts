// Headless Chromium through playwright-core for end-to-end tests and benchmarks (the machine's
// own Chromium: Playwright cannot download browsers here).
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from '../find-chromium.mjs';

export function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: set CHROME_PATH or install chromium.');
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
