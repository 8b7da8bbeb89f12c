// broker.keystroke_10k_ms / broker.keystroke_10k_max_ms: in headless Chromium, the built widget
// with 10,000 brokers; for 20 keystrokes of varied queries, the time from the key press (the
// keydown event's timestamp) until the frame after the list has updated has been produced
// (the widget's update done, then the next animation frame and the paint after it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { widgetDistDir } from '../../demo-site/serve.js';
import { launchChromium } from '../support/browser.js';
import { manyBrokers } from '../support/many-brokers.js';
import { median, report } from './report.js';

const origin = 'http://bench.poort.test';
const page = `<!doctype html><html lang="nl"><head><meta charset="utf-8">
<script type="module" src="/widget/login-chooser.js"></script></head>
<body><login-chooser bff="/poort"></login-chooser></body></html>`;

const keys = ['n', 'o', 'o', 'r', 'd', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'Backspace',
  'z', 'u', 'i', 'd', ' ', '1', '2', 'Backspace', 'Backspace', 'Backspace'];

export async function benchBrokerKeystroke(): Promise<void> {
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage();
    const config = {
      environment: 'production',
      siteName: { nl: 'Bench', 'nl-BE': 'Bench', en: 'Bench' },
      methods: ['eherkenning'],
      level: 'loa2plus',
      brokers: manyBrokers(10_000),
      eherkenning: { entityId: 'e', serviceId: 's', serviceUuid: 'u', serviceName: { nl: 'd', 'nl-BE': 'd', en: 'd' }, level: 'loa2plus' },
    };
    await tab.route(`${origin}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/poort/api/config') return route.fulfill({ json: config });
      if (path.startsWith('/widget/')) {
        return route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(widgetDistDir, path.slice('/widget/'.length))) });
      }
      return route.fulfill({ contentType: 'text/html', body: page });
    });
    await tab.goto(`${origin}/`);
    await tab.locator('login-chooser button[data-method="eherkenning"]').click();
    await tab.locator('login-chooser #search').focus();
    const times: number[] = [];
    for (const key of keys) {
      // Arm the measurement first (awaited), then press, then collect.
      await tab.evaluate(() => {
        const w = window as unknown as { keystroke: Promise<number> };
        w.keystroke = new Promise<number>((resolve) => {
          const el = document.querySelector('login-chooser')!;
          let pressed = 0;
          document.addEventListener('keydown', (e) => (pressed = e.timeStamp), { once: true, capture: true });
          // Bubble phase on document: after the widget's own input handler has asked for an update.
          document.addEventListener(
            'input',
            () =>
              void el.updateComplete.then(() =>
                requestAnimationFrame(() => {
                  const after = new MessageChannel();
                  after.port1.onmessage = () => resolve(performance.now() - pressed);
                  after.port2.postMessage(0);
                }),
              ),
            { once: true },
          );
        });
      });
      await tab.keyboard.press(key);
      times.push(await tab.evaluate(() => (window as unknown as { keystroke: Promise<number> }).keystroke));
    }
    report('broker.keystroke_10k_ms', median(times), 'ms');
    report('broker.keystroke_10k_max_ms', Math.max(...times), 'ms');
  } finally {
    await browser.close();
  }
}
