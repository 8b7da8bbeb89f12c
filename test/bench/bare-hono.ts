// The yardstick for session.rps: a bare Hono route on the same Node HTTP adapter, nothing else.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono().get('/bare', (c) => c.json({ ok: true }));
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`listens on http://127.0.0.1:${info.port}/`));
