import { z } from '@hono/zod-openapi';

/** The one error shape of every Poort response that is not a success. */
export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), problems: z.array(z.unknown()).optional() }) })
  .openapi('Error');
