// Request and response shapes shared by the account routes (zod → validation and OpenAPI).
import { z } from '@hono/zod-openapi';
import { EMAIL_MAX } from '../../../contract/email-address.js';
import { locales } from '../../../contract/locales.js';
import { ErrorSchema } from '../http/error-schema.js';

export const EmailField = z.email().max(EMAIL_MAX).openapi({ example: 'sanne@gemeente.example.nl' });
/**
 * Long enough for every valid password (128 characters of up to 4 UTF-8 bytes), short enough that
 * nobody makes argon2 chew a megabyte (L07).
 */
export const PasswordField = z.string().min(1).max(1024);
export const TokenField = z.string().min(16).max(256);
export const LocaleField = z.enum(locales);

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true } };
}

export function jsonResponse<T extends z.ZodType>(description: string, schema: T) {
  return { description, content: { 'application/json': { schema } } };
}

export const errorResponse = (description: string) => jsonResponse(description, ErrorSchema);
