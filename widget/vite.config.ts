import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The ES module a site loads with one script tag (Lit and the Dutch texts inside), and beside it
// the chunks it imports on demand (lazy-elements.ts, texts/text-set.ts): the Flemish and English
// texts and the steps few people see. A chunk is imported relative to login-chooser.js
// (`import("./login-chooser-….js")`), so it comes from wherever the module came from.
/** A locale file's chunk is named for its step and locale (`login-chooser-texts-link-en-….js`), others for their module. */
function chunkName(chunk: { name: string; facadeModuleId: string | null }): string {
  const texts = /locales\/(?:steps\/([\w-]+)\/)?([\w-]+)\.json$/.exec(chunk.facadeModuleId ?? '');
  return texts ? `login-chooser-texts-${texts[1] ? `${texts[1]}-` : ''}${texts[2]}-[hash].js` : 'login-chooser-[name]-[hash].js';
}

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
    rolldownOptions: {
      preserveEntrySignatures: 'allow-extension',
      // login-chooser-<name>-<hash>.js: whoever copies or serves login-chooser*.js has them all.
      output: { minify: true, chunkFileNames: chunkName },
    },
    // react.js (the @lit/react components) is built next, importing this module: react.vite.config.ts.
    lib: {
      entry: { 'login-chooser': 'src/index.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
  },
});
