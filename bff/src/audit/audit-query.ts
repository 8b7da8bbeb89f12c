// What an audit report asks the database for, as pure functions over the parsed filters: the
// WHERE condition (filters, the reader's scope, the page's cursor) and the keyset cursor itself.
// No I/O here: audit-read.ts runs it. Reports are newest first, ordered by (at, id), and a page
// starts strictly after the last row of the previous one, so events written meanwhile never
// shift a page: they are newer than the first page's first row, or land after the cursor.
import { and, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AuditQuery } from '../../../contract/audit-schemas.js';
import { roles, type Role } from '../../../contract/roles.js';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { auditEvents, memberships } from '../../../db/schema.js';
import { ApiError } from '../http/api-error.js';
import { administeredOrganisations, type AdminActor } from '../accounts/admin-scope.js';

/** Whose events a reader sees: every event, or those of these organisations (admin-scope.ts). */
export type AuditScope = { kind: 'all' } | { kind: 'organisations'; organisationIds: readonly string[]; highestRole: Role };

/** The users table as joined for the event's subject (an alias of it, in audit-read.ts). */
export interface PersonColumns {
  email: AnyPgColumn;
  displayName: AnyPgColumn;
  role: AnyPgColumn;
}

/** The last row of a page: its time with microseconds (as PostgreSQL keeps it) and its id. */
export interface AuditCursor {
  at: string;
  id: number;
}

const cursorShape = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|(\d{1,18})$/;

export function encodeCursor(cursor: AuditCursor): string {
  return Buffer.from(`${cursor.at}|${cursor.id}`, 'utf8').toString('base64url');
}

/** The cursor a client sent back; anything else is a bad request, never a query. */
export function decodeCursor(value: string): AuditCursor {
  const match = /^[\w-]+$/.test(value) ? cursorShape.exec(Buffer.from(value, 'base64url').toString('utf8')) : null;
  if (!match || Number.isNaN(Date.parse(match[1]!))) throw new ApiError('invalid_request', 'The cursor is not one this report gave out: start again from the first page.');
  return { at: match[1]!, id: Number(match[2]) };
}

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** `from` and `to` as instants: a date alone means the start of that day (UTC), `to` a whole day. */
export function timeBounds(query: Pick<AuditQuery, 'from' | 'to'>): { from?: Date; before?: Date } {
  const from = query.from ? new Date(dateOnly.test(query.from) ? `${query.from}T00:00:00Z` : query.from) : undefined;
  let before = query.to ? new Date(dateOnly.test(query.to) ? `${query.to}T00:00:00Z` : query.to) : undefined;
  if (before && query.to && dateOnly.test(query.to)) before = new Date(before.getTime() + 24 * 60 * 60_000);
  for (const d of [from, before]) if (d && Number.isNaN(d.getTime())) throw new ApiError('invalid_request', 'The period is not a valid date.');
  if (from && before && from >= before) throw new ApiError('invalid_request', 'The period ends before it starts.');
  return { ...(from ? { from } : {}), ...(before ? { before } : {}) };
}

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `%` and `_` typed by a person are letters, not wildcards. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Only the reader's events. An admin sees the events of the organisations they administer, and
 * events that name no organisation (a password login, a reset) when they are about a member of
 * one of those organisations whose role is not above the admin's own: exactly the people the
 * admin sees in the people list. Never another organisation's event.
 */
export function scopeCondition(scope: AuditScope, person: PersonColumns): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  if (scope.organisationIds.length === 0) return sql`false`;
  const ids = [...scope.organisationIds];
  const visibleRoles = roles.slice(0, roles.indexOf(scope.highestRole) + 1);
  return or(
    inArray(auditEvents.organisationId, ids),
    and(
      isNull(auditEvents.organisationId),
      inArray(auditEvents.userId, sql`(select ${memberships.userId} from ${memberships} where ${inArray(memberships.organisationId, ids)})`),
      inArray(person.role, visibleRoles),
    ),
  );
}

export function filterConditions(query: AuditQuery, person: PersonColumns, actor: PersonColumns): SQL[] {
  const { from, before } = timeBounds(query);
  const conditions: (SQL | undefined)[] = [
    from ? sql`${auditEvents.at} >= ${from.toISOString()}::timestamptz` : undefined,
    before ? sql`${auditEvents.at} < ${before.toISOString()}::timestamptz` : undefined,
    query.organisation ? eq(auditEvents.organisationId, query.organisation) : undefined,
    query.application ? eq(auditEvents.application, query.application) : undefined,
    query.method ? eq(auditEvents.method, query.method) : undefined,
    query.level ? eq(auditEvents.level, query.level) : undefined,
    query.outcome ? eq(auditEvents.outcome, query.outcome) : undefined,
    query.type ? eq(auditEvents.type, query.type) : undefined,
    query.person ? personCondition(query.person, person, actor) : undefined,
  ];
  return conditions.filter((c): c is SQL => c !== undefined);
}

/** Events of a person and events by them (as admin): an account id, or part of an address or name. */
function personCondition(text: string, person: PersonColumns, actor: PersonColumns): SQL {
  if (uuidShape.test(text)) return or(eq(auditEvents.userId, text), eq(auditEvents.actorId, text))!;
  const pattern = likePattern(text);
  return or(ilike(person.email, pattern), ilike(person.displayName, pattern), ilike(actor.email, pattern), ilike(actor.displayName, pattern))!;
}

/** Rows strictly after the cursor in the report's order (newest first). */
export function afterCursor(cursor: AuditCursor): SQL {
  return sql`(${auditEvents.at}, ${auditEvents.id}) < (${cursor.at}::timestamptz, ${cursor.id})`;
}

/** `person` and `actor`: the users table as joined for the event's subject and for who acted. */
export function auditCondition(query: AuditQuery, scope: AuditScope, joined: { person: PersonColumns; actor: PersonColumns }, cursor?: AuditCursor): SQL | undefined {
  return and(scopeCondition(scope, joined.person), ...filterConditions(query, joined.person, joined.actor), cursor ? afterCursor(cursor) : undefined);
}

/** The reader's scope: the service desk sees every event, an admin their organisations' (admin-scope.ts). */
export function auditScopeFor(actor: AdminActor): AuditScope {
  const organisationIds = administeredOrganisations(actor);
  return organisationIds === 'all' ? { kind: 'all' } : { kind: 'organisations', organisationIds, highestRole: actor.role };
}

/** Refuses a bad period or cursor before anything is answered (a CSV stream cannot turn into a 400 later). */
export function checkAuditQuery(query: AuditQuery): void {
  timeBounds(query);
  if (query.cursor) decodeCursor(query.cursor);
}
