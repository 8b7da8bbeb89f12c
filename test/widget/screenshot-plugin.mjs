// Web-test-runner commands for the widget tests: `executeServerCommand('poort-screenshot',
// { name })` saves a full-page PNG of the test page to reports/widget-screenshots/<name>.png (git
// ignores reports/), so a reviewer can look at every state at 320 px after a run; and
// `executeServerCommand('poort-focus-page')` brings the test page to the front: a page without
// focus (document.hasFocus() false) matches neither :focus nor :focus-visible.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const screenshotFolder = join(process.cwd(), 'reports', 'widget-screenshots');

export function screenshotPlugin() {
  return {
    name: 'poort-screenshot',
    async executeCommand({ command, payload, session }) {
      if (command === 'poort-focus-page' && session.browser.type === 'puppeteer') {
        await session.browser.getPage(session.id).bringToFront();
        return true;
      }
      if (command !== 'poort-screenshot') return undefined;
      const name = String(payload?.name ?? '').replace(/[^a-zA-Z0-9-]+/g, '-');
      if (!name || session.browser.type !== 'puppeteer') throw new Error('poort-screenshot needs a name and the Chrome launcher');
      mkdirSync(screenshotFolder, { recursive: true });
      await session.browser.getPage(session.id).screenshot({ path: join(screenshotFolder, `${name}.png`), fullPage: true });
      return true;
    },
  };
}
