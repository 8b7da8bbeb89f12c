import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The text editor served at /poort/editor: one ES module with Lit, the widget (for the live
// preview) and the editor's texts. Built like the widget (widget/vite.config.ts), into dist/editor/.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: {
    outDir: '../dist/editor',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    minify: true,
    // One file: the BFF serves poort-text-editor.js alone, and the preview needs every language.
    rolldownOptions: { output: { minify: true, codeSplitting: false } },
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'poort-text-editor.js' },
  },
});
