// `audit export`: the service desk writes a period of the audit log to CSV, for instance the
// part that retention (site configuration `audit`) is about to delete. Same CSV as the API's
// export, every organisation in scope, and the export itself is recorded in the log.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { AuditQuerySchema } from '../../../contract/audit-schemas.js';
import { auditCsvHeader, auditCsvRow } from '../audit/audit-csv.js';
import { auditScopeFor, checkAuditQuery } from '../audit/audit-query.js';
import { readAllAuditEvents } from '../audit/audit-read.js';
import { recordAudit } from '../audit/record-audit.js';
// A cycle with commands.ts, which lists these commands: UsageError is only used when a command runs.
import { UsageError, type Command } from './commands.js';

export const auditCommands: Record<string, Command> = {
  'audit export': {
    usage: 'audit export --from YYYY-MM-DD --to YYYY-MM-DD [--type T] [--out FILE]',
    summary: 'Write the audit events of a period (whole UTC days, both included) as CSV, UTF-8 with BOM.',
    options: {
      from: { type: 'string', help: 'first day (or an ISO 8601 time)', required: true },
      to: { type: 'string', help: 'last day, included (or an ISO 8601 time, excluded)', required: true },
      type: { type: 'string', help: 'only this event type, e.g. login' },
      out: { type: 'string', help: 'file to write (made readable by its owner only); default standard output' },
    },
    run: async (ctx, v, io) => {
      const parsed = AuditQuerySchema.safeParse({ from: v.from, to: v.to, ...(v.type ? { type: v.type } : {}), format: 'csv' });
      if (!parsed.success) throw new UsageError(`Not a valid ${[...new Set(parsed.error.issues.map((i) => `--${String(i.path[0])}`))].join(', ')}: use dates as YYYY-MM-DD.`);
      const query = parsed.data;
      checkAuditQuery(query);
      const file = typeof v.out === 'string' ? createWriteStream(v.out, { mode: 0o600 }) : undefined;
      const write = file ? (text: string) => (file.write(text) ? Promise.resolve() : once(file, 'drain').then(() => undefined)) : io.write;
      let count = 0;
      await write(auditCsvHeader());
      for await (const event of readAllAuditEvents(ctx.db, auditScopeFor(ctx.actor), query)) {
        await write(auditCsvRow(event));
        count++;
      }
      if (file) {
        file.end();
        await once(file, 'close');
      }
      const { cursor: _c, limit: _l, format: _f, ...filters } = query;
      await recordAudit(ctx.db, { type: 'audit_exported', outcome: 'success', actorId: ctx.actor.id, details: { filters, events: count, via: ctx.via ?? 'cli' } });
      if (file) io.out(`wrote ${count} events to ${v.out as string}`);
    },
  },
};
