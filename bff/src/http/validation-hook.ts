// zod-openapi's defaultHook: a request that fails its schema becomes a 400 in Poort's error shape,
// naming the fields at fault (never echoing their values, which may be passwords).
import type { Context, Env } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../app-env.js';
import { ApiError } from './api-error.js';
import { errorResponse } from './error-response.js';

type Result = { success: true } | { success: false; error: z.ZodError };

export function validationHook<E extends Env>(result: Result, c: Context<E>) {
  if (result.success) return;
  const fields = [...new Set(result.error.issues.map((i) => i.path.join('.') || '(body)'))];
  const error = new ApiError('invalid_request', `The request is not valid: check ${fields.join(', ')}.`, 400).atFields(fields);
  return errorResponse(c as unknown as Context<AppEnv>, error);
}
