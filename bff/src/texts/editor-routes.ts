// `GET /poort/editor` (the text editor's page, editor-page.ts) and its script, built by
// `npm run build` (editor/vite.config.ts) into dist/editor/.
import { readFile } from 'node:fs/promises';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { ApiError } from '../http/api-error.js';
import { requestedLocale } from '../http/error-response.js';
import { validationHook } from '../http/validation-hook.js';
import { editorPage } from './editor-page.js';
import { refreshTextsForPage } from './live-texts.js';

// Found from the sources (tsx, tests) and from dist/bff/src/texts/ alike.
const editorScript = new URL(import.meta.url.endsWith('.ts') ? '../../../dist/editor/poort-text-editor.js' : '../../../editor/poort-text-editor.js', import.meta.url);

const page = createRoute({
  method: 'get',
  path: '/editor',
  summary: "The text editor's page (for editors; the texts API checks the login), in `lang` or the browser's language",
  request: { query: z.object({ lang: z.string().optional() }) },
  responses: { 200: { description: 'the page', content: { 'text/html': { schema: z.string() } } } },
});

const script = createRoute({
  method: 'get',
  path: '/editor/poort-text-editor.js',
  summary: "The text editor's script (built by npm run build)",
  responses: { 200: { description: 'the script', content: { 'text/javascript': { schema: z.string() } } }, 404: { description: 'not built' } },
});

export function editorPageRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(page, async (c) => {
      await refreshTextsForPage(c.get('deps').db.db);
      c.header('Cache-Control', 'no-store');
      return c.html(editorPage(requestedLocale(c)), 200);
    })
    .openapi(script, async (c) => {
      const source = await readFile(editorScript, 'utf8').catch(() => undefined);
      if (source === undefined) throw new ApiError('not_found', 'The text editor is not built: run npm run build.');
      c.header('Cache-Control', 'no-cache');
      return c.body(source, 200, { 'content-type': 'text/javascript; charset=utf-8' });
    });
}
