// Recognises "the database is not there" among errors, so it becomes a 503 and not a 500.
const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  // Drizzle wraps driver errors; the driver's code sits somewhere down the cause chain.
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (typeof e !== 'object') return false;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (connectionCodes.has(code)) return true;
      // SQLSTATE class 08 (connection exception), 57P0x (server shutting down / starting up),
      // 57014 (statement cancelled: a request deadline cancels a statement that others may share,
      // such as a batched session check; for them too the answer is "try again").
      if (/^08...$/.test(code) || /^57P0[1-3]$/.test(code) || code === '57014') return true;
    }
    if (e instanceof Error && /database closed|PGlite is closed/i.test(e.message)) return true;
  }
  return false;
}
