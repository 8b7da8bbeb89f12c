// Which errors mean "the database is not there, try again" (503 service_unavailable, the page or
// JSON every other outage gives) rather than a fault (500): one case per code a PostgreSQL restart,
// a failover or a full pool produces, bare and as Drizzle wraps it.
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../bff/src/http/database-unavailable.js';

const withCode = (code: string, message = `error ${code}`) => Object.assign(new Error(message), { code });
/** What Drizzle throws: "Failed query: …" with the driver's error as its cause. */
const asDrizzle = (cause: unknown) => new Error('Failed query: insert into "saml_requests" …', { cause });

const unavailable: [string, string][] = [
  ['ECONNREFUSED', 'nothing listens: PostgreSQL stopped'],
  ['ECONNRESET', 'the server went away mid-conversation'],
  ['ECONNABORTED', 'the connection was aborted'],
  ['ETIMEDOUT', 'the TCP connection timed out'],
  ['EPIPE', 'written to a socket the server closed'],
  ['EHOSTUNREACH', 'no route to the database host'],
  ['ENETUNREACH', 'no route to the network'],
  ['ENETDOWN', 'the network is down'],
  ['EAI_AGAIN', 'the database host name did not resolve for now'],
  ['CONNECT_TIMEOUT', 'postgres.js: connect_timeout passed'],
  ['CONNECTION_CLOSED', 'postgres.js: the connection closed under the query'],
  ['CONNECTION_ENDED', 'postgres.js: the pool was ended'],
  ['CONNECTION_DESTROYED', 'postgres.js: the connection was destroyed'],
  ['08000', 'connection_exception'],
  ['08001', 'sqlclient_unable_to_establish_sqlconnection'],
  ['08003', 'connection_does_not_exist'],
  ['08006', 'connection_failure'],
  ['08P01', 'protocol_violation'],
  ['57P01', 'admin_shutdown: a fast or smart stop ends every session'],
  ['57P02', 'crash_shutdown'],
  ['57P03', 'cannot_connect_now: starting up, shutting down or in recovery'],
  ['57P05', 'idle_session_timeout'],
  ['53300', 'too_many_connections: every instance reconnecting at once'],
  ['57014', 'query_canceled: a request deadline took a queued statement back'],
];

const faults: [string, string][] = [
  ['23505', 'unique_violation: a bug or a race the code must handle'],
  ['23503', 'foreign_key_violation'],
  ['42P01', 'undefined_table: a missing migration'],
  ['42703', 'undefined_column'],
  ['22P02', 'invalid_text_representation'],
  ['57P04', 'database_dropped: not coming back by itself'],
  ['40001', 'serialization_failure'],
  ['ENOENT', 'a file, not the database'],
  ['UNSAFE_TRANSACTION', 'postgres.js refusing a misuse'],
];

describe('database unavailable', () => {
  it.each(unavailable)('%s (%s) is unavailable, bare and wrapped by Drizzle', (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(true);
    expect(isDatabaseUnavailable(asDrizzle(withCode(code)))).toBe(true);
    expect(isDatabaseUnavailable(asDrizzle(asDrizzle(withCode(code))))).toBe(true);
  });

  it.each(faults)('%s (%s) is a fault, not an outage', (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(false);
    expect(isDatabaseUnavailable(asDrizzle(withCode(code)))).toBe(false);
  });

  it('knows an embedded database that was closed', () => {
    expect(isDatabaseUnavailable(asDrizzle(new Error('PGlite is closed')))).toBe(true);
    expect(isDatabaseUnavailable(new Error('database closed'))).toBe(true);
  });

  it('is false for errors without a code, non-errors, and a cause chain that never reaches one', () => {
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'count')"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable('ECONNRESET')).toBe(false);
    expect(isDatabaseUnavailable({ code: 42 })).toBe(false);
    // Deeper than any wrapping Poort's stack makes: not looked at.
    let deep: unknown = withCode('ECONNRESET');
    for (let i = 0; i < 5; i++) deep = asDrizzle(deep);
    expect(isDatabaseUnavailable(deep)).toBe(false);
  });
});
