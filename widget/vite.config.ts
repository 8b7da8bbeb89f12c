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
    rolldownOptions: { output: { minify: true } },
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'login-chooser.js',
    },
  },
});
