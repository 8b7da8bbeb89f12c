import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// dist/widget/react.js (the @lit/react components), built after login-chooser.js and importing it
// as it is (`./login-chooser.js`): built together, the two entries would share a third module, and
// a page would need two round trips before <login-chooser> renders.
const widgetEntry = fileURLToPath(new URL('./src/index.ts', import.meta.url));
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: {
    outDir: '../dist/widget',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    minify: true,
    rolldownOptions: {
      // React is the site's own: the React components use whatever copy the page has.
      external: ['react', widgetEntry],
      output: { minify: true, paths: { [widgetEntry]: './login-chooser.js' } },
    },
    lib: { entry: { react: 'src/react.ts' }, formats: ['es'], fileName: (_format, name) => `${name}.js` },
  },
});
