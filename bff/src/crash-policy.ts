// What the process does with an error nothing caught: log it (without secrets) and stop with a
// non-zero exit code, so the supervisor (systemd Restart=on-failure, a container restart policy;
// see docs/operating.md) starts a fresh instance. Carrying on after an uncaught exception would
// leave the process in a state no code was written for.
import type { Logger } from 'pino';

/** The exit code of a stop after an uncaught error. */
export const FATAL_EXIT_CODE = 1;

/**
 * The loggable part of an uncaught error: its name, code, message and stack frames, with any
 * credentials in URLs (postgres://user:password@…) masked. Nothing else: an error object may carry
 * query parameters, request bodies or configuration in its own properties.
 */
export function fatalErrorFields(error: unknown): { name: string; code?: string; message: string; stack?: string[] } {
  const e = error instanceof Error ? error : new Error(typeof error === 'string' ? error : 'non-Error value thrown');
  const code = (e as { code?: unknown }).code;
  const frames = (e.stack ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at '))
    .slice(0, 15);
  return {
    name: e.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: maskCredentials(e.message).slice(0, 500),
    ...(frames.length ? { stack: frames.map(maskCredentials) } : {}),
  };
}

function maskCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi, '$1[redacted]@');
}

/**
 * Installs the policy: the first uncaught exception or unhandled rejection is logged at `fatal`
 * and `stop(FATAL_EXIT_CODE)` is called; if stopping takes longer than `graceMs`, the process exits anyway.
 */
export function installCrashPolicy(logger: Logger, stop: (exitCode: number) => void, graceMs = 5000): void {
  let failed = false;
  const fail = (kind: 'uncaughtException' | 'unhandledRejection', error: unknown) => {
    logger.fatal({ kind, err: fatalErrorFields(error) }, 'uncaught error: stopping so the supervisor starts a fresh instance');
    if (failed) return;
    failed = true;
    process.exitCode = FATAL_EXIT_CODE;
    setTimeout(() => process.exit(FATAL_EXIT_CODE), graceMs).unref();
    stop(FATAL_EXIT_CODE);
  };
  process.on('uncaughtException', (error) => fail('uncaughtException', error));
  process.on('unhandledRejection', (reason) => fail('unhandledRejection', reason));
}
