// Deletes rows nobody needs any more: expired sessions, spent tokens, old SAML requests and used
// ids, ended rate-limit windows (issue 10, item 13), link attempts a day after they ended. Every instance schedules it; a claim in the
// shared rate_limits table lets one instance per interval do the work, and the deletes are
// idempotent anyway, so two runs at once only cost a little.
import type { Logger } from 'pino';
import type { Db } from '../../../db/open.js';
import { deleteEndedRateLimits, countRateLimitHit } from '../rate-limits/rate-limit-store.js';
import { deleteExpiredSamlRows } from '../saml-login/request-store.js';
import { deleteExpiredSessions } from '../sessions/session-store.js';
import { deleteSpentTokens } from '../tokens/token-store.js';
import { deleteOldPendingLinks } from '../linking/pending-link-store.js';
import { startBackgroundJob, type BackgroundJob } from './background-job.js';

export const HOUSEKEEPING_INTERVAL_MS = 10 * 60_000;
/** How long a used or expired link keeps its own answer (token_used / token_expired). */
export const SPENT_TOKEN_KEEP_MS = 7 * 24 * 60 * 60_000;

export interface CleanUpCounts {
  sessions: number;
  tokens: number;
  saml: number;
  rateLimits: number;
  pendingLinks: number;
}

/** Link attempts ended or expired this long ago are gone; until then they explain a late click. */
export const PENDING_LINK_KEEP_MS = 24 * 60 * 60_000;

export async function deleteStaleRows(db: Db, now = new Date()): Promise<CleanUpCounts> {
  return {
    sessions: await deleteExpiredSessions(db, now),
    tokens: await deleteSpentTokens(db, SPENT_TOKEN_KEEP_MS, now),
    saml: await deleteExpiredSamlRows(db, now),
    rateLimits: await deleteEndedRateLimits(db, now),
    pendingLinks: await deleteOldPendingLinks(db, PENDING_LINK_KEEP_MS, now),
  };
}

/**
 * One housekeeping round, unless another instance claimed this interval already: then undefined.
 * The claim is a counter with a window of one interval, so it ends by itself if its holder dies.
 */
export async function runHousekeeping(db: Db, intervalMs = HOUSEKEEPING_INTERVAL_MS, now = new Date()): Promise<CleanUpCounts | undefined> {
  // The claim's window ends a little before the next round, so the next one can claim again.
  const claim = await countRateLimitHit(db, { name: 'housekeeping', limit: 1, windowMs: Math.max(1, intervalMs - 1000) }, 'round', now);
  if (claim.over) return undefined;
  return deleteStaleRows(db, now);
}

export function startHousekeeping(db: Db, logger: Logger, intervalMs = HOUSEKEEPING_INTERVAL_MS): BackgroundJob {
  return startBackgroundJob(logger, { name: 'housekeeping', intervalMs }, async () => {
    const counts = await runHousekeeping(db, intervalMs);
    return counts && { deleted: counts };
  });
}
