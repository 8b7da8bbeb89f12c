// The end of password login as the site announces it in GET /api/config: what the e-mail step and
// the method list say before and after it. Dates are shown on the Dutch clock, where the BFF
// reads "2027-03-01" as the start of that day.
import type { Locale } from '../../contract/locales.js';
import type { WidgetConfig } from './config.js';

export interface CutOff {
  until: Date;
  /** Only people who linked an eHerkenning identity lose password login. */
  linkedOnly: boolean;
  passed: boolean;
}

export function cutOffOf(config: WidgetConfig | undefined, now: Date): CutOff | undefined {
  const text = config?.localAccounts?.passwordLoginUntil;
  if (!text) return undefined;
  const until = new Date(text);
  if (Number.isNaN(until.getTime())) return undefined;
  return { until, linkedOnly: config.localAccounts?.passwordLoginScope === 'linkedOnly', passed: now.getTime() >= until.getTime() };
}

const zone = 'Europe/Amsterdam';

/** "1 maart 2027", with the time only when the moment is not midnight. */
export function formatCutOff(until: Date, locale: Locale): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).format(until);
  // English texts follow British usage, as the BFF's messages do: "1 March 2027".
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { timeZone: zone, dateStyle: 'long', ...(time === '00:00' ? {} : { timeStyle: 'short' }) }).format(until);
}

/** The key of the notice for the e-mail step: before the end, or after it. */
export function cutOffNoticeKey(cutOff: CutOff): string {
  return `cutOff.${cutOff.passed ? 'ended' : 'upcoming'}${cutOff.linkedOnly ? 'Linked' : ''}`;
}
