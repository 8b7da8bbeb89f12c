// The one way Poort runs work on a timer (outbox, housekeeping, audit retention): one round at a
// time, and a round that fails (the database restarting, SMTP away) is logged and tried again at
// the next tick. Nothing a round throws may reach the crash policy (crash-policy.ts): that stops
// the process, and a database restart must cost a few 503s, not an instance.
import type { Logger } from 'pino';
import { isDatabaseUnavailable } from '../http/database-unavailable.js';

export interface BackgroundJobOptions {
  /** Names the job in the log lines. */
  name: string;
  intervalMs: number;
  /** The first round this long after start (default: one interval); 0 runs one at once. */
  firstAfterMs?: number;
}

export interface BackgroundJob {
  /** No new rounds; resolves when the one running (if any) has ended. Never rejects. */
  stop(): Promise<void>;
}

/** Runs `round` every `intervalMs`; `round` may return something to log (undefined: nothing). */
export function startBackgroundJob(logger: Logger, options: BackgroundJobOptions, round: () => Promise<object | undefined>): BackgroundJob {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = runRound(logger, options.name, round).finally(() => (running = undefined));
  };
  const first = setTimeout(tick, options.firstAfterMs ?? options.intervalMs);
  const timer = setInterval(tick, options.intervalMs);
  first.unref();
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}

/** One round; resolves whatever happens. Exported for the unit test. */
export async function runRound(logger: Logger, name: string, round: () => Promise<object | undefined>): Promise<void> {
  try {
    const result = await round();
    if (result) logger.info({ job: name, ...result }, name);
  } catch (error) {
    try {
      logger.warn({ job: name, err: failureFields(error) }, `${name} failed; trying again at the next round`);
    } catch {
      // A logger that throws must not turn a failed round into a stopped process either.
    }
  }
}

/**
 * What a failed round's log line says: the error's name, code and message, never its other
 * properties (Drizzle puts the statement's parameters there: addresses, token hashes).
 */
export function failureFields(error: unknown): { name: string; code?: string; message: string; databaseUnavailable: boolean } {
  const e = error instanceof Error ? error : undefined;
  const code = e && (e as { code?: unknown }).code;
  const cause = e && (e.cause as { code?: unknown; message?: unknown } | undefined);
  const causeCode = cause && typeof cause.code === 'string' ? cause.code : undefined;
  return {
    name: e?.name ?? typeof error,
    ...(typeof code === 'string' ? { code } : causeCode ? { code: causeCode } : {}),
    // Drizzle's own message quotes the statement and its parameters: the cause's message instead.
    message: String((causeCode && cause?.message) || (e?.message ?? error)).replace(/\n[\s\S]*/, '').slice(0, 300),
    databaseUnavailable: isDatabaseUnavailable(error),
  };
}
