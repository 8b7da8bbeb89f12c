// How long audit events are kept (site configuration `audit`): pure. An event is deleted once it
// is older than its type's period; an event exactly that old is still kept.
import type { SiteConfig } from '../site-config/schema.js';

const DAY_MS = 24 * 60 * 60_000;

export interface RetentionRule {
  /** The types this rule covers; `others` means every type no other rule names. */
  types: { only: string[] } | { others: string[] };
  /** Events with `at` before this are due for deletion. */
  before: Date;
}

export function retentionRules(audit: SiteConfig['audit'], now: Date): RetentionRule[] {
  const named = Object.keys(audit.keepDaysByType).sort();
  return [
    ...named.map((type) => ({ types: { only: [type] }, before: new Date(now.getTime() - audit.keepDaysByType[type]! * DAY_MS) })),
    { types: { others: named }, before: new Date(now.getTime() - audit.keepDays * DAY_MS) },
  ];
}
