// Audit events as CSV (RFC 4180) for spreadsheet programs. Pure: rows in, text out; the routes
// and the CLI stream it.
//
// Formula injection (OWASP "CSV Injection"): a cell that starts with = + - @, a tab or a carriage
// return is run as a formula by Excel and LibreOffice (`=cmd|' /C calc'!A0`). Such a cell gets a
// leading apostrophe, which makes the program read it as text. Quotes, separators and line breaks
// are kept inside a quoted cell, with quotes doubled.
import type { AuditEventView } from '../../../contract/audit-schemas.js';

/** The byte order mark: without it Excel reads UTF-8 as the local code page (é → Ã©). */
export const CSV_BOM = '\uFEFF';

const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (formulaStart.test(text)) text = `'${text}`;
  return needsQuotes.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: ReadonlyArray<string | number | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The columns, in order: what the report shows for each event. */
export const auditCsvColumns = [
  'time',
  'event',
  'outcome',
  'reason',
  'person_id',
  'person_email',
  'person_name',
  'actor_email',
  'method',
  'broker',
  'level',
  'organisation',
  'application',
  'request_id',
  'client_network',
] as const;

export function auditCsvHeader(): string {
  return CSV_BOM + csvLine(auditCsvColumns);
}

export function auditCsvRow(event: AuditEventView): string {
  return csvLine([
    event.at,
    event.type,
    event.outcome,
    event.reason,
    event.person?.id,
    event.person?.email,
    event.person?.displayName,
    event.actor?.email,
    event.method,
    event.broker,
    event.level,
    event.organisation?.name,
    event.application,
    event.requestId,
    event.clientNetwork,
  ]);
}
