// The pure parts of the metrics: how a login counts, which label values a reason may take, the
// password-check line's state, and the settings that switch /metrics on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnvConfig } from '../../bff/src/config.js';
import { loginResult, reasonLabel } from '../../bff/src/metrics/login-result.js';
import { concurrencyLimit } from '../../bff/src/passwords/concurrency-limit.js';

describe('loginResult', () => {
  it('is completed for a success, cancelled for the broker saying the person stopped, failed otherwise', () => {
    expect(loginResult('success', null)).toBe('completed');
    expect(loginResult('success', 'status_AuthnFailed')).toBe('completed');
    expect(loginResult('failure', 'status_AuthnFailed')).toBe('cancelled');
    expect(loginResult('failure', 'status_RequestDenied')).toBe('failed');
    expect(loginResult('failure', 'wrong_password')).toBe('failed');
    expect(loginResult('failure', null)).toBe('failed');
  });
});

describe('reasonLabel', () => {
  it('keeps Poort reason codes and says none for no reason', () => {
    for (const code of ['wrong_password', 'status_AuthnFailed', 'level_too_low', 'xml_doctype']) expect(reasonLabel(code)).toBe(code);
    expect(reasonLabel(null)).toBe('none');
    expect(reasonLabel('')).toBe('none');
  });

  it('turns anything that is not a plain code into "other", so no value from outside becomes a label', () => {
    for (const odd of ['a@b.example', 'wrong password', 'x'.repeat(65), 'Ünïcode', 'status"}', '1abc']) expect(reasonLabel(odd)).toBe('other');
    fc.assert(
      fc.property(fc.string(), (value) => {
        const label = reasonLabel(value);
        expect(label === 'none' || label === 'other' || label === value).toBe(true);
        expect(label).toMatch(/^[a-zA-Z0-9_]{1,64}$/);
      }),
    );
  });
});

describe('the password-check line', () => {
  it('reports how many run and wait, and nothing once they are done', async () => {
    const limit = concurrencyLimit(1);
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const first = limit(() => gate);
    const second = limit(async () => {});
    expect(limit.state()).toEqual({ running: 1, waiting: 1 });
    open();
    await Promise.all([first, second]);
    expect(limit.state()).toEqual({ running: 0, waiting: 0 });
  });
});

describe('metrics settings', () => {
  it('are off by default, on the loopback interface when a port is given', () => {
    expect(loadEnvConfig({}).metrics).toEqual({ token: undefined, port: undefined, host: '127.0.0.1' });
    expect(loadEnvConfig({ POORT_METRICS_PORT: '9464', POORT_METRICS_TOKEN: '' }).metrics).toEqual({ token: undefined, port: 9464, host: '127.0.0.1' });
  });

  it('refuse a short token and an impossible port with the variable named', () => {
    expect(() => loadEnvConfig({ POORT_METRICS_TOKEN: 'short' })).toThrow(ConfigError);
    expect(() => loadEnvConfig({ POORT_METRICS_TOKEN: 'short' })).toThrow(/POORT_METRICS_TOKEN: must be at least 32 characters/);
    expect(() => loadEnvConfig({ POORT_METRICS_PORT: '70000' })).toThrow(/POORT_METRICS_PORT/);
  });
});
