import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import { loadSiteConfig } from '../../bff/src/site-config/load.js';
import { levelSatisfies } from '../../contract/levels.js';
import { levelFromUri } from '../../bff/src/saml/level-uris.js';
import { createTestApp, type TestApp } from '../support/app.js';

describe('site configuration file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'poort-config-'));
  const write = (name: string, content: string) => {
    writeFileSync(join(dir, name), content);
    return name;
  };

  it('uses the built-in demo configuration when there is no file', () => {
    const loaded = loadSiteConfig({}, dir);
    expect(loaded.source).toBe('built-in demo configuration');
    expect(loaded.config.environment).toBe('demo');
    expect(loaded.config.brokers.map((b) => b.id)).toEqual(['demo-noord', 'demo-zuid', 'demo-eenvoud']);
  });

  it('reads POORT_CONFIG, fills defaults and resolves paths against its folder', () => {
    const file = write('ok.json', JSON.stringify({ environment: 'production', brokers: [{ id: 'b1', name: 'B1', metadata: 'b1.xml', levels: ['loa3'] }] }));
    const loaded = loadSiteConfig({ POORT_CONFIG: file }, dir);
    expect(loaded.baseDir).toBe(dir);
    expect(loaded.config.environment).toBe('production');
    expect(loaded.config.brokers[0]).toMatchObject({ id: 'b1', aliases: [], binding: 'HTTP-POST' });
    expect(loaded.config.sessions).toEqual({ idleMinutes: 30, absoluteHours: 8 });
  });

  it('names the field that is wrong', () => {
    const file = write('bad.json', JSON.stringify({ brokers: [{ id: 'b1', name: 'B1', metadata: 'x', binding: 'HTTP-Redirect', levels: ['loa3'] }] }));
    expect(() => loadSiteConfig({ POORT_CONFIG: file }, dir)).toThrow(/brokers\[0\]\.binding/);
  });

  it('refuses a file that is not JSON, and a duplicate broker id', () => {
    expect(() => loadSiteConfig({ POORT_CONFIG: write('broken.json', '{ "environment": ') }, dir)).toThrow(/not valid JSON/);
    const twice = { id: 'b1', name: 'B1', metadata: 'x', levels: ['loa2'] };
    expect(() => loadSiteConfig({ POORT_CONFIG: write('dup.json', JSON.stringify({ brokers: [twice, twice] })) }, dir)).toThrow(/appears twice/);
  });

  it('refuses a missing explicit file', () => {
    expect(() => loadSiteConfig({ POORT_CONFIG: 'nope.json' }, dir)).toThrow(/cannot be read/);
  });
});

describe('levels', () => {
  it('orders eHerkenning levels and maps their URIs', () => {
    expect(levelSatisfies('loa3', 'loa2plus')).toBe(true);
    expect(levelSatisfies('loa2', 'loa2plus')).toBe(false);
    expect(levelFromUri('urn:etoegang:core:assurance-class:loa2plus')).toBe('loa2plus');
    expect(levelFromUri('urn:etoegang:core:assurance-class:loa9')).toBeUndefined();
  });
});

describe('GET /poort/api/config', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('tells the widget the environment, methods, level, brokers and technical information', async () => {
    const res = await t.app.request('/poort/api/config');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      environment: 'demo',
      methods: ['eherkenning', 'eidas', 'acmidm', 'email'],
      level: 'loa2plus',
      eherkenning: { entityId: 'urn:poort:demo:sp', serviceUuid: expect.any(String) },
    });
    expect(body.brokers).toHaveLength(demoSiteConfig.brokers.length);
    expect(body.brokers[0]).toEqual({ id: 'demo-noord', name: 'Demo Leverancier Noord', aliases: ['Noord', 'Makelaar Noord', 'Simulated broker (POST)'], levels: ['loa2', 'loa2plus', 'loa3', 'loa4'] });
    // Metadata locations and bindings are the BFF's business, not the browser's.
    expect(JSON.stringify(body)).not.toContain('dev:');
  });
});
