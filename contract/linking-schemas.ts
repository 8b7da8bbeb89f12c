// The JSON shapes of the linking routes (/api/link/*), as zod schemas: the BFF validates and
// documents with them, the widget takes their types with `import type` only.
import { z } from '@hono/zod-openapi';
import { SessionSchema } from './api-schemas.js';
import { roles } from './roles.js';

export const PendingLinkSchema = z
  .object({
    /** When the link attempt ends if not finished (ISO 8601). */
    expiresAt: z.string(),
    /** True once a PIN was mailed (step a): the widget then asks for it. */
    pinSent: z.boolean(),
    pinExpiresAt: z.string().nullable(),
    /** The broker the eHerkenning login came through. */
    broker: z.string().nullable(),
  })
  .openapi('PendingLink');
export type PendingLinkView = z.infer<typeof PendingLinkSchema>;

export const PinSentSchema = z.object({ status: z.literal('pin_sent'), pinExpiresAt: z.string() }).openapi('PinSent');
export type PinSentView = z.infer<typeof PinSentSchema>;

/** A finished link: the new session, and the path the eHerkenning login was started for. */
export const LinkedSchema = z.object({ session: SessionSchema, returnTo: z.string() }).openapi('Linked');
export type LinkedView = z.infer<typeof LinkedSchema>;

export const MembershipAddedSchema = z
  .object({ organisation: z.object({ id: z.string(), name: z.string() }), role: z.enum(roles) })
  .openapi('MembershipAdded');
export type MembershipAddedView = z.infer<typeof MembershipAddedSchema>;
