// What a login start asks the upstream for (contract/applications.ts `LoginDemand`): the one place
// both upstreams' start routes (eHerkenning, ACM/IDM) turn their query (`app`, `level`,
// `forceAuthn`, `returnTo`) into the minimum level, ForceAuthn and return path. A login for an
// application returns only under that application's paths (a return path of another one is
// refused), and asks at least the application's minimum for the method, never less than the site's.
import { isMethodLevel, strongerMethodLevel, type LoginDemand, type UpstreamMethod } from '../../../contract/applications.js';
import { ApiError } from '../http/api-error.js';
import { allowedReturnTo } from '../http/return-to.js';
import type { SiteConfig } from '../site-config/schema.js';
import { applicationById } from './application-rules.js';

export interface LoginStartQuery {
  app?: string | undefined;
  level?: string | undefined;
  forceAuthn?: string | undefined;
  returnTo?: string | undefined;
}

export interface DemandContext {
  site: Pick<SiteConfig, 'applications' | 'site'>;
  publicUrl: string;
  /** The site's minimum for every login of this method (eHerkenning: `eherkenning.level`). */
  baseLevel: string;
  /** Where to return when the query names no return path: the site's root. */
  defaultReturnTo: string;
}

export function loginDemand(method: UpstreamMethod, query: LoginStartQuery, ctx: DemandContext): LoginDemand {
  const app = query.app === undefined ? undefined : applicationById(ctx.site.applications, query.app);
  if (query.app !== undefined && !app) throw new ApiError('unknown_application');
  let minimumLevel = ctx.baseLevel;
  if (app) {
    const own = app.levels[method];
    // The page asked this application's login with a method it does not take.
    if (!own) throw new ApiError('method_not_offered');
    minimumLevel = strongerMethodLevel(method, minimumLevel, own);
  }
  if (query.level !== undefined) {
    if (!isMethodLevel(method, query.level)) throw new ApiError('invalid_request').atFields(['level']);
    minimumLevel = strongerMethodLevel(method, minimumLevel, query.level);
  }
  if (query.forceAuthn !== undefined && query.forceAuthn !== 'true' && query.forceAuthn !== 'false') throw new ApiError('invalid_request').atFields(['forceAuthn']);
  const prefixes = app ? app.returnToPrefixes : ctx.site.site.returnToPrefixes;
  const asked = query.returnTo ?? (app ? app.returnToPrefixes[0] : ctx.defaultReturnTo);
  const returnTo = allowedReturnTo(asked, { publicUrl: ctx.publicUrl, prefixes });
  if (!returnTo) throw new ApiError('invalid_return_to');
  return { method, minimumLevel, forceAuthn: query.forceAuthn === 'true', application: app?.id ?? null, returnTo };
}
