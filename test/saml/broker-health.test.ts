// Broker health in the list (issue 18 §3): a broker whose metadata cannot be had, or whose
// artifact resolution keeps failing, is marked down and listed last for every instance; choosing
// it brings a person back to the widget's error view, not to JSON; a stranger posting error answers
// cannot take a broker out of the list.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, brokerHealth } from '../../db/schema.js';
import type { PublicConfig } from '../../contract/api-schemas.js';
import { SamlError } from '../../bff/src/saml/saml-error.js';
import { brokerHealthNow } from '../../bff/src/eherkenning/broker-health-store.js';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { openTestDb, type TestDb } from '../support/db.js';
import { brokerAnswers, getAcs, postToAcs } from './flow.js';
import { startAt } from './harness.js';
import { buildResponse } from './response-builder.js';

let db: TestDb;
let metadataUp = false;
let soapUp = true;
let t: TestApp;
let other: TestApp;
const failingMetadata = 'https://storing.example/metadata';

beforeAll(async () => {
  db = await openTestDb();
  // demo-eenvoud's metadata comes from a URL that fails until the test brings it back (no cached copy).
  const site = { ...demoSiteConfig, brokers: demoSiteConfig.brokers.map((b) => (b.id === 'demo-eenvoud' ? { ...b, metadata: failingMetadata } : b)) };
  // Once back, it serves a simulated broker's metadata (demo-eenvoud is then no simulated broker itself).
  const devMetadata = async () => {
    const res = await t.app.request('/poort/dev/brokers/demo-noord/metadata');
    return new Response(await res.text(), { status: 200 });
  };
  const self: { t?: TestApp } = {};
  const options = {
    site,
    fetch: (async (url: string | URL) => {
      if (String(url) !== failingMetadata || !metadataUp) throw new TypeError('fetch failed');
      return devMetadata();
    }) as typeof fetch,
    soap: async (request: { url: string; body: string; contentType: string }) => {
      if (!soapUp) throw new SamlError('artifact_resolution_failed', 'broker_unavailable'); // as saml/soap-transport.ts
      const res = await self.t!.app.request(request.url, { method: 'POST', body: request.body, headers: { 'content-type': request.contentType } });
      return res.text();
    },
  };
  t = await createTestApp(options, db);
  self.t = t;
  // A second instance on the same database: what one learns, the other shows.
  other = await createTestApp(options, db);
});
afterAll(async () => {
  await db.close();
});

async function brokers(app: TestApp): Promise<PublicConfig['brokers']> {
  return ((await (await app.app.request('/poort/api/config')).json()) as PublicConfig).brokers;
}

describe('a broker whose metadata cannot be had', () => {
  it("sends a browser back to the site with poort-error=broker_unavailable and a fetch caller a 503, and says why in the audit log", async () => {
    const page = await t.app.request('/poort/auth/eherkenning/start?broker=demo-eenvoud&returnTo=%2Fmijn%3Fstap%3D2', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/mijn?stap=2&poort-error=broker_unavailable');
    const api = await t.app.request('/poort/auth/eherkenning/start?broker=demo-eenvoud&returnTo=%2Fmijn', { headers: { accept: 'application/json' } });
    expect(api.status).toBe(503);
    expect(api.headers.get('retry-after')).toBeTruthy();
    expect((await api.json()).error.code).toBe('eherkenning_unavailable');
    const [audit] = await db.db.select().from(auditEvents).where(eq(auditEvents.broker, 'demo-eenvoud'));
    expect(audit).toMatchObject({ type: 'login', outcome: 'failure', method: 'eherkenning', reason: 'metadata_fetch_failed' });
  });

  it('is marked down, since the first failure, and listed last on every instance', async () => {
    const [row] = await db.db.select().from(brokerHealth).where(eq(brokerHealth.broker, 'demo-eenvoud'));
    expect(row!.metadataFailedSince).toBeInstanceOf(Date);
    for (const app of [t, other]) {
      const list = await brokers(app);
      expect(list.at(-1)).toMatchObject({ id: 'demo-eenvoud', unavailable: { since: row!.metadataFailedSince!.toISOString() } });
      expect(list.filter((b) => b.unavailable).map((b) => b.id)).toEqual(['demo-eenvoud']);
      // The others keep their configured order.
      expect(list.slice(0, -1).map((b) => b.id)).toEqual(demoSiteConfig.brokers.map((b) => b.id).filter((id) => id !== 'demo-eenvoud'));
    }
  });

  it('is available again, for every instance, once its metadata can be had', async () => {
    metadataUp = true;
    const start = await t.app.request('/poort/auth/eherkenning/start?broker=demo-eenvoud&returnTo=%2Fmijn', { headers: { accept: 'text/html' } });
    expect(start.status).toBe(200);
    expect(await start.text()).toContain('SAMLRequest');
    const [row] = await db.db.select().from(brokerHealth).where(eq(brokerHealth.broker, 'demo-eenvoud'));
    expect(row!.metadataFailedSince).toBeNull();
    expect((await brokers(t)).find((b) => b.id === 'demo-eenvoud')!.unavailable).toBeUndefined();
  });
});

describe('a broker whose artifact resolution fails', () => {
  it('is marked down after repeated transport failures, which no outsider can cause', async () => {
    soapUp = false;
    for (let i = 0; i < 3; i++) {
      const s = await startAt(t, 'demo-zuid');
      const redirect = await brokerAnswers(t, s, 'person:fatima');
      const res = await getAcs(t, redirect.headers.get('location')!);
      expect(new URL(res.headers.get('location')!, 'http://x').searchParams.get('poort-error')).toBe('broker_unavailable');
    }
    soapUp = true;
    // Read as an instance does once its few seconds of memory have passed.
    const health = await brokerHealthNow(db.db, new Date(Date.now() + 20_000));
    expect(health.get('demo-zuid')).toMatchObject({ available: false, cause: 'calls' });
  });

  it('is not marked down by error answers anyone can post to logins they started themselves', async () => {
    const status = { top: 'urn:oasis:names:tc:SAML:2.0:status:Responder' };
    for (let i = 0; i < 6; i++) {
      const s = await startAt(t, 'demo-noord');
      await postToAcs(t, buildResponse({ ...s.spec, status }).xml, s.relayState);
    }
    const health = await brokerHealthNow(db.db, new Date(Date.now() + 40_000));
    expect(health.has('demo-noord')).toBe(false);
    expect(health.get('demo-zuid')).toMatchObject({ available: false, cause: 'calls' });
  });
});
