// What the widget reads from `GET ${bff}/api/config`. The BFF's zod schema in contract/ is the one
// source of the shape; the widget takes its type only (`import type`), so zod stays out of the
// browser bundle.
import type { LockoutSettings, PublicConfig } from '../../contract/api-schemas.js';
import { levels, type Level } from '../../contract/levels.js';

export interface WidgetConfig extends Omit<PublicConfig, 'localAccounts'> {
  /** Absent from an older BFF: the e-mail form then gives no lockout explanation. */
  localAccounts?: LockoutSettings;
}

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
