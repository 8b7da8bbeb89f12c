// The BFF calls <poort-email-form> makes. Every failure becomes an error code the form has a text
// for: the BFF's own code, `network` when the request never got an answer, `unknown` otherwise.
export interface SessionUser {
  id: string;
  email: string | null;
  displayName: string | null;
  role: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; code: string };

export async function callBff<T>(bff: string, path: string, body: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(`${bff}${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, code: 'network' };
  }
  const json = (await response.json().catch(() => undefined)) as unknown;
  if (response.ok) return { ok: true, value: json as T };
  const code = (json as { error?: { code?: unknown } } | undefined)?.error?.code;
  return { ok: false, code: typeof code === 'string' ? code : 'unknown' };
}

/** `demo` or `production`, from GET /api/config; undefined when the BFF cannot say. */
export async function fetchEnvironment(bff: string): Promise<string | undefined> {
  try {
    const response = await fetch(`${bff}/api/config`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!response.ok) return undefined;
    const config = (await response.json()) as { environment?: unknown };
    return typeof config.environment === 'string' ? config.environment : undefined;
  } catch {
    return undefined;
  }
}
