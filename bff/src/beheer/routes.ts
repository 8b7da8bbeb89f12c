// /poort/beheer/: the Beheer page for admins and the service desk, served by the BFF itself so it
// shares the session cookie and the origin of the API it calls. Who may not use it gets a page
// that says why (not logged in, not an admin, eHerkenning level too low), never JSON.
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { levelSatisfies, levels } from '../../../contract/levels.js';
import type { AppEnv } from '../app-env.js';
import { isAdministrator } from '../accounts/admin-scope.js';
import { requestedLocale, siteRoot } from '../http/error-response.js';
import { loadSession } from '../sessions/load-session.js';
import { requiredLevelForRole } from '../site-config/levels.js';
import { beheerRefusalPage, beheerShell } from './beheer-page.js';

// The built elements (npm run build: dist/beheer/), from the sources (tsx, tests) and from dist/ alike.
export const beheerDistDir = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '../../../dist/beheer/' : '../../../beheer/', import.meta.url));

export function beheerRoutes() {
  const routes = new Hono<AppEnv>();
  routes.get('/beheer', (c) => c.redirect(`${c.req.path}/`, 301));
  routes.get('/beheer/', loadSession(), (c) => {
    const lang = requestedLocale(c);
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
  routes.get('/beheer/beheer.js', built);
  routes.get('/beheer/beheer.js.map', built);
  return routes;
}
