import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChromium } from './test/find-chromium.mjs';
import { screenshotPlugin } from './test/widget/screenshot-plugin.mjs';

const chromium = findChromium();
if (!chromium) throw new Error('No Chromium found: see `npm test` for how to install one.');

const args = [
  '--headless=new',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// Chromium refuses to run as root with its sandbox on.
if (process.getuid?.() === 0) args.push('--no-sandbox');

export default {
  files: ['widget/src/**/*.test.ts', 'test/widget/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: './tsconfig.json' }), screenshotPlugin()],
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromium, headless: true, args } })],
};
