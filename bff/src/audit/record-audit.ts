// The audit log: who did what, when, from where, with which outcome. Written with the same
// transaction as the change it describes, so the log and the data never disagree.
import type { Context } from 'hono';
import type { TrustProxy } from '../http/forwarded.js';
import { requestClient } from '../http/request-client.js';
import { auditEvents, type AuditEvent } from '../../../db/schema.js';
import type { DbOrTx } from '../../../db/open.js';

export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

export type AuditInput = Omit<AuditEvent, 'id' | 'at' | 'ip' | 'userAgent'>;

export async function recordAudit(db: DbOrTx, event: AuditInput, origin?: RequestOrigin): Promise<void> {
  await db.insert(auditEvents).values({ ...event, ip: origin?.ip ?? null, userAgent: origin?.userAgent ?? null });
}

/**
 * Where a request came from. X-Forwarded-For is only believed as far as POORT_TRUST_PROXY says
 * proxies in front of us wrote it; otherwise anyone could write any address into the log.
 */
export function requestOrigin(c: Context, trustProxy: TrustProxy): RequestOrigin {
  return {
    ip: requestClient(c, trustProxy).ip,
    userAgent: c.req.header('user-agent')?.slice(0, 512) ?? null,
  };
}
