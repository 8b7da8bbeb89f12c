// Serves the demo site (Dutch, Flemish and English example pages) and the built widget module
// from the BFF's own origin, the way an embedding site serves Poort same-site behind its proxy.
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

export const demoSiteDir = fileURLToPath(new URL('./public', import.meta.url));
export const widgetDistDir = fileURLToPath(new URL('../widget/dist', import.meta.url));
// The Vue demo app, built by `npm run build` (demo-site/vue/vite.config.ts).
export const vueDistDir = fileURLToPath(new URL('./vue-dist', import.meta.url));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function mountDemoSite(app: Hono<any>): void {
  app.use(
    '/widget/*',
    serveStatic({ root: widgetDistDir, rewriteRequestPath: (p) => p.replace(/^\/widget/, '') }),
  );
  app.use('/vue/*', serveStatic({ root: vueDistDir, rewriteRequestPath: (p) => p.replace(/^\/vue/, '') }));
  app.use('/*', serveStatic({ root: demoSiteDir }));
}
