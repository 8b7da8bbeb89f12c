import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The React 19 demo at /react/. `poort/widget` and `poort/widget/react` stand for the published
// package: the built modules and their types, exactly what an integrator's bundler would import.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/react/',
  // 'error': the page links the demo site's own /assets/site.css, which Vite rightly cannot find.
  logLevel: 'error',
  resolve: {
    alias: {
      'poort/widget/react': fileURLToPath(new URL('../../dist/widget/react.js', import.meta.url)),
      'poort/widget': fileURLToPath(new URL('../../dist/widget/login-chooser.js', import.meta.url)),
    },
  },
  // JSX through Vite's own transform (no plugin needed): React 17+'s automatic runtime.
  oxc: { jsx: { runtime: 'automatic' } },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: '../../dist/demo-site/react',
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill would be an inline script; the demo's CSP allows none.
    modulePreload: { polyfill: false },
  },
});
