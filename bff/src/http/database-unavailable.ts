// Recognises "the database is not there" among errors, so it becomes a 503 and not a 500. What a
// restart, a failover or a full pool looks like from postgres.js and Node (each one is in
// test/unit/database-unavailable.test.ts):
// - the socket: refused, reset, timed out, broken, no route (Node's codes);
// - postgres.js's own: a connect timeout, a connection closed or ended under a query, destroyed;
// - PostgreSQL's SQLSTATEs: class 08 (connection exception), 57P01 admin_shutdown (a fast or smart
//   stop cuts every session), 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up, shutting
//   down, in recovery), 57P05 idle_session_timeout, 53300 too_many_connections (every instance
//   reconnecting at once after a restart), 57014 query_canceled (a request deadline cancels a
//   queued statement; for other requests that shared it too the answer is "try again").
const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
]);
const sqlStates = new Set(['57P01', '57P02', '57P03', '57P05', '53300', '57014']);

export function isDatabaseUnavailable(error: unknown): boolean {
  // Drizzle wraps driver errors; the driver's code sits somewhere down the cause chain.
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (typeof e !== 'object') return false;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (connectionCodes.has(code) || sqlStates.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (e instanceof Error && /database closed|PGlite is closed/i.test(e.message)) return true;
  }
  return false;
}
