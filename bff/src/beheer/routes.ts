// /poort/beheer/: the Beheer page for admins and the service desk, served by the BFF itself so it
// shares the session cookie and the origin of the API it calls. Who may not use it gets a page
// that says why (not logged in, not an admin, eHerkenning level too low), never JSON.
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { levelSatisfies, levels } from '../../../contract/levels.js';
import type { AppEnv } from '../app-env.js';
import { isAdministrator } from '../accounts/admin-scope.js';
import { requestedLocale, siteRoot } from '../http/error-response.js';
import { loadSession } from '../sessions/load-session.js';
import { requiredLevelForRole } from '../site-config/levels.js';
import { refreshTextsForPage } from '../texts/live-texts.js';
import { beheerRefusalPage, beheerShell } from './beheer-page.js';

// The built elements (npm run build: dist/beheer/), from the sources (tsx, tests) and from dist/ alike.
export const beheerDistDir = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '../../../dist/beheer/' : '../../../beheer/', import.meta.url));

const html = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });
const script = { description: 'the built module (npm run build)', content: { 'text/javascript': { schema: z.string() } } };
const lang = z.object({ lang: z.string().max(35).optional().openapi({ description: 'nl, nl-BE or en; else Accept-Language' }) });

const pageRoute = createRoute({
  method: 'get',
  path: '/beheer/',
  summary: 'The Beheer page for admins and the service desk (HTML); anyone else gets a page saying why not',
  request: { query: lang },
  responses: { 200: html('the page'), 401: html('not logged in'), 403: html('not an admin, or not logged in with eHerkenning at the admin level') },
});
const redirectRoute = createRoute({ method: 'get', path: '/beheer', summary: 'To /beheer/', responses: { 301: { description: 'to /poort/beheer/' } } });
const moduleRoute = (path: string) => createRoute({ method: 'get', path, summary: "The Beheer page's elements", responses: { 200: script, 404: { description: 'not built' } } });

export function beheerRoutes() {
  const routes = new OpenAPIHono<AppEnv>();
  routes.openapi(redirectRoute, (c) => c.redirect(`${c.req.path}/`, 301));
  routes.use('/beheer/', loadSession());
  routes.openapi(pageRoute, async (c) => {
    const lang = requestedLocale(c);
    // Editors' changes to the page's texts show at once (and the texts this instance had when the database is away).
    await refreshTextsForPage(c.get('deps').db.db);
    const session = c.get('session');
    c.header('Cache-Control', 'no-store');
    if (!session) return c.html(beheerRefusalPage(lang, 'not_logged_in', siteRoot(c)), 401);
    if (!isAdministrator(session.user.role)) return c.html(beheerRefusalPage(lang, 'not_an_admin', siteRoot(c)), 403);
    const required = requiredLevelForRole(c.get('deps').site.eherkenning.roleLevels, session.user.role);
    const achieved = session.session.method === 'eherkenning' ? levels.find((l) => l === session.session.level) : undefined;
    if (required && !(achieved && levelSatisfies(achieved, required))) {
      return c.html(beheerRefusalPage(lang, 'level_too_low', siteRoot(c), required), 403);
    }
    return c.html(beheerShell(lang), 200);
  });
  const built = serveStatic({ root: beheerDistDir, rewriteRequestPath: (p) => p.replace(/^.*\/beheer\//, '/') });
  // serveStatic answers nothing for a file that is not there (no npm run build): then a 404.
  for (const path of ['/beheer/beheer.js', '/beheer/beheer.js.map']) routes.openapi(moduleRoute(path), async (c) => (await built(c, async () => {})) ?? c.notFound());
  return routes;
}
