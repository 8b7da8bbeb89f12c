// Fixed-window counters in the rate_limits table: one upsert counts and starts a new window when
// the old one ended, atomically, so parallel requests on several instances never lose a count.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../sessions/session-store.js';
import { rateLimits } from '../../../db/schema.js';
import { isOverLimit, rateLimitKey, type RateLimitRule } from './rate-limit-policy.js';

/** Counts one hit and says whether it is over the rule's limit. */
export async function hitRateLimit(db: DbOrTx, rule: RateLimitRule, subject: string, now = new Date()): Promise<boolean> {
  const windowEnd = new Date(now.getTime() + rule.windowMs);
  // ISO strings with explicit casts: both drivers then agree on the parameter types.
  const at = sql`${now.toISOString()}::timestamptz`;
  const end = sql`${windowEnd.toISOString()}::timestamptz`;
  const expired = sql`${rateLimits.expiresAt} <= ${at}`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key: rateLimitKey(rule, subject), count: 1, windowStartedAt: now, expiresAt: windowEnd })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStartedAt: sql`case when ${expired} then ${at} else ${rateLimits.windowStartedAt} end`,
        expiresAt: sql`case when ${expired} then ${end} else ${rateLimits.expiresAt} end`,
      },
    })
    .returning({ count: rateLimits.count });
  return isOverLimit(row!.count, rule);
}
