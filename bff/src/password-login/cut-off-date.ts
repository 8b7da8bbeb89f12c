// The dates operators and admins write for the end of password login ("2027-03-01" in
// poort.config.json, the admin API or the CLI). A plain date means the start of that day where
// Poort's sites are: the Netherlands and Flanders keep one clock (CET/CEST), so Europe/Amsterdam.
// A full timestamp with its offset is taken as it is. Pure: no clock, no I/O.

export const SITE_TIME_ZONE = 'Europe/Amsterdam';

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Stryker disable next-line Regex: new Date() refuses text before or after the timestamp as well; the anchors say what is meant.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** What the parser accepts, for messages that tell people how to write it. */
export const CUT_OFF_FORMAT = 'a date such as 2027-03-01 (the start of that day, Dutch time) or a time with its offset such as 2027-03-01T12:00:00+01:00';

/**
 * The moment a written cut-off begins, or undefined when the text is not one. Normalised first
 * (Unicode NFKC, so full-width digits count; surrounding spaces dropped), then checked: the date
 * itself must exist (no 2027-02-30) and lie between 2000 and 9999.
 */
export function parseCutOff(input: string): Date | undefined {
  const text = input.normalize('NFKC').trim();
  const day = PLAIN_DATE.exec(text);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    return isRealDate(y, m, d) ? startOfDay(y, m, d) : undefined;
  }
  const stamp = TIMESTAMP.exec(text);
  if (!stamp) return undefined;
  const [y, m, d, hh, mm, ss, oh, om] = stamp.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number, number, number];
  // Stryker disable next-line ConditionalExpression: new Date() refuses a minute, second or offset minute of 60 as well (not an hour of 24, hence the checks).
  if (!isRealDate(y, m, d) || hh > 23 || mm > 59 || ss > 59 || oh > 14 || om > 59) return undefined;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** A day that exists: the regexes allow four-digit years and two-digit months and days, and a month or day out of range rolls over. */
function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 2000) return false;
  const probe = new Date(Date.UTC(y, m - 1, d));
  // A day or month out of range always lands in another month (2027-02-30 is 2 March).
  return probe.getUTCMonth() === m - 1;
}

/**
 * 00:00 on that calendar day in the site's time zone. The offset is read at 00:00 UTC of that day:
 * Europe changes its clocks at 01:00 UTC, so that is the offset of local midnight as well
 * (the property test checks every day over two centuries).
 */
export function startOfDay(y: number, m: number, d: number): Date {
  const wall = Date.UTC(y, m - 1, d);
  return new Date(wall - offsetMs(new Date(wall)));
}

let wallClock: Intl.DateTimeFormat | undefined;

/** The site's wall clock, made at first use (a formatter made while the module loads would fail its importers instead of a call). */
function wallClockParts(at: Date): Record<string, string> {
  wallClock ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: SITE_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return Object.fromEntries(wallClock.formatToParts(at).map((p) => [p.type, p.value]));
}

/** How far the site's clock is ahead of UTC at a moment, in milliseconds. */
function offsetMs(at: Date): number {
  const parts = wallClockParts(at);
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** "1 March 2027" in English: the date in the messages the BFF itself writes. */
export function describeCutOff(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: SITE_TIME_ZONE, dateStyle: 'long', ...(isMidnight(at) ? {} : { timeStyle: 'short' }) }).format(at);
}

/** True when the moment is 00:00 on the site's clock: then the date alone says when. */
export function isMidnight(at: Date): boolean {
  const parts = wallClockParts(at);
  return parts.hour === '00' && parts.minute === '00' && parts.second === '00';
}
