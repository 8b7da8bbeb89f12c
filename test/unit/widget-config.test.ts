import { describe, expect, it } from 'vitest';
import { publicConfig } from '../../bff/src/site-config/routes.js';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import { parseSiteConfig } from '../../bff/src/site-config/load.js';
import { looksLikeConfig } from '../../widget/src/config.js';

describe('the widget’s check of /api/config', () => {
  const real = publicConfig(parseSiteConfig(demoSiteConfig, 'test'));

  it('accepts what the BFF sends', () => {
    expect(looksLikeConfig(JSON.parse(JSON.stringify(real)))).toBe(true);
  });

  it.each([
    ['nothing', null],
    ['a proxy error page parsed as a string', 'Bad gateway'],
    ['a partial object', { environment: 'demo' }],
    ['an unknown level', { ...real, level: 'loa9' }],
    ['brokers that are not a list', { ...real, brokers: {} }],
  ])('refuses %s', (_, value) => {
    expect(looksLikeConfig(value)).toBe(false);
  });
});
