// Which application a path or an id names, and the rules a configuration's applications must keep
// beyond their own shape: unique ids, return paths inside the site's, and no path that belongs to
// two applications (so a return path names at most one, and audit reports name it). Pure.
import { BASE } from '../../../contract/paths.js';
import { underPrefix } from '../http/return-to.js';
import type { ApplicationConfig } from './application-config.js';

export function applicationById(applications: readonly ApplicationConfig[], id: string | null | undefined): ApplicationConfig | undefined {
  return id ? applications.find((a) => a.id === id) : undefined;
}

/** The application whose return paths hold `path` (query and fragment ignored), if any. */
export function applicationForPath(applications: readonly ApplicationConfig[], path: string | null | undefined): ApplicationConfig | undefined {
  if (!path) return undefined;
  const bare = path.replace(/[?#].*$/s, '');
  return applications.find((a) => a.returnToPrefixes.some((p) => underPrefix(bare, p)));
}

/** What is wrong with the applications as a whole, naming the field; undefined when nothing is. */
export function applicationConfigProblem(applications: readonly ApplicationConfig[], site: { returnToPrefixes: readonly string[]; methods: readonly string[] }): string | undefined {
  const seen = new Set<string>();
  const sitePrefixes = site.returnToPrefixes;
  for (const [index, app] of applications.entries()) {
    if (seen.has(app.id)) return `applications: id "${app.id}" appears twice`;
    seen.add(app.id);
    if (!Object.keys(app.levels).some((m) => site.methods.includes(m))) return `applications[${index}].levels: names none of the site's methods (${site.methods.join(', ')})`;
    for (const prefix of app.returnToPrefixes) {
      if (!sitePrefixes.some((site) => underPrefix(prefix, site))) {
        return `applications[${index}].returnToPrefixes: "${prefix}" is not under one of site.returnToPrefixes`;
      }
      for (const other of applications) {
        if (other === app) continue;
        const clash = other.returnToPrefixes.find((p) => underPrefix(prefix, p) || underPrefix(p, prefix));
        if (clash) return `applications[${index}].returnToPrefixes: "${prefix}" overlaps "${clash}" of application "${other.id}"`;
      }
    }
  }
  return undefined;
}

/** The route that decides, after a login, whether its application opens (contract: docs/decisions/applications-and-sso.md). */
export const APPLICATION_ENTRY_PATH = `${BASE}/auth/app`;

/**
 * Where a finished login sends the browser: for a return path of an application, through the
 * application's entry route (which shows a refused person a page instead of a login loop); else the
 * return path itself. `returnTo` must already be allowed by the return-path rule.
 */
export function applicationEntryPath(applications: readonly ApplicationConfig[], returnTo: string, locale?: string | null): string {
  const app = applicationForPath(applications, returnTo);
  if (!app) return returnTo;
  const query = new URLSearchParams({ returnTo, ...(locale ? { lang: locale } : {}) });
  return `${APPLICATION_ENTRY_PATH}/${app.id}?${query}`;
}
