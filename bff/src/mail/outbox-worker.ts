// Polls the outbox and sends what is due. Every instance may run one: claims keep them apart.
import type { Logger } from 'pino';
import type { Db } from '../../../db/open.js';
import type { MailTransport } from './outbox-sender.js';
import { sendPendingMail } from './outbox-sender.js';

export function startOutboxWorker(db: Db, transport: MailTransport, logger: Logger, intervalMs = 2000): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = sendPendingMail(db, transport)
      .then((r) => {
        if (r.sent || r.failed) logger.info({ sent: r.sent, failed: r.failed }, 'outbox');
      })
      // A database or SMTP outage: log and try again at the next tick.
      .catch((error: unknown) => logger.warn({ err: { message: error instanceof Error ? error.message : String(error) } }, 'outbox run failed'))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
