// Reads audit events for a report: one page at a time (JSON), or every page in turn (CSV). The
// query is audit-query.ts's; this file runs it and shapes the rows.
import { desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AuditEventView, AuditQuery } from '../../../contract/audit-schemas.js';
import type { DbOrTx } from '../../../db/open.js';
import { auditEvents, organisations, users } from '../../../db/schema.js';
import { clientNetwork } from '../rate-limits/rate-limit-policy.js';
import { auditCondition, decodeCursor, encodeCursor, type AuditCursor, type AuditScope } from './audit-query.js';

const person = alias(users, 'person');
const actor = alias(users, 'actor');

// The cursor keeps PostgreSQL's microseconds: a JavaScript Date has milliseconds only, and a
// cursor cut to them would skip or repeat events written in the same millisecond.
const cursorAt = sql<string>`to_char(${auditEvents.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export interface AuditReadPage {
  events: AuditEventView[];
  nextCursor: string | null;
}

export async function readAuditPage(db: DbOrTx, scope: AuditScope, query: AuditQuery): Promise<AuditReadPage> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await selectPage(db, scope, query, query.limit + 1, cursor);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { events: page.map(toView), nextCursor: rows.length > query.limit && last ? encodeCursor(last.cursor) : null };
}

/** Every matching event, newest first, a page at a time: memory stays flat however long the period. */
export async function* readAllAuditEvents(db: DbOrTx, scope: AuditScope, query: AuditQuery, pageSize = 500): AsyncGenerator<AuditEventView> {
  let cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  for (;;) {
    const rows = await selectPage(db, scope, query, pageSize, cursor);
    for (const row of rows) yield toView(row);
    if (rows.length < pageSize) return;
    cursor = rows.at(-1)!.cursor;
  }
}

type Row = Awaited<ReturnType<typeof selectPage>>[number];

async function selectPage(db: DbOrTx, scope: AuditScope, query: AuditQuery, limit: number, cursor: AuditCursor | undefined) {
  const rows = await db
    .select({
      event: auditEvents,
      cursorAt,
      person: { id: person.id, email: person.email, displayName: person.displayName },
      actor: { id: actor.id, email: actor.email, displayName: actor.displayName },
      organisation: { id: organisations.id, name: organisations.name },
    })
    .from(auditEvents)
    .leftJoin(person, eq(person.id, auditEvents.userId))
    .leftJoin(actor, eq(actor.id, auditEvents.actorId))
    .leftJoin(organisations, eq(organisations.id, auditEvents.organisationId))
    .where(auditCondition(query, scope, { person, actor }, cursor))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, cursor: { at: r.cursorAt, id: r.event.id } }));
}

function toView(row: Row): AuditEventView {
  const { event } = row;
  return {
    id: String(event.id),
    at: event.at.toISOString(),
    type: event.type,
    outcome: event.outcome,
    person: row.person?.id ? row.person : null,
    actor: row.actor?.id ? row.actor : null,
    method: event.method,
    broker: event.broker,
    level: event.level,
    organisation: row.organisation?.id ? row.organisation : null,
    application: event.application,
    reason: event.reason,
    requestId: event.requestId,
    // The network, as the login throttle counts it (an IPv4 address or an IPv6 /64).
    clientNetwork: event.ip ? clientNetwork(event.ip) : null,
  };
}
