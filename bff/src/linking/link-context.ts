// What the linking operations need besides their input: the database and configuration, the
// browser's login-binding cookie (which pending link is theirs), who asks from where, and the
// clock (injected by tests).
import type { Db } from '../../../db/open.js';
import type { PendingLink } from '../../../db/schema.js';
import type { RequestOrigin } from '../http/request-client.js';
import type { EnvConfig } from '../config.js';
import { ApiError } from '../http/api-error.js';
import type { SiteConfig } from '../site-config/schema.js';
import { findPendingLink } from './pending-link-store.js';

export interface LinkContext {
  db: Db;
  site: SiteConfig;
  env: Pick<EnvConfig, 'publicUrl'>;
  origin: RequestOrigin;
  /** The login-binding cookie this browser sent (undefined: none, or not a token). */
  bindingCookie: string | undefined;
  /** The session cookie this browser sent: ended when the link logs the person in. */
  previousSessionToken?: string | undefined;
  now?: Date;
}

/** This browser's pending link, or link_not_pending (also for another browser's: A02). */
export async function requirePendingLink(ctx: LinkContext): Promise<PendingLink> {
  const link = await findPendingLink(ctx.db, ctx.bindingCookie, ctx.now ?? new Date());
  if (!link) throw new ApiError('link_not_pending');
  return link;
}
