// The audit log: who did what, when, from where, with which outcome. Written with the same
// transaction as the change it describes, so the log and the data never disagree.
import type { RequestOrigin } from '../http/request-client.js';
import { countAuditEvent } from '../metrics/metrics.js';
import { auditEvents, type AuditEvent } from '../../../db/schema.js';
import type { DbOrTx } from '../../../db/open.js';

export type AuditInput = Omit<AuditEvent, 'id' | 'at' | 'ip' | 'userAgent' | 'requestId'>;

/** The columns that say where an event came from: client address, browser, request id. */
export function originColumns(origin: RequestOrigin | undefined): Pick<AuditEvent, 'ip' | 'userAgent' | 'requestId'> {
  return { ip: origin?.ip ?? null, userAgent: origin?.userAgent ?? null, requestId: origin?.requestId ?? null };
}

export async function recordAudit(db: DbOrTx, event: AuditInput, origin?: RequestOrigin): Promise<void> {
  await db.insert(auditEvents).values({ ...event, ...originColumns(origin) });
  countAuditEvent(event);
}
