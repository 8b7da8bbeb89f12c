// Serves the demo site (Dutch, Flemish and English example pages) and the built widget module
// from the BFF's own origin, the way an embedding site serves Poort same-site behind its proxy.
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

// Everything served comes from dist/ (`npm run build`). This module runs from demo-site/ in
// development (tsx, tests) and from dist/demo-site/ once compiled: both find the same dist/.
const builtDemoSite = new URL(import.meta.url.endsWith('.ts') ? '../dist/demo-site/' : './', import.meta.url);
export const demoSiteDir = fileURLToPath(new URL('./public', builtDemoSite));
export const widgetDistDir = fileURLToPath(new URL('../widget', builtDemoSite));
// The Vue and React demo apps (demo-site/vue/vite.config.ts, demo-site/react/vite.config.ts).
export const vueDistDir = fileURLToPath(new URL('./vue', builtDemoSite));
export const reactDistDir = fileURLToPath(new URL('./react', builtDemoSite));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function mountDemoSite(app: Hono<any>): void {
  app.use(
    '/widget/*',
    serveStatic({ root: widgetDistDir, rewriteRequestPath: (p) => p.replace(/^\/widget/, '') }),
  );
  app.use('/vue/*', serveStatic({ root: vueDistDir, rewriteRequestPath: (p) => p.replace(/^\/vue/, '') }));
  app.use('/react/*', serveStatic({ root: reactDistDir, rewriteRequestPath: (p) => p.replace(/^\/react/, '') }));
  app.use('/*', serveStatic({ root: demoSiteDir }));
}
