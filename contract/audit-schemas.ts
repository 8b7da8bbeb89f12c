// The audit report's wire shapes (GET /poort/api/admin/audit): the BFF validates and documents
// with them, the Beheer page takes their types with `import type` only.
import { z } from '@hono/zod-openapi';

export const auditOutcomes = ['success', 'failure'] as const;
/** At most this many events per page; the CSV export pages through all of them. */
export const AUDIT_PAGE_MAX = 200;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const instant = z.union([z.iso.datetime({ offset: true }), day]);
const code = z.string().trim().min(1).max(64).regex(/^[\w.:-]+$/, 'letters, digits and . : _ -');

/** Filters, as query parameters. Every one is optional; given ones must all hold. */
export const AuditQuerySchema = z
  .object({
    from: instant.optional().openapi({ description: 'events at or after this time (ISO 8601; a date means its start, UTC)' }),
    to: instant.optional().openapi({ description: 'events before this time (a date means the end of that day, UTC)' }),
    person: z.string().trim().min(1).max(254).optional().openapi({ description: 'a person: account id, or (part of) their e-mail address or name' }),
    organisation: z.uuid().optional(),
    application: z.string().trim().min(1).max(200).optional(),
    method: code.optional(),
    level: code.optional(),
    outcome: z.enum(auditOutcomes).optional(),
    type: code.optional().openapi({ description: 'event type, e.g. login, account_created' }),
    cursor: z.string().max(200).optional().openapi({ description: 'nextCursor of the previous page' }),
    limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

const Person = z.object({ id: z.string(), email: z.string().nullable(), displayName: z.string().nullable() });

export const AuditEventSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    type: z.string(),
    outcome: z.enum(auditOutcomes),
    /** Whose event it is (the person logging in, the account acted on). Never a tried address. */
    person: Person.nullable(),
    /** Who did it, when that is someone else (an admin, the service desk). */
    actor: Person.nullable(),
    method: z.string().nullable(),
    broker: z.string().nullable(),
    level: z.string().nullable(),
    organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
    application: z.string().nullable(),
    reason: z.string().nullable(),
    requestId: z.string().nullable(),
    clientNetwork: z.string().nullable(),
  })
  .openapi('AuditEvent');
export type AuditEventView = z.infer<typeof AuditEventSchema>;

export const AuditPageSchema = z.object({ events: z.array(AuditEventSchema), nextCursor: z.string().nullable() }).openapi('AuditPage');
export type AuditPage = z.infer<typeof AuditPageSchema>;
