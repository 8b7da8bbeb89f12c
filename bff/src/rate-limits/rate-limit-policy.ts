// Rate-limit keys and windows (pure). The counting itself is one atomic statement in the database
// (rate-limit-store.ts), so every BFF instance shares the same counters.

export interface RateLimitRule {
  /** What is counted, e.g. `forgot:email`. */
  name: string;
  limit: number;
  windowMs: number;
}

export const rateLimitRules = {
  /** Reset mails per account: at most 3 an hour (R08); further requests still answer 202, silently. */
  forgotPerEmail: { name: 'forgot:email', limit: 3, windowMs: 60 * 60_000 },
  /** Forgot-password requests per client network: 20 per 15 minutes, then 429. */
  forgotPerClient: { name: 'forgot:client', limit: 20, windowMs: 15 * 60_000 },
  /** Token redemptions (reset, invitation, confirm) per client network: 30 per 15 minutes (R04). */
  tokenPerClient: { name: 'token:client', limit: 30, windowMs: 15 * 60_000 },
  /** Mails to a new notification address per account: 5 an hour, then 429 (issue 10, item 10). */
  notificationMailPerUser: { name: 'notification-mail:user', limit: 5, windowMs: 60 * 60_000 },
} as const satisfies Record<string, RateLimitRule>;

/**
 * The part of a client address that identifies one client. IPv6 hosts get a whole /64, so an
 * attacker rotating through their own /64 counts as one client (L04). IPv4-mapped IPv6
 * (::ffff:1.2.3.4) counts as the IPv4 address.
 */
export function clientNetwork(ip: string | null | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  return `${expandIpv6(ip).slice(0, 4).join(':')}::/64`;
}

function expandIpv6(ip: string): string[] {
  const bare = ip.split('%')[0]!.toLowerCase();
  const [head, tail] = bare.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  // Stryker disable next-line ArrayDeclaration: `[]` is for an empty tail (`2001:db8::`); what stands there only moves the groups after `::`, which the /64 key drops.
  const right = tail ? tail.split(':') : [];
  // Without `::` there is nothing to fill (eight groups), or the address is malformed and the
  // zeros only make its key.
  const fill = Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0');
  return [...left, ...fill, ...right].map((part) => part.replace(/^0+(?=.)/, ''));
}

/**
 * Password logins per client network (IPv4 address or IPv6 /64), from the site configuration:
 * failed ones count, a successful login takes its own count back, so an office behind one
 * address is not locked out by its own people logging in (as does one refused for a full argon2 line).
 */
export function loginPerClientRule(limits: { loginAttemptsPerClient: number; loginWindowMinutes: number }): RateLimitRule {
  return { name: 'login:client', limit: limits.loginAttemptsPerClient, windowMs: limits.loginWindowMinutes * 60_000 };
}

export function rateLimitKey(rule: RateLimitRule, subject: string): string {
  return `${rule.name}:${subject.toLowerCase()}`;
}

export function isOverLimit(count: number, rule: RateLimitRule): boolean {
  return count > rule.limit;
}

/** Whole seconds until a window ends, at least 1 (Retry-After must not invite an instant retry). */
export function retryAfterSeconds(windowEnd: Date, now: Date): number {
  return Math.max(1, Math.ceil((windowEnd.getTime() - now.getTime()) / 1000));
}
