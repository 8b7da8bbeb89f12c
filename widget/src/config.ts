// What the widget reads from `GET ${bff}/api/config`. The BFF's zod schema (PublicConfigSchema)
// is the source; these types mirror it without pulling zod into the browser bundle, and a unit
// test checks that the two stay assignable.
import type { Locale } from './locale.js';

export const levels = ['loa2', 'loa2plus', 'loa3', 'loa4'] as const;
export type Level = (typeof levels)[number];

export const loginMethods = ['eherkenning', 'acmidm', 'email'] as const;
export type LoginMethod = (typeof loginMethods)[number];

/** Methods the BFF has a start route for: ACM/IDM has none yet, so it is never offered. */
export const servedMethods: readonly LoginMethod[] = ['eherkenning', 'email'];

export type Localized = Record<Locale, string>;

export interface Broker {
  id: string;
  name: string;
  aliases: string[];
  logo?: string;
  /** The eHerkenning levels this broker can deliver. */
  levels: Level[];
}

export interface WidgetConfig {
  environment: 'production' | 'demo';
  siteName: Localized;
  methods: LoginMethod[];
  level: Level;
  brokers: Broker[];
  /** What the user's eHerkenning administrator needs to grant the authorisation (machtiging). */
  eherkenning: {
    entityId: string;
    serviceId: string;
    serviceUuid: string;
    serviceName: Localized;
    level: Level;
  };
  helpdesk?: { name: Localized; phone?: string; url?: string; email?: string };
  /** Absent from an older BFF: the e-mail form then gives no lockout explanation. */
  localAccounts?: LockoutSettings;
}

export interface LockoutSettings {
  /** Failed logins in a row that block an account. */
  maxFailedLogins: number;
  /** After this many failed logins in one browser the e-mail form explains the lockout. */
  lockoutNoticeAfter: number;
}

/** True when `achieved` is at least as strong as `required`. */
export const levelSatisfies = (achieved: Level, required: Level): boolean =>
  levels.indexOf(achieved) >= levels.indexOf(required);

export const strongerLevel = (a: Level, b: Level): Level => (levelSatisfies(a, b) ? a : b);

export async function fetchConfig(bff: string, signal?: AbortSignal): Promise<WidgetConfig> {
  const res = await fetch(`${bff}/api/config`, { headers: { accept: 'application/json' }, credentials: 'same-origin', signal });
  if (!res.ok) throw new Error(`config: HTTP ${res.status}`);
  const body: unknown = await res.json();
  if (!looksLikeConfig(body)) throw new Error('config: unexpected shape');
  return body;
}

/**
 * A cheap structural check (zod stays out of the bundle): a BFF of another version or a proxy's
 * error page must lead to the widget's "service unavailable" view, not to a broken element.
 */
export function looksLikeConfig(value: unknown): value is WidgetConfig {
  const v = value as Partial<WidgetConfig> | null;
  return (
    !!v &&
    typeof v === 'object' &&
    (v.environment === 'demo' || v.environment === 'production') &&
    !!v.siteName &&
    typeof v.siteName.nl === 'string' &&
    Array.isArray(v.methods) &&
    Array.isArray(v.brokers) &&
    levels.includes(v.level as Level) &&
    !!v.eherkenning &&
    typeof v.eherkenning.entityId === 'string'
  );
}
