// The BFF calls <poort-email-form> makes. Every failure becomes an error code the form has a text
// for: the BFF's own code, `network` when the request never got an answer, `unknown` otherwise.
import type { LockoutSettings } from '../../../contract/api-schemas.js';

/** `fields`: for invalid_request, the request fields the BFF named (`email`, `password`). */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; code: string; fields?: string[] };

export async function callBff<T>(bff: string, path: string, body: unknown, method: 'POST' | 'PUT' = 'POST'): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(`${bff}${path}`, {
      method,
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, code: 'network', fields: [] };
  }
  const json = (await response.json().catch(() => undefined)) as unknown;
  if (response.ok) return { ok: true, value: json as T };
  const error = (json as { error?: { code?: unknown; fields?: unknown } } | undefined)?.error;
  const fields = Array.isArray(error?.fields) ? error.fields.filter((f): f is string => typeof f === 'string') : [];
  return { ok: false, code: typeof error?.code === 'string' ? error.code : 'unknown', fields };
}

export interface FormSettings {
  /** `demo` or `production`; undefined when the BFF cannot say. */
  environment: string | undefined;
  lockout: LockoutSettings | undefined;
  /** When password login ends or ended (ISO 8601), for the text of that refusal. */
  passwordLoginUntil?: string | undefined;
}

/** What the form needs from GET /api/config; nothing when the BFF cannot say. */
export async function fetchFormSettings(bff: string): Promise<FormSettings> {
  try {
    const response = await fetch(`${bff}/api/config`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!response.ok) return { environment: undefined, lockout: undefined };
    const config = (await response.json()) as { environment?: unknown; localAccounts?: Partial<LockoutSettings> };
    const lockout = config.localAccounts;
    return {
      environment: typeof config.environment === 'string' ? config.environment : undefined,
      lockout: Number.isInteger(lockout?.maxFailedLogins) && Number.isInteger(lockout?.lockoutNoticeAfter) ? (lockout as LockoutSettings) : undefined,
      passwordLoginUntil: typeof lockout?.passwordLoginUntil === 'string' ? lockout.passwordLoginUntil : undefined,
    };
  } catch {
    return { environment: undefined, lockout: undefined };
  }
}
