// The outbox's depth, read from the database when Prometheus scrapes: the outbox is shared by all
// instances, so a per-process counter could not say how many mails wait.
import { isNull, sql } from 'drizzle-orm';
import { Gauge } from 'prom-client';
import type { Db } from '../../../db/open.js';
import { outbox } from '../../../db/schema.js';
import { MAX_MAIL_ATTEMPTS } from '../mail/retry-policy.js';
import { registry } from './metrics.js';

const pending = new Gauge({
  name: 'poort_mail_outbox_pending',
  help: 'Mails in the outbox still to be sent (all instances; read from the database when scraped).',
  registers: [registry],
});
const givenUp = new Gauge({
  name: 'poort_mail_outbox_given_up',
  help: `Mails not sent after ${MAX_MAIL_ATTEMPTS} attempts (all instances; read from the database when scraped).`,
  registers: [registry],
});

export async function readOutboxDepth(db: Db): Promise<void> {
  try {
    const [row] = await db
      .select({
        pending: sql`count(*) filter (where ${outbox.attempts} < ${MAX_MAIL_ATTEMPTS})`.mapWith(Number),
        givenUp: sql`count(*) filter (where ${outbox.attempts} >= ${MAX_MAIL_ATTEMPTS})`.mapWith(Number),
      })
      .from(outbox)
      .where(isNull(outbox.sentAt));
    pending.set(row?.pending ?? 0);
    givenUp.set(row?.givenUp ?? 0);
  } catch {
    // The database is away: the scrape still answers, these two say so by having no value.
    pending.set(NaN);
    givenUp.set(NaN);
  }
}
