// GET /api/admin/audit: the audit report for admins (their organisations' events) and the service
// desk (all events), one page of JSON at a time or the whole selection as a streamed CSV file.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { AuditPageSchema, AuditQuerySchema } from '../../../contract/audit-schemas.js';
import type { AppEnv } from '../app-env.js';
import { loadAdminActor } from '../accounts/admin-actor.js';
import { errorResponse } from '../accounts/account-schemas.js';
import { requestOrigin } from '../http/request-client.js';
import { validationHook } from '../http/validation-hook.js';
import { loadSession, requireSession } from '../sessions/load-session.js';
import { auditCsvHeader, auditCsvRow } from './audit-csv.js';
import { auditScopeFor, checkAuditQuery } from './audit-query.js';
import { readAllAuditEvents, readAuditPage } from './audit-read.js';
import { recordAudit } from './record-audit.js';

const report = createRoute({
  method: 'get',
  path: '/api/admin/audit',
  summary: 'Audit events, newest first, with filters: a page of JSON, or with format=csv every matching event as a CSV download',
  request: { query: AuditQuerySchema },
  responses: {
    200: {
      description: 'a page of events (JSON), or the CSV file (UTF-8 with BOM, a header row)',
      content: { 'application/json': { schema: AuditPageSchema }, 'text/csv': { schema: z.string() } },
    },
    400: errorResponse('invalid_request: a filter, the period or the cursor is not valid'),
    401: errorResponse('unauthenticated'),
    403: errorResponse('forbidden: not an admin or service desk'),
  },
});

export function auditRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  routes.use('/api/admin/audit', loadSession(), requireSession('admin', 'servicedesk'));
  return routes.openapi(report, async (c) => {
    const query = c.req.valid('query');
    checkAuditQuery(query);
    const { db, env } = c.get('deps');
    const actor = await loadAdminActor(db.db, c.get('session')!.user);
    const scope = auditScopeFor(actor);
    if (query.format === 'json') return c.json(await readAuditPage(db.db, scope, query), 200);

    // Reading the log in bulk is itself worth a line in it (who took which selection).
    const { cursor: _cursor, limit: _limit, format: _format, ...filters } = query;
    await recordAudit(db.db, { type: 'audit_exported', outcome: 'success', userId: actor.id, actorId: actor.id, details: { filters } }, requestOrigin(c, env.trustProxy));
    const events = readAllAuditEvents(db.db, scope, query);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(encoder.encode(auditCsvHeader())),
      pull: async (controller) => {
        // One page of rows per pull keeps memory flat and lets a slow client hold the pace.
        let lines = '';
        for (let i = 0; i < 200; i++) {
          const next = await events.next();
          if (next.done) {
            if (lines) controller.enqueue(encoder.encode(lines));
            controller.close();
            return;
          }
          lines += auditCsvRow(next.value);
        }
        controller.enqueue(encoder.encode(lines));
      },
      cancel: async () => {
        await events.return(undefined);
      },
    });
    const day = new Date().toISOString().slice(0, 10);
    return c.body(body, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="poort-audit-${day}.csv"`,
    });
  });
}
