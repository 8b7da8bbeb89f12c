// Session lifetimes (pure): idle expiry slides with use, never past the absolute expiry.
export interface SessionLifetimes {
  idleMs: number;
  absoluteMs: number;
}

export function lifetimesFrom(config: { idleMinutes: number; absoluteHours: number }): SessionLifetimes {
  return { idleMs: config.idleMinutes * 60_000, absoluteMs: config.absoluteHours * 3_600_000 };
}

export function initialExpiry(now: Date, l: SessionLifetimes) {
  const absolute = new Date(now.getTime() + l.absoluteMs);
  return { idleExpiresAt: new Date(Math.min(now.getTime() + l.idleMs, absolute.getTime())), absoluteExpiresAt: absolute };
}

/**
 * Sliding the idle expiry costs a write; doing it on every request would turn each session check
 * into a write. Touch only when at least this share of the idle window has passed since the last.
 */
const TOUCH_AFTER_SHARE = 0.05;

export function nextIdleExpiry(now: Date, lastSeenAt: Date, absoluteExpiresAt: Date, l: SessionLifetimes): Date | undefined {
  if (now.getTime() - lastSeenAt.getTime() < l.idleMs * TOUCH_AFTER_SHARE) return undefined;
  return new Date(Math.min(now.getTime() + l.idleMs, absoluteExpiresAt.getTime()));
}

/** A session is live until the earlier of its idle and absolute expiry. */
export function isLive(expiry: { idleExpiresAt: Date; absoluteExpiresAt: Date }, now: Date): boolean {
  return expiry.idleExpiresAt.getTime() > now.getTime() && expiry.absoluteExpiresAt.getTime() > now.getTime();
}
