// Polls the outbox and sends what is due. Every instance may run one: claims keep them apart.
import type { Logger } from 'pino';
import type { Db } from '../../../db/open.js';
import { startBackgroundJob, type BackgroundJob } from '../housekeeping/background-job.js';
import type { MailTransport } from './outbox-sender.js';
import { sendPendingMail } from './outbox-sender.js';

export function startOutboxWorker(db: Db, transport: MailTransport, logger: Logger, intervalMs = 2000): BackgroundJob {
  // A database or SMTP outage: logged, and the next round tries again.
  return startBackgroundJob(logger, { name: 'outbox', intervalMs, firstAfterMs: 0 }, async () => {
    const r = await sendPendingMail(db, transport);
    return r.sent || r.failed ? { sent: r.sent, failed: r.failed } : undefined;
  });
}
