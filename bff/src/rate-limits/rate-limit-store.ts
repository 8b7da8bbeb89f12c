// Fixed-window counters in the rate_limits table: one upsert counts and starts a new window when
// the old one ended, atomically, so parallel requests on several instances never lose a count.
// Both statements sit on the login path, so they are prepared once per database handle: drizzle
// then skips building the SQL on every request.
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open.js';
import { preparedPerHandle } from '../../../db/prepared.js';
import { rateLimits } from '../../../db/schema.js';
import { ApiError } from '../http/api-error.js';
import { isOverLimit, rateLimitKey, retryAfterSeconds, type RateLimitRule } from './rate-limit-policy.js';

export interface RateLimitHit {
  over: boolean;
  /** Seconds until the current window ends (what a 429's Retry-After says). */
  retryAfterSeconds: number;
}

// ISO strings with explicit casts: both drivers then agree on the parameter types.
const at = sql`${sql.placeholder('now')}::timestamptz`;
const end = sql`${sql.placeholder('end')}::timestamptz`;

function prepareHit(db: DbOrTx) {
  const expired = sql`${rateLimits.expiresAt} <= ${at}`;
  return db
    .insert(rateLimits)
    .values({ key: sql.placeholder('key'), count: 1, windowStartedAt: at, expiresAt: end })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStartedAt: sql`case when ${expired} then ${at} else ${rateLimits.windowStartedAt} end`,
        expiresAt: sql`case when ${expired} then ${end} else ${rateLimits.expiresAt} end`,
      },
    })
    .returning({ count: rateLimits.count, expiresAt: rateLimits.expiresAt })
    .prepare('poort_hit_rate_limit');
}

function prepareRefund(db: DbOrTx) {
  return db
    .update(rateLimits)
    .set({ count: sql`${rateLimits.count} - 1` })
    .where(and(eq(rateLimits.key, sql.placeholder('key')), gt(rateLimits.expiresAt, at), gt(rateLimits.count, 0)))
    .prepare('poort_refund_rate_limit');
}

const statementsFor = preparedPerHandle((db) => ({ hit: prepareHit(db), refund: prepareRefund(db) }));

/** Counts one hit and says whether it is over the rule's limit, and until when the window runs. */
export async function countRateLimitHit(db: DbOrTx, rule: RateLimitRule, subject: string, now = new Date()): Promise<RateLimitHit> {
  const windowEnd = new Date(now.getTime() + rule.windowMs);
  const [row] = await statementsFor(db).hit.execute({ key: rateLimitKey(rule, subject), now: now.toISOString(), end: windowEnd.toISOString() });
  return { over: isOverLimit(row!.count, rule), retryAfterSeconds: retryAfterSeconds(row!.expiresAt, now) };
}

/** Counts one hit and says whether it is over the rule's limit. */
export async function hitRateLimit(db: DbOrTx, rule: RateLimitRule, subject: string, now = new Date()): Promise<boolean> {
  return (await countRateLimitHit(db, rule, subject, now)).over;
}

/** Counts one hit; over the limit, refuses the request with 429 rate_limited and Retry-After. */
export async function enforceRateLimit(db: DbOrTx, rule: RateLimitRule, subject: string, now = new Date()): Promise<void> {
  const hit = await countRateLimitHit(db, rule, subject, now);
  if (hit.over) throw new ApiError('rate_limited').retryAfter(hit.retryAfterSeconds);
}

/** Takes back one hit of the current window (an attempt that turned out to be legitimate). */
export async function refundRateLimit(db: DbOrTx, rule: RateLimitRule, subject: string, now = new Date()): Promise<void> {
  await statementsFor(db).refund.execute({ key: rateLimitKey(rule, subject), now: now.toISOString() });
}

/** Deletes counters whose window has ended (the next hit would start a new one anyway). */
export async function deleteEndedRateLimits(db: DbOrTx, now = new Date()): Promise<number> {
  const deleted = await db.delete(rateLimits).where(lte(rateLimits.expiresAt, now)).returning({ k: rateLimits.key });
  return deleted.length;
}
