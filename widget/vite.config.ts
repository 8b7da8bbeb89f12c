import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// One self-contained ES module (Lit and i18next included) that a site loads with one script tag.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: {
    // dist/widget/ at the package root, with everything else `npm run build` makes.
    outDir: '../dist/widget',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    minify: true,
    // Library mode keeps whitespace for consumers' bundlers; this module is also loaded directly
    // by a script tag, so it ships fully minified.
    // React is the site's own: the React components use whatever copy the page has.
    rolldownOptions: { external: ['react'], preserveEntrySignatures: 'allow-extension', output: { minify: true } },
    lib: {
      // react.js (the @lit/react components) imports the elements from login-chooser.js: two
      // entries of one build share their code instead of each carrying a copy.
      entry: { 'login-chooser': 'src/index.ts', react: 'src/react.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
  },
});
