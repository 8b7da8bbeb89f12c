// The audit filter form as API query parameters. Dates are the person's own days: a day starts at
// their local midnight, and "to" includes that whole day (the API's `to` instant is exclusive).
export interface AuditFilterForm {
  from: string;
  to: string;
  person: string;
  organisation: string;
  type: string;
  outcome: string;
  method: string;
  level: string;
  application: string;
}

/** Local midnight of a `YYYY-MM-DD` day plus `days`, as an ISO instant; '' for no valid day. */
export function localDayStart(day: string, days = 0): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return '';
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

export function auditFilterQuery(form: AuditFilterForm): Record<string, string> {
  const query: Record<string, string> = {
    from: localDayStart(form.from),
    to: localDayStart(form.to, 1),
    person: form.person.trim(),
    organisation: form.organisation,
    type: form.type,
    outcome: form.outcome,
    method: form.method,
    level: form.level,
    application: form.application.trim(),
  };
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ''));
}
