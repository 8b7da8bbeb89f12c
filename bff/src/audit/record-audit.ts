// The audit log: who did what, when, from where, with which outcome. Written with the same
// transaction as the change it describes, so the log and the data never disagree.
import type { Context } from 'hono';
import { auditEvents, type AuditEvent } from '../../../db/schema.js';
import type { DbOrTx } from '../sessions/session-store.js';

export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

export type AuditInput = Omit<AuditEvent, 'id' | 'at' | 'ip' | 'userAgent'>;

export async function recordAudit(db: DbOrTx, event: AuditInput, origin?: RequestOrigin): Promise<void> {
  await db.insert(auditEvents).values({ ...event, ip: origin?.ip ?? null, userAgent: origin?.userAgent ?? null });
}

/**
 * Where a request came from. X-Forwarded-For is only believed when POORT_TRUST_PROXY says a
 * reverse proxy in front of us sets it; otherwise anyone could write any address into the log.
 */
export function requestOrigin(c: Context, trustProxy: boolean): RequestOrigin {
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  const socket = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
  return {
    ip: forwarded || socket || null,
    userAgent: c.req.header('user-agent')?.slice(0, 512) ?? null,
  };
}
