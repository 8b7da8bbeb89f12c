// The audit report's query, built without a database: cursors, periods, LIKE patterns, and the
// scope condition an admin's report always carries.
import { PgDialect } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuditQuerySchema } from '../../contract/audit-schemas.js';
import { users } from '../../db/schema.js';
import { auditCondition, auditScopeFor, decodeCursor, encodeCursor, likePattern, timeBounds } from '../../bff/src/audit/audit-query.js';
import { ApiError } from '../../bff/src/http/api-error.js';

const dialect = new PgDialect();
const query = (input: Record<string, string> = {}) => AuditQuerySchema.parse(input);
const joined = { person: users, actor: users };

describe('cursor', () => {
  it('round-trips any time with microseconds and any id', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4102444799 }), fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (s, us, id) => {
        const at = `${new Date(s * 1000).toISOString().slice(0, 19)}.${String(us).padStart(6, '0')}Z`;
        expect(decodeCursor(encodeCursor({ at, id }))).toEqual({ at, id });
      }),
    );
  });

  it.each(['', 'x', 'bm9wZQ', Buffer.from("2026-06-01T12:00:00.000000Z|1' or 1=1").toString('base64url'), Buffer.from('2026-13-40T12:00:00.000000Z|1').toString('base64url'), 'a b'])(
    'refuses %j as invalid_request',
    (value) => {
      expect(() => decodeCursor(value)).toThrow(ApiError);
    },
  );
});

describe('timeBounds', () => {
  it('reads a date as a whole UTC day', () => {
    expect(timeBounds({ from: '2026-06-01', to: '2026-06-01' })).toEqual({ from: new Date('2026-06-01T00:00:00Z'), before: new Date('2026-06-02T00:00:00Z') });
  });
  it('takes instants with an offset as given', () => {
    expect(timeBounds({ from: '2026-06-01T00:00:00+02:00' })).toEqual({ from: new Date('2026-05-31T22:00:00Z') });
  });
  it('refuses a period that ends before it starts', () => {
    expect(() => timeBounds({ from: '2026-06-02', to: '2026-06-01' })).toThrow(ApiError);
  });
});

describe('likePattern', () => {
  it('makes % and _ letters', () => {
    expect(likePattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});

describe('scope condition', () => {
  it('narrows an admin to their organisations, and to members no higher than themselves', () => {
    const scope = auditScopeFor({ id: 'a', role: 'admin', memberships: [{ organisationId: '11111111-1111-4111-8111-111111111111', role: 'admin' }, { organisationId: '22222222-2222-4222-8222-222222222222', role: 'user' }] });
    expect(scope).toEqual({ kind: 'organisations', organisationIds: ['11111111-1111-4111-8111-111111111111'], highestRole: 'admin' });
    const { sql, params } = dialect.sqlToQuery(auditCondition(query(), scope, joined)!);
    expect(sql).toContain('"audit_events"."organisation_id" in ($1)');
    expect(sql).toContain('"audit_events"."organisation_id" is null');
    expect(params).toEqual(['11111111-1111-4111-8111-111111111111', '11111111-1111-4111-8111-111111111111', 'user', 'editor', 'admin']);
  });

  it('gives an admin of nothing nothing', () => {
    const scope = auditScopeFor({ id: 'a', role: 'admin', memberships: [] });
    expect(dialect.sqlToQuery(auditCondition(query(), scope, joined)!).sql).toBe('false');
  });

  it('leaves the service desk unnarrowed, and keeps every filter a parameter', () => {
    const condition = auditCondition(query({ type: 'login', outcome: 'failure', person: "o'brien%" }), auditScopeFor({ id: null, role: 'servicedesk', memberships: [] }), joined);
    const { sql, params } = dialect.sqlToQuery(condition!);
    expect(sql).not.toContain('organisation_id');
    expect(sql).not.toContain("o'brien");
    expect(params).toEqual(['failure', 'login', "%o'brien\\%%", "%o'brien\\%%", "%o'brien\\%%", "%o'brien\\%%"]);
  });
});
