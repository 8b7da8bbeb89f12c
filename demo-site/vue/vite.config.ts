import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The Vue demo at /vue/. `poort/widget` stands for the published package: the built module and
// its types, exactly what an integrator's bundler would import.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/vue/',
  // 'error': the page links the demo site's own /assets/site.css, which Vite rightly cannot find.
  logLevel: 'error',
  resolve: {
    alias: { 'poort/widget': fileURLToPath(new URL('../../dist/widget/login-chooser.js', import.meta.url)) },
  },
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  build: {
    outDir: '../../dist/demo-site/vue',
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill would be an inline script; the demo's CSP allows none.
    modulePreload: { polyfill: false },
  },
});
