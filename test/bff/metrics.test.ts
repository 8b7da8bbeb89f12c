// The login funnel metrics (issue 18 §2): off unless configured, behind their own token, counting
// what a login did by method, broker, result and reason, with no personal data in any label.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema.js';
import { GOOD_PASSWORD, makeUser, post } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { postToAcs } from '../saml/flow.js';
import { startAt } from '../saml/harness.js';
import { buildResponse } from '../saml/response-builder.js';

const TOKEN = 'metrics-token-for-the-test-0123456789abcdef';
let t: TestApp;
let off: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { POORT_METRICS_TOKEN: TOKEN } });
  off = await createTestApp({}, t.db);
  await makeUser(t, 'teller@gemeente.example.nl');
});
afterAll(async () => {
  await off.close();
  await t.close();
});

const scrape = async () => {
  const res = await t.app.request('/poort/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return res.text();
};

/** The value of one sample, whatever order its labels come in; 0 when the series does not exist yet. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(match[3]);
  }
  return 0;
}

describe('access', () => {
  it('does not exist when no token or port is configured', async () => {
    expect((await off.app.request('/poort/metrics')).status).toBe(404);
  });

  it.each([
    ['no Authorization header', undefined],
    ['a wrong token', `Bearer ${TOKEN.slice(0, -1)}x`],
    ['the token with a suffix', `Bearer ${TOKEN}x`],
    ['another scheme', `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`],
    ['an empty bearer', 'Bearer '],
  ])('refuses %s with 401 and a Bearer challenge, showing no figures', async (_name, authorization) => {
    const res = await t.app.request('/poort/metrics', authorization ? { headers: { authorization } } : {});
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
    const body = await res.text();
    expect(body).not.toMatch(/poort_/);
    expect(JSON.parse(body).error.code).toBe('unauthenticated');
  });

  it('answers the OpenMetrics text format, not cached', async () => {
    const res = await t.app.request('/poort/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.headers.get('content-type')).toMatch(/^application\/openmetrics-text; version=1\.0\.0/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.text();
    expect(body).toMatch(/^# HELP poort_/m);
    expect(body.trimEnd().endsWith('# EOF')).toBe(true);
  });
});

describe('the login funnel', () => {
  it('counts password logins started and how each ended, by reason', async () => {
    const before = await scrape();
    expect((await post(t, '/poort/api/login', { email: 'teller@gemeente.example.nl', password: GOOD_PASSWORD })).status).toBe(200);
    expect((await post(t, '/poort/api/login', { email: 'teller@gemeente.example.nl', password: 'fout-wachtwoord-123' })).status).toBe(401);
    expect((await post(t, '/poort/api/login', { email: 'niemand-hier@gemeente.example.nl', password: 'fout-wachtwoord-123' })).status).toBe(401);
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);
    expect(delta('poort_logins_started_total', { method: 'email' })).toBe(3);
    expect(delta('poort_logins_finished_total', { method: 'email', result: 'completed' })).toBe(1);
    expect(delta('poort_logins_finished_total', { method: 'email', result: 'failed', reason: 'wrong_password' })).toBe(1);
    expect(delta('poort_logins_finished_total', { method: 'email', result: 'failed', reason: 'unknown_email' })).toBe(1);
    // No personal data: neither address appears, not even the one that exists.
    expect(after).not.toMatch(/teller@|niemand-hier@|gemeente\.example/);
  });

  it('counts eHerkenning starts per broker, a cancel at the broker as cancelled, and the time to the answer', async () => {
    const before = await scrape();
    const s = await startAt(t, 'demo-zuid');
    const status = { top: 'urn:oasis:names:tc:SAML:2.0:status:Responder', second: 'urn:oasis:names:tc:SAML:2.0:status:AuthnFailed' };
    expect((await postToAcs(t, buildResponse({ ...s.spec, status }).xml, s.relayState)).status).toBe(303);
    const s2 = await startAt(t, 'demo-zuid');
    expect((await postToAcs(t, buildResponse({ ...s2.spec, pseudonym: 'S-metrics-person' }).xml, s2.relayState)).status).toBe(303);
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);
    expect(delta('poort_logins_started_total', { method: 'eherkenning', broker: 'demo-zuid' })).toBe(2);
    expect(delta('poort_logins_finished_total', { method: 'eherkenning', broker: 'demo-zuid', result: 'cancelled', reason: 'status_AuthnFailed' })).toBe(1);
    expect(delta('poort_logins_finished_total', { method: 'eherkenning', broker: 'demo-zuid', result: 'completed' })).toBe(1);
    expect(delta('poort_eherkenning_answer_seconds_count', { broker: 'demo-zuid' })).toBe(2);
    expect(after).not.toMatch(/S-metrics-person/);
  });

  it('counts session checks with and without a session', async () => {
    const before = await scrape();
    const res = await post(t, '/poort/api/login', { email: 'teller@gemeente.example.nl', password: GOOD_PASSWORD });
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    expect((await t.app.request('/poort/api/session', { headers: { cookie } })).status).toBe(200);
    expect((await t.app.request('/poort/api/session')).status).toBe(401);
    expect((await t.app.request('/poort/api/session')).status).toBe(401);
    const after = await scrape();
    expect(sample(after, 'poort_session_checks_total', { result: 'active' }) - sample(before, 'poort_session_checks_total', { result: 'active' })).toBe(1);
    expect(sample(after, 'poort_session_checks_total', { result: 'none' }) - sample(before, 'poort_session_checks_total', { result: 'none' })).toBe(2);
  });
});

describe('figures shared by all instances', () => {
  it('reads the outbox depth from the database when scraped', async () => {
    const before = sample(await scrape(), 'poort_mail_outbox_pending');
    await t.db.db.insert(outbox).values([
      { to: 'a@gemeente.example.nl', subject: 's', text: 't', kind: 'invitation' },
      { to: 'b@gemeente.example.nl', subject: 's', text: 't', kind: 'invitation', attempts: 12 },
    ]);
    const after = await scrape();
    expect(sample(after, 'poort_mail_outbox_pending') - before).toBe(1);
    expect(sample(after, 'poort_mail_outbox_given_up')).toBeGreaterThanOrEqual(1);
  });

  it('reports the password-check line of this process', async () => {
    const body = await scrape();
    expect(body).toMatch(/^poort_password_checks_waiting 0$/m);
    expect(body).toMatch(/^poort_password_checks_running 0$/m);
  });
});
