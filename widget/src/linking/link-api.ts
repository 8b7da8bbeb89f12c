// What <poort-link-step> asks the BFF: the browser's pending link. The POSTs go through callBff.
import type { PendingLinkView } from '../../../contract/linking-schemas.js';
import type { ApiResult } from '../email-form/email-api.js';

export async function fetchPendingLink(bff: string): Promise<ApiResult<PendingLinkView>> {
  try {
    const res = await fetch(`${bff}/api/link`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    const body = (await res.json().catch(() => undefined)) as PendingLinkView | { error?: { code?: string } } | undefined;
    if (res.ok) return { ok: true, value: body as PendingLinkView };
    const code = (body as { error?: { code?: string } } | undefined)?.error?.code;
    return { ok: false, code: typeof code === 'string' ? code : 'unknown' };
  } catch {
    return { ok: false, code: 'network' };
  }
}
