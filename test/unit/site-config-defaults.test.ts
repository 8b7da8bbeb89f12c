// The site configuration fills its own defaults (zod `.prefault`): a section left out is parsed as
// an empty one, so each default is written once, beside its field, and the demo configuration
// states only what differs from them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import { parseSiteConfig } from '../../bff/src/site-config/load.js';
import { siteConfigSchema } from '../../bff/src/site-config/schema.js';
import { servedMethods } from '../../contract/login-methods.js';

const demoService = {
  entityId: 'urn:poort:demo:sp',
  serviceId: 'urn:etoegang:DV:00000001234567890000:services:1',
  serviceUuid: '8f1bd2c6-2ad6-4ac8-9a5f-e6d1b3c2a001',
  serviceName: { nl: 'Voorbeeldportaal', 'nl-BE': 'Voorbeeldtoepassing', en: 'Example portal' },
};

describe('site configuration defaults', () => {
  it('fills an empty file with the documented defaults', () => {
    expect(siteConfigSchema.parse({})).toEqual({
      environment: 'demo',
      site: { name: demoService.serviceName, returnToPrefixes: ['/'] },
      methods: [...servedMethods],
      eherkenning: {
        ...demoService,
        level: 'loa2plus',
        roleLevels: { admin: 'loa2plus' },
        attributeConsumingServiceIndex: 1,
        routing: 'per-broker',
        unknownIdentity: 'create',
        membershipFromAnswer: 'find',
        clockSkewSeconds: 60,
        requestLifetimeMinutes: 15,
        metadataRefreshHours: 24,
      },
      brokers: [],
      applications: [],
      linking: { pendingMinutes: 30, activationCodeDays: 30, passwordResetTo: 'account' },
      sessions: { idleMinutes: 30, absoluteHours: 8 },
      audit: { keepDays: 730, keepDaysByType: {} },
      localAccounts: { maxFailedLogins: 5, lockoutNoticeAfter: 2, loginAttemptsPerClient: 50, loginWindowMinutes: 15, adminsMustUseEherkenning: true, accountPage: '/account/', passwordLoginScope: 'everyone' },
    });
  });

  it('reads a section left out exactly as the same section given empty (property)', () => {
    const empty = { site: {}, sessions: {}, localAccounts: {}, linking: {}, audit: {}, eherkenning: demoService };
    fc.assert(
      fc.property(fc.subarray(Object.keys(empty) as (keyof typeof empty)[]), (given) => {
        const partial = Object.fromEntries(given.map((key) => [key, empty[key]]));
        expect(siteConfigSchema.parse(partial)).toEqual(siteConfigSchema.parse(empty));
      }),
    );
  });

  it('fills the rest of a section that is given in part', () => {
    const parsed = siteConfigSchema.parse({ localAccounts: { maxFailedLogins: 3 }, site: { returnToPrefixes: ['/mijn/'] } });
    expect(parsed.localAccounts).toMatchObject({ maxFailedLogins: 3, lockoutNoticeAfter: 2, accountPage: '/account/' });
    expect(parsed.site).toEqual({ name: demoService.serviceName, returnToPrefixes: ['/mijn/'] });
  });

  it('still checks what a prefault puts in: a section given empty where required fields have no default is refused', () => {
    expect(() => parseSiteConfig({ eherkenning: {} }, 'test')).toThrow(/eherkenning\.entityId/);
    expect(() => parseSiteConfig({ site: { name: { nl: 'Portaal', en: 'Portal' } } }, 'test')).toThrow(/site\.name\.nl-BE/);
  });

  it('the built-in demo configuration is the defaults plus its helpdesk, its eIDAS service, its service catalogue entry, simulated brokers, simulated ACM/IDM IdP and demo applications', () => {
    const demo = parseSiteConfig(demoSiteConfig, 'built-in demo configuration');
    const {
      brokers,
      site,
      acmidm,
      applications,
      eherkenning: { eidas, catalogue, ...eherkenning },
      ...rest
    } = demo;
    expect(acmidm).toMatchObject({ metadata: 'dev:vlaanderen', level: 'loa3', membershipFromAnswer: 'create' });
    const { brokers: _none, site: defaultSite, applications: defaultApplications, eherkenning: defaultEherkenning, ...defaults } = siteConfigSchema.parse({});
    expect(defaultApplications).toEqual([]);
    expect(applications.map((a) => a.id)).toEqual(['app-a', 'app-b', 'loket']);
    expect(rest).toEqual(defaults);
    expect(eherkenning).toEqual(defaultEherkenning);
    expect(eidas).toEqual({ ...demoSiteConfig.eherkenning.eidas, attributeConsumingServiceIndex: 2, level: 'loa3' });
    expect(catalogue).toEqual({ ...demoSiteConfig.eherkenning.catalogue, additionalBrokerOins: [], sequence: 1 });
    expect(site).toEqual({ ...defaultSite, helpdesk: demoSiteConfig.site.helpdesk });
    expect(brokers.map((b) => b.id)).toEqual(['demo-noord', 'demo-zuid', 'demo-eenvoud']);
  });
});
