// Applications behind one Poort (issue 15, seed 001: one gateway, many applications, a level per
// application, single sign-on). Facts the BFF and the widget share: how an application is named,
// the level vocabulary of each login method, and how a login is asked for (method, minimum level,
// ForceAuthn). The decision itself is the BFF's (bff/src/applications/access-policy.ts); the
// design is in docs/decisions/applications-and-sso.md.
import { levels as eherkenningLevels } from './levels.js';
import type { LoginMethod } from './login-methods.js';

/** An application id: lower-case letters, digits and dashes, as in URLs and audit reports. */
export const applicationIdPattern = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The widget attribute and the query parameter that name the application a login is for. */
export const applicationParameter = 'app';

/** The local e-mail account has one level: a password. */
export const emailLevels = ['password'] as const;

/**
 * Each login method's levels, weakest first. A session's `level` is one of its method's. ACM/IDM
 * uses the eHerkenning scale: its upstream maps each authentication means onto it through the
 * means' eIDAS level, which the Afsprakenstelsel equates with eHerkenning's (low ≈ loa2/loa2plus,
 * substantial = loa3, high = loa4; bff/src/acmidm/acmidm-levels.ts). Levels of different methods
 * are still never compared: an application names a minimum per method.
 */
export const methodLevels = {
  eherkenning: eherkenningLevels,
  // eIDAS comes through the eHerkenning brokers and is judged on their scale (EH3 at the least).
  eidas: eherkenningLevels,
  acmidm: eherkenningLevels,
  email: emailLevels,
} as const satisfies Record<LoginMethod, readonly string[]>;

export type MethodLevel<M extends LoginMethod = LoginMethod> = (typeof methodLevels)[M][number];

/** The methods that log in at an upstream identity provider, and so can be asked for a step-up. */
export const upstreamMethods = ['eherkenning', 'eidas', 'acmidm'] as const satisfies readonly LoginMethod[];
export type UpstreamMethod = (typeof upstreamMethods)[number];

export function isUpstreamMethod(method: string): method is UpstreamMethod {
  return (upstreamMethods as readonly string[]).includes(method);
}

export function isMethodLevel(method: LoginMethod, level: string | null | undefined): boolean {
  return level != null && (methodLevels[method] as readonly string[]).includes(level);
}

/**
 * True when a login of `method` at `achieved` meets `required` (both of that method's levels).
 * An unknown or missing level meets nothing, except for e-mail, whose sessions store none.
 */
export function methodLevelSatisfies(method: LoginMethod, achieved: string | null | undefined, required: string): boolean {
  const order = methodLevels[method] as readonly string[];
  const got = method === 'email' ? (achieved ?? 'password') : achieved;
  if (got == null || !order.includes(got) || !order.includes(required)) return false;
  return order.indexOf(got) >= order.indexOf(required);
}

/** The stronger of two levels of one method (unknown levels count as the weakest). */
export function strongerMethodLevel(method: LoginMethod, a: string, b: string): string {
  const order = methodLevels[method] as readonly string[];
  return order.indexOf(b) > order.indexOf(a) ? b : a;
}

/**
 * A login Poort asks an upstream for: the one request both upstreams (eHerkenning, ACM/IDM)
 * implement for a first login and for a step-up alike. Their start routes take it as query
 * parameters (loginStartQuery) and answer with a signed AuthnRequest that carries
 * `minimumLevel` (RequestedAuthnContext Comparison="minimum" for eHerkenning) and, when
 * `forceAuthn`, ForceAuthn="true", so the identity provider authenticates again instead of
 * reusing its own single sign-on at the weaker level.
 */
export interface LoginDemand {
  method: UpstreamMethod;
  /** One of methodLevels[method]: the answer must reach it, else the login is refused (level_too_low). */
  minimumLevel: string;
  forceAuthn: boolean;
  /** The application the login is for, when the page named one. */
  application: string | null;
  /** Where the browser goes after the login: under the application's return paths when it has one. */
  returnTo: string;
}

/** The query parameters of `GET /poort/auth/{method}/start` besides `returnTo` and `lang`. */
export const loginStartParameters = { application: applicationParameter, level: 'level', forceAuthn: 'forceAuthn' } as const;
