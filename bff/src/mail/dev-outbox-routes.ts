// GET /dev/outbox: the mails in the outbox with clickable links, for development without SMTP.
// Never mounted when NODE_ENV=production: it shows secret links.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { desc } from 'drizzle-orm';
import { outbox, type OutboxMail } from '../../../db/schema.js';
import type { AppEnv } from '../app-env.js';
import { validationHook } from '../http/validation-hook.js';

const page = createRoute({
  method: 'get',
  path: '/dev/outbox',
  summary: 'Development only: the newest 50 mails in the outbox',
  responses: { 200: { description: 'HTML page', content: { 'text/html': { schema: z.string() } } } },
});

export function devOutboxRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(page, async (c) => {
    const mails = await c.get('deps').db.db.select().from(outbox).orderBy(desc(outbox.id)).limit(50);
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(renderOutbox(mails), 200);
  });
}

export function renderOutbox(mails: OutboxMail[]): string {
  const items = mails
    .map((m) => {
      const status = m.sentAt ? `sent ${m.sentAt.toISOString()}` : m.lastError ? `not sent (${escapeHtml(m.lastError)})` : 'waiting in the outbox';
      return `<article><h2>${escapeHtml(m.subject)}</h2><p>To ${escapeHtml(m.to)} · ${escapeHtml(m.kind)} · ${m.createdAt.toISOString()} · ${status}</p><pre>${linkify(escapeHtml(m.text))}</pre></article>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Poort outbox (development)</title><link rel="stylesheet" href="/assets/site.css"></head><body><main><h1>Outbox (development only)</h1>${items || '<p>No mails yet.</p>'}</main></body></html>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** Turns escaped http(s) URLs into links; the text is escaped first, so nothing else can become markup. */
function linkify(escaped: string): string {
  return escaped.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}
