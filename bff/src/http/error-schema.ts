import { z } from '@hono/zod-openapi';

/** The one error shape of every Poort response that is not a success. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      /** invalid_request only: the request fields at fault (`email`, `password`), so a form can say it at the field. */
      fields: z.array(z.string()).optional(),
      problems: z.array(z.unknown()).optional(),
    }),
  })
  .openapi('Error');
