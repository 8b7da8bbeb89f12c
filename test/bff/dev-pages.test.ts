// The development pages fail closed (issue 10 item 7): /poort/dev/outbox and the simulated
// brokers are served only for a demo configuration on a process that is not NODE_ENV=production,
// and an instance that serves them says so in its log at start-up.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { DEVELOPMENT_PAGES_WARNING } from '../../bff/src/site-config/development-pages.js';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { openTestDb } from '../support/db.js';

const db = await openTestDb();
afterAll(() => db.close());

function capturingLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: pino({ level: 'info' }, sink) };
}

async function build(environment: 'demo' | 'production', production: boolean): Promise<{ t: TestApp; log: string[] }> {
  const { lines, logger } = capturingLogger();
  const t = await createTestApp({ site: { ...demoSiteConfig, environment }, production, logger }, db);
  return { t, log: lines };
}

const json = { headers: { accept: 'application/json' } };

async function expectNotServed(t: TestApp): Promise<void> {
  for (const path of ['/poort/dev/outbox', '/poort/dev/brokers/demo-noord/metadata']) {
    const res = await t.app.request(path, json);
    expect(res.status, path).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  }
  expect(t.deps.devBrokers).toBeUndefined();
  const paths = Object.keys((await (await t.app.request('/poort/api/openapi.json')).json()).paths as object);
  expect(paths.filter((p) => p.startsWith('/poort/dev/'))).toEqual([]);
}

describe('development pages', () => {
  it('are served for a demo configuration outside production, with a warning in the start-up log', async () => {
    const { t, log } = await build('demo', false);
    const outbox = await t.app.request('/poort/dev/outbox');
    expect(outbox.status).toBe(200);
    expect(await outbox.text()).toContain('Outbox (development only)');
    expect((await t.app.request('/poort/dev/brokers/demo-noord/metadata')).status).toBe(200);
    const warning = log.map((l) => JSON.parse(l) as { level: number; msg: string }).find((l) => l.msg === DEVELOPMENT_PAGES_WARNING);
    expect(warning?.level).toBe(40);
  });

  it('are not served for a production configuration, even without NODE_ENV=production, and nothing is logged about them', async () => {
    const { t, log } = await build('production', false);
    await expectNotServed(t);
    expect(log.join('')).not.toContain(DEVELOPMENT_PAGES_WARNING);
    // A dev:<id> broker has no metadata there: the login says eHerkenning is unavailable.
    const res = await t.app.request('/poort/auth/eherkenning/start?broker=demo-noord&returnTo=/', json);
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('eherkenning_unavailable');
  });

  it('are not served for a demo configuration when NODE_ENV=production', async () => {
    const { t, log } = await build('demo', true);
    await expectNotServed(t);
    expect(log.join('')).not.toContain(DEVELOPMENT_PAGES_WARNING);
  });
});
