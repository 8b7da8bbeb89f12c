// The settings that decide how an instance rides out a database restart and a proxy's keep-alive:
// validated at start-up, with defaults above nginx's 60 s and a reconnect delay that stays short.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconnectDelaySeconds } from '../../db/open.js';
import { ConfigError, loadEnvConfig } from '../../bff/src/config.js';
import { SOAP_TIMEOUT_MS } from '../../bff/src/saml/soap-transport.js';

describe('request deadline and keep-alive settings', () => {
  it('default to a 5 s deadline (15 s at the ACS) and a keep-alive of 65 s with 66 s for headers', () => {
    expect(loadEnvConfig({})).toMatchObject({ requestDeadlineMs: 5000, acsDeadlineMs: 15_000, keepAliveTimeoutMs: 65_000, headersTimeoutMs: 66_000, databaseConnectTimeoutS: 3 });
    // The ACS outlasts an artifact resolution at a slow broker, so that ends in its own refusal, not a 503.
    expect(loadEnvConfig({}).acsDeadlineMs).toBeGreaterThan(SOAP_TIMEOUT_MS);
    expect(loadEnvConfig({ POORT_ACS_DEADLINE_MS: '30000' })).toMatchObject({ requestDeadlineMs: 5000, acsDeadlineMs: 30_000 });
    expect(loadEnvConfig({ POORT_DATABASE_CONNECT_TIMEOUT_S: '15' })).toMatchObject({ databaseConnectTimeoutS: 15 });
    expect(loadEnvConfig({ POORT_REQUEST_DEADLINE_MS: '2500', POORT_KEEP_ALIVE_TIMEOUT_MS: '120000' })).toMatchObject({
      requestDeadlineMs: 2500,
      keepAliveTimeoutMs: 120_000,
      headersTimeoutMs: 121_000,
    });
  });

  it('refuses values that are not whole milliseconds in range, naming the variable', () => {
    for (const [name, value] of [
      ['POORT_REQUEST_DEADLINE_MS', 'soon'],
      ['POORT_REQUEST_DEADLINE_MS', '50'],
      ['POORT_REQUEST_DEADLINE_MS', '1.5'],
      ['POORT_ACS_DEADLINE_MS', 'later'],
      ['POORT_ACS_DEADLINE_MS', '50'],
      ['POORT_ACS_DEADLINE_MS', '120001'],
      ['POORT_KEEP_ALIVE_TIMEOUT_MS', '-1'],
      ['POORT_HEADERS_TIMEOUT_MS', '65000'],
      ['POORT_DATABASE_CONNECT_TIMEOUT_S', '0'],
      ['POORT_DATABASE_CONNECT_TIMEOUT_S', '2.5'],
      ['POORT_DATABASE_CONNECT_TIMEOUT_S', '61'],
    ] as const) {
      expect(() => loadEnvConfig({ [name]: value }), `${name}=${value}`).toThrow(ConfigError);
      expect(() => loadEnvConfig({ [name]: value }), `${name}=${value}`).toThrow(name);
    }
  });
});

describe('reconnect delay', () => {
  it('stays between 0 and 1 s however many attempts failed, so a restarted database is found quickly', () => {
    fc.assert(
      fc.property(fc.nat(10_000), (attempt) => {
        const seconds = reconnectDelaySeconds(attempt);
        expect(seconds).toBeGreaterThanOrEqual(0);
        expect(seconds).toBeLessThanOrEqual(1);
      }),
    );
  });
});
