// Reads the session cookie once per request and puts the active session (or null) on the context.
import type { MiddlewareHandler } from 'hono';
import type { Role } from '../../../contract/roles.js';
import type { AppEnv } from '../app-env.js';
import { ApiError } from '../http/api-error.js';
import { readSessionCookie } from './session-cookie.js';
import { lifetimesFrom } from './session-policy.js';
import { findActiveSession } from './session-store.js';

export function loadSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // Several routers on one path (/api/admin/*) each ask for it: read it once.
    if (c.get('session') !== undefined) return next();
    const token = readSessionCookie(c);
    const { db, site } = c.get('deps');
    c.set('session', token ? ((await findActiveSession(db.db, token, lifetimesFrom(site.sessions))) ?? null) : null);
    await next();
  };
}

/** Guards a route: 401 without a session; 403 when the user lacks one of the roles. */
export function requireSession(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const active = c.get('session');
    if (!active) throw new ApiError('unauthenticated');
    if (roles.length && !roles.includes(active.user.role)) throw new ApiError('forbidden');
    await next();
  };
}
