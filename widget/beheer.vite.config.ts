import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The Beheer page's elements as one ES module, dist/beheer/beheer.js, served by the BFF at
// /poort/beheer/beheer.js. Built apart from login-chooser.js so the embedded widget stays small.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: {
    outDir: '../dist/beheer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    minify: true,
    rolldownOptions: { output: { minify: true } },
    lib: {
      entry: 'src/beheer/index.ts',
      formats: ['es'],
      fileName: () => 'beheer.js',
    },
  },
});
