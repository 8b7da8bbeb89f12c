// Deletes audit events past their retention period (retention.ts). Every instance schedules it;
// a claim in the shared rate_limits table lets one instance per interval do the work (as
// housekeeping does), and the deletes are idempotent anyway: two runs at once delete each row once
// between them and agree on what is left. Deletes go in batches, so no statement holds locks on
// a large part of the table while logins keep writing to it.
import { and, inArray, lt, notInArray, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../../../db/open.js';
import { auditEvents } from '../../../db/schema.js';
import { countRateLimitHit } from '../rate-limits/rate-limit-store.js';
import { startBackgroundJob, type BackgroundJob } from '../housekeeping/background-job.js';
import type { SiteConfig } from '../site-config/schema.js';
import { retentionRules, type RetentionRule } from './retention.js';

export const AUDIT_RETENTION_INTERVAL_MS = 60 * 60_000;
const BATCH = 5000;

/** Deletes what is due now; returns how many events went. */
export async function deleteExpiredAuditEvents(db: Db, audit: SiteConfig['audit'], now = new Date()): Promise<number> {
  let deleted = 0;
  for (const rule of retentionRules(audit, now)) {
    for (;;) {
      const due = db.select({ id: auditEvents.id }).from(auditEvents).where(ruleCondition(rule)).limit(BATCH);
      const gone = await db.delete(auditEvents).where(inArray(auditEvents.id, due)).returning({ id: auditEvents.id });
      deleted += gone.length;
      if (gone.length < BATCH) break;
    }
  }
  return deleted;
}

function ruleCondition(rule: RetentionRule) {
  const before = lt(auditEvents.at, sql`${rule.before.toISOString()}::timestamptz`);
  if ('only' in rule.types) return and(inArray(auditEvents.type, rule.types.only), before);
  return rule.types.others.length ? and(notInArray(auditEvents.type, rule.types.others), before) : before;
}

/** One round, unless another instance claimed this interval: then undefined. */
export async function runAuditRetention(db: Db, audit: SiteConfig['audit'], intervalMs = AUDIT_RETENTION_INTERVAL_MS, now = new Date()): Promise<number | undefined> {
  const claim = await countRateLimitHit(db, { name: 'audit-retention', limit: 1, windowMs: Math.max(1, intervalMs - 1000) }, 'round', now);
  if (claim.over) return undefined;
  return deleteExpiredAuditEvents(db, audit, now);
}

export function startAuditRetention(db: Db, audit: SiteConfig['audit'], logger: Logger, intervalMs = AUDIT_RETENTION_INTERVAL_MS): BackgroundJob {
  // A first round soon after start, so a short-lived instance still does its share.
  return startBackgroundJob(logger, { name: 'audit retention', intervalMs, firstAfterMs: Math.min(60_000, intervalMs) }, async () => {
    const deleted = await runAuditRetention(db, audit, intervalMs);
    return deleted === undefined ? undefined : { deleted };
  });
}
