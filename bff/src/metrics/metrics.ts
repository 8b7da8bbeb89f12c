// The login funnel and the health figures operators watch, for Prometheus in the OpenMetrics format.
// Per process: Prometheus scrapes every instance and adds them up, so nothing here is state that
// another instance needs (the outbox depth is read from the database at scrape time:
// outbox-depth.ts).
// No personal data in labels: methods, broker ids from the configuration and reason codes only.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { loginResult, reasonLabel } from './login-result.js';

export const registry = new Registry<typeof Registry.OPENMETRICS_CONTENT_TYPE>();
registry.setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
collectDefaultMetrics({ register: registry, prefix: 'poort_' });

const loginsStarted = new Counter({
  name: 'poort_logins_started',
  help: 'Logins started: a password login submitted, or a person sent to an eHerkenning broker.',
  labelNames: ['method', 'broker'] as const,
  registers: [registry],
});

const loginsFinished = new Counter({
  name: 'poort_logins_finished',
  help: 'Logins ended, by result (completed, cancelled, failed) and reason code.',
  labelNames: ['method', 'broker', 'result', 'reason'] as const,
  registers: [registry],
});

const answerSeconds = new Histogram({
  name: 'poort_eherkenning_answer_seconds',
  help: "Time from a person's start at a broker to the broker's answer at the ACS.",
  labelNames: ['broker'] as const,
  buckets: [5, 10, 20, 30, 60, 120, 300, 600, 1800],
  registers: [registry],
});

const sessionChecks = new Counter({
  name: 'poort_session_checks',
  help: 'Session checks (GET /poort/api/session), by whether an active session was found.',
  labelNames: ['result'] as const,
  registers: [registry],
});

const mailAttempts = new Counter({
  name: 'poort_mail_attempts',
  help: 'Attempts to hand a mail from the outbox to the SMTP server, by result (sent, failed).',
  labelNames: ['result'] as const,
  registers: [registry],
});

const databaseErrors = new Counter({
  name: 'poort_database_errors',
  help: 'Requests answered 503 because the database was unreachable or the request ran past its deadline.',
  labelNames: ['kind'] as const,
  registers: [registry],
});

/** How many password checks run and wait: passwords/password-hash.ts hands over its line's state. */
let passwordQueue: () => { running: number; waiting: number } = () => ({ running: 0, waiting: 0 });
export function observePasswordQueue(read: typeof passwordQueue): void {
  passwordQueue = read;
}
new Gauge({
  name: 'poort_password_checks_waiting',
  help: 'Password hashes (argon2) waiting for a free core in this process.',
  registers: [registry],
  collect() {
    this.set(passwordQueue().waiting);
  },
});
new Gauge({
  name: 'poort_password_checks_running',
  help: 'Password hashes (argon2) running in this process.',
  registers: [registry],
  collect() {
    this.set(passwordQueue().running);
  },
});

export function countLoginStarted(method: string, broker?: string | null): void {
  loginsStarted.inc({ method, broker: broker ?? '' });
}

/**
 * Called for every audit event written (audit/record-audit.ts and the session store's one-statement
 * login): the login events are the funnel's ends. Inside a transaction this counts before the
 * commit; a login whose commit then fails is counted as ended all the same.
 */
export function countAuditEvent(event: { type: string; method?: string | null; broker?: string | null; outcome: string; reason?: string | null }): void {
  if (event.type !== 'login') return;
  loginsFinished.inc({ method: event.method ?? 'unknown', broker: event.broker ?? '', result: loginResult(event.outcome, event.reason), reason: reasonLabel(event.reason) });
}

export function observeBrokerAnswer(broker: string, startedAt: Date, now = new Date()): void {
  answerSeconds.observe({ broker }, Math.max(0, (now.getTime() - startedAt.getTime()) / 1000));
}

export function countSessionCheck(active: boolean): void {
  sessionChecks.inc({ result: active ? 'active' : 'none' });
}

export function countMailAttempt(sent: boolean): void {
  mailAttempts.inc({ result: sent ? 'sent' : 'failed' });
}

export function countDatabaseError(kind: 'unavailable' | 'deadline'): void {
  databaseErrors.inc({ kind });
}
