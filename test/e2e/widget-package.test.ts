// The widget as a published package (scripts/pack-widget.mjs → @poort/login-chooser): what
// `npm pack` puts in the tarball (the module, types, the custom-elements manifest, README and
// LICENSE; no tests, no sources), declarations a TypeScript user can compile against, and the
// module working from a plain HTML page in Chromium, with the BFF behind the site's /poort/.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packWidget } from '../../scripts/pack-widget.mjs';
import { launchChromium } from '../support/browser.js';
import { tempDataDirs } from '../support/data-dirs.js';
import { startServer, type ServerProcess } from '../support/server-process.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dirs = tempDataDirs();
let dir: string;
let files: string[];
let packageDir: string;

beforeAll(() => {
  const packed = packWidget();
  files = packed.files;
  dir = mkdtempSync(join(tmpdir(), 'poort-widget-package-'));
  execFileSync('tar', ['-xzf', packed.tarball, '-C', dir]);
  packageDir = join(dir, 'package');
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the widget package', () => {
  it('holds the module, its declarations, the manifest, README and LICENSE, and no tests or sources', () => {
    expect(files).toEqual(expect.arrayContaining(['package.json', 'login-chooser.js', expect.stringMatching(/^login-chooser-texts-en-[\w-]+\.js$/), 'custom-elements.json', 'types/widget/src/index.d.ts', 'themes/rijkshuisstijl.css', 'README.md', 'LICENSE']));
    expect(files.filter((f) => /(^|\/)(test|tests|__tests__)\/|\.(test|spec)\.|\.stories\./.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(readFileSync(join(packageDir, 'LICENSE'), 'utf8')).toMatch(/^EUROPEAN UNION PUBLIC LICENCE v\. 1\.2/);
  });

  it('describes itself: EUPL-1.2, an ES module, its types and manifest, no dependencies to install', () => {
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({
      name: '@poort/login-chooser',
      license: 'EUPL-1.2',
      type: 'module',
      types: './types/widget/src/index.d.ts',
      customElements: './custom-elements.json',
      exports: { '.': { types: './types/widget/src/index.d.ts', default: './login-chooser.js' } },
    });
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.peerDependenciesMeta.lit.optional).toBe(true);
  });

  it('lists both elements in the custom-elements manifest', () => {
    const cem = JSON.parse(readFileSync(join(packageDir, 'custom-elements.json'), 'utf8')) as { modules: { declarations?: { tagName?: string }[] }[] };
    const tags = cem.modules.flatMap((m) => m.declarations ?? []).map((d) => d.tagName).filter(Boolean);
    expect(tags).toEqual(expect.arrayContaining(['login-chooser', 'poort-email-form']));
  });

  it('has declarations that import nothing but lit (and its subpaths), and a TypeScript user compiles against them', () => {
    const imports = files
      .filter((f) => f.endsWith('.d.ts'))
      .flatMap((f) => [...readFileSync(join(packageDir, f), 'utf8').matchAll(/(?:from '|import\(")([^'".][^'"]*)['"]/g)].map((m) => m[1]));
    expect([...new Set(imports)].filter((name) => name !== 'lit' && !name!.startsWith('lit/'))).toEqual([]);

    const consumer = join(dir, 'consumer');
    mkdirSync(join(consumer, 'node_modules/@poort'), { recursive: true });
    // Installed as npm would: a copy of the package, and lit (its own dependencies resolve beside
    // it, in this checkout's node_modules).
    cpSync(packageDir, join(consumer, 'node_modules/@poort/login-chooser'), { recursive: true });
    symlinkSync(join(root, 'node_modules/lit'), join(consumer, 'node_modules/lit'));
    writeFileSync(
      join(consumer, 'use.ts'),
      [
        "import { LoginChooser, type Broker, type PoortLoginDetail } from '@poort/login-chooser';",
        "const chooser: LoginChooser | null = document.querySelector('login-chooser');",
        "chooser?.addEventListener('poort-login', (e: CustomEvent<PoortLoginDetail>) => console.log(e.detail));",
        "const broker: Broker = { id: 'x', name: 'X', aliases: [], levels: ['loa3'] };",
        'export { broker };',
      ].join('\n'),
    );
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM'], types: [] }, files: ['use.ts'] }),
    );
    const tsc = () => execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', consumer], { encoding: 'utf8', stdio: 'pipe' });
    expect(tsc).not.toThrow();
  }, 120_000);
});

describe('the packaged module on a plain HTML page', () => {
  let poort: ServerProcess;
  let site: Server;
  let siteUrl: string;
  let cdn: Server;
  let cdnUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    poort = await startServer({ POORT_DATA_DIR: await dirs.seeded(), DATABASE_URL: '' });
    const bff = new URL(poort.url);
    // A site of its own: one static page, the package as installed under node_modules/, and the
    // BFF behind /poort/ as a reverse proxy would put it.
    const page = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Plain</title>
<script type="module" src="/node_modules/@poort/login-chooser/login-chooser.js"></script></head>
<body><login-chooser bff="/poort" return-to="/mijn"></login-chooser></body></html>`;
    // An English page that loads the package from another origin (a CDN): the module imports its
    // chunks (the English texts) relative to itself, so they come from there too, with CORS.
    const englishPage = () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain</title>
<script type="module" src="${cdnUrl}/node_modules/@poort/login-chooser/login-chooser.js"></script></head>
<body><login-chooser bff="/poort" return-to="/mijn"></login-chooser></body></html>`;
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      const path = new URL(req.url ?? '/', 'http://site').pathname;
      if (path.startsWith('/poort/')) {
        const upstream = request({ host: bff.hostname, port: bff.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        req.pipe(upstream);
        return;
      }
      if (path === '/' || path === '/en') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(path === '/' ? page : englishPage());
        return;
      }
      const prefix = '/node_modules/@poort/login-chooser/';
      const file = path.startsWith(prefix) ? normalize(join(packageDir, path.slice(prefix.length))) : '';
      if (!file.startsWith(packageDir)) {
        res.writeHead(404).end();
        return;
      }
      try {
        const types: Record<string, string> = { '.js': 'text/javascript', '.json': 'application/json', '.map': 'application/json' };
        res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'access-control-allow-origin': '*' }).end(readFileSync(file));
      } catch {
        res.writeHead(404).end();
      }
    };
    site = createServer(handler);
    cdn = createServer(handler);
    await Promise.all([site, cdn].map((server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))));
    siteUrl = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
    cdnUrl = `http://127.0.0.1:${(cdn.address() as { port: number }).port}`;
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all([site, cdn].map((server) => new Promise((resolve) => server?.close(resolve))));
    await poort?.stop();
  });

  it('defines <login-chooser>, which reads the site configuration through /poort and offers the methods', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${siteUrl}/`);
    await expect.poll(() => page.evaluate(() => Boolean(customElements.get('login-chooser') && customElements.get('poort-email-form')))).toBe(true);
    await expect.poll(() => page.locator('login-chooser button[data-method="eherkenning"]').count(), { timeout: 15_000 }).toBe(1);
    await page.locator('login-chooser button[data-method="eherkenning"]').click();
    await page.locator('login-chooser #search').fill('zuid');
    await expect.poll(() => page.locator('login-chooser [role=option]').allTextContents()).toEqual([expect.stringContaining('Demo Leverancier Zuid')]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('loads from another origin, and an English page gets its English texts from there too', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    const chunks: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('requestfinished', (r) => /login-chooser-[^/]*\.js$/.test(r.url()) && chunks.push(r.url()));
    await page.goto(`${siteUrl}/en`);
    await expect.poll(() => page.locator('login-chooser h2').first().textContent(), { timeout: 15_000 }).toBe('Log in');
    expect(chunks).toEqual([expect.stringMatching(new RegExp(`^${cdnUrl}/node_modules/@poort/login-chooser/login-chooser-texts-en-[\\w-]+\\.js$`))]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
