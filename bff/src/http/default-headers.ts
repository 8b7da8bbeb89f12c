// Headers that a whole group of responses gets (security headers, Cache-Control, X-Request-Id),
// unless the route set the same header itself: the route knows better (the broker hand-over page
// allows one extra form-action origin in its own CSP).
//
// On the Node adapter they go straight onto the ServerResponse before the route runs. Node merges
// them into the route's headers at writeHead, the route's own winning. Setting them on the finished
// Response instead (as hono/secure-headers does) turns the adapter's cheap cached response into a
// full WHATWG Response with undici Headers, which cost a session check more than its database read.
// Without the Node adapter (app.request() in tests, other runtimes) they go on the finished Response.
import type { ServerResponse } from 'node:http';
import type { Context, Next } from 'hono';

export type HeaderList = ReadonlyArray<readonly [name: string, value: string]>;

export function withDefaultHeaders(c: Context, headers: HeaderList, next: Next): Promise<void> {
  const outgoing = nodeResponse(c);
  if (!outgoing) return next().then(() => addToResponse(c, headers));
  for (const [name, value] of headers) outgoing.setHeader(name, value);
  return next();
}

function addToResponse(c: Context, headers: HeaderList): void {
  const missing = headers.filter(([name]) => !c.res.headers.has(name));
  if (!missing.length) return;
  try {
    for (const [name, value] of missing) c.res.headers.set(name, value);
  } catch {
    // Immutable headers (Response.redirect): copy the response once, then add.
    c.res = new Response(c.res.body, c.res);
    for (const [name, value] of missing) c.res.headers.set(name, value);
  }
}

function nodeResponse(c: Context): ServerResponse | undefined {
  const outgoing = (c.env as { outgoing?: unknown } | undefined)?.outgoing;
  return outgoing && typeof (outgoing as ServerResponse).setHeader === 'function' && !(outgoing as ServerResponse).headersSent ? (outgoing as ServerResponse) : undefined;
}
