// Which application of the site an event belongs to: the configured application (`applications[]`,
// issue 15) whose return paths hold the login's return path, by its id; else the longest of the
// site's return-path prefixes (`site.returnToPrefixes`) it falls under, so a site that lists one
// prefix per application ("/vergunningen/", "/subsidies/") can filter reports without configuring
// applications.
import { applicationForPath } from '../applications/application-rules.js';
import { underPrefix } from '../http/return-to.js';
import type { SiteConfig } from '../site-config/schema.js';

export function applicationOf(returnTo: string | null | undefined, site: Pick<SiteConfig, 'site' | 'applications'>): string | null {
  if (!returnTo) return null;
  const app = applicationForPath(site.applications, returnTo);
  if (app) return app.id;
  const path = returnTo.replace(/[?#].*$/s, '');
  return site.site.returnToPrefixes.filter((p) => underPrefix(path, p)).sort((a, b) => b.length - a.length)[0] ?? null;
}
