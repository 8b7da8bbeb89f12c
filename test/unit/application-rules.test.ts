// The pure rules of applications behind one Poort (issue 15): the access decision (single sign-on,
// step-up, refusal), the login demand both upstreams send, the level order per method, and the
// configuration checks. Properties with fast-check where a rule must hold for every input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { methodLevelSatisfies, methodLevels, strongerMethodLevel } from '../../contract/applications.js';
import { loginMethods, type LoginMethod } from '../../contract/login-methods.js';
import { roles } from '../../contract/roles.js';
import { decideAccess, type SessionFacts, type SiteLevels } from '../../bff/src/applications/access-policy.js';
import { applicationSchema, type ApplicationConfig } from '../../bff/src/applications/application-config.js';
import { applicationConfigProblem, applicationEntryPath, applicationForPath } from '../../bff/src/applications/application-rules.js';
import { loginDemand } from '../../bff/src/applications/login-demand.js';
import type { ApiError } from '../../bff/src/http/api-error.js';
import { parseSiteConfig } from '../../bff/src/site-config/load.js';

const names = (text: string) => ({ nl: text, 'nl-BE': text, en: text });
const app = (fields: Partial<Record<string, unknown>> = {}): ApplicationConfig =>
  applicationSchema.parse({ id: 'app-b', name: names('B'), returnToPrefixes: ['/b/'], levels: { eherkenning: 'loa3', acmidm: 'loa3' }, helpdesk: names('Bel 1700'), ...fields });
const site: SiteLevels = { methods: ['eherkenning', 'acmidm', 'email'], base: { eherkenning: 'loa2plus' } };
const session = (fields: Partial<SessionFacts> = {}): SessionFacts => ({
  method: 'eherkenning',
  level: 'loa3',
  userRole: 'user',
  organisationChoicePending: false,
  acting: null,
  capacity: null,
  ...fields,
});

describe('the access decision', () => {
  it('asks a person without a session to log in', () => {
    expect(decideAccess(app(), site, null)).toEqual({ outcome: 'login' });
  });

  it('opens the application for a session at its level or stronger, without asking again', () => {
    expect(decideAccess(app(), site, session({ level: 'loa3' }))).toEqual({ outcome: 'granted' });
    expect(decideAccess(app(), site, session({ level: 'loa4' }))).toEqual({ outcome: 'granted' });
    expect(decideAccess(app(), site, session({ method: 'acmidm', level: 'loa4' }))).toEqual({ outcome: 'granted' });
  });

  it('asks a step-up with the same method at the application\'s minimum when the level is lower', () => {
    expect(decideAccess(app(), site, session({ level: 'loa2plus' }))).toEqual({ outcome: 'step_up', method: 'eherkenning', level: 'loa3' });
    expect(decideAccess(app(), site, session({ method: 'acmidm', level: 'loa2plus' }))).toEqual({ outcome: 'step_up', method: 'acmidm', level: 'loa3' });
  });

  it('asks an eIDAS session that is too weak for a step-up of eIDAS itself, at the application\'s eIDAS minimum', () => {
    const withEidas = app({ levels: { eherkenning: 'loa3', eidas: 'loa4' } });
    const eidasSite: SiteLevels = { methods: ['eherkenning', 'eidas', 'email'], base: { eherkenning: 'loa2plus', eidas: 'loa3' } };
    expect(decideAccess(withEidas, eidasSite, session({ method: 'eidas', level: 'loa3' }))).toEqual({ outcome: 'step_up', method: 'eidas', level: 'loa4' });
    expect(decideAccess(withEidas, eidasSite, session({ method: 'eidas', level: 'loa4' }))).toEqual({ outcome: 'granted' });
    const ctx = { site: { applications: [withEidas], site: { returnToPrefixes: ['/'] } }, publicUrl: 'https://poort.example.nl', baseLevel: 'loa3', defaultReturnTo: '/' } as Parameters<typeof loginDemand>[2];
    expect(loginDemand('eidas', { app: 'app-b', returnTo: '/b/', forceAuthn: 'true' }, ctx)).toMatchObject({
      method: 'eidas',
      minimumLevel: 'loa4',
      forceAuthn: true,
    });
  });

  it('asks a login with the application\'s first method for a session of a method it does not take', () => {
    expect(decideAccess(app(), site, session({ method: 'email', level: null }))).toEqual({ outcome: 'step_up', method: 'eherkenning', level: 'loa3' });
  });

  it('never asks less than the site\'s own minimum for a method', () => {
    const weak = app({ levels: { eherkenning: 'loa2' } });
    expect(decideAccess(weak, site, session({ level: 'loa2' }))).toEqual({ outcome: 'step_up', method: 'eherkenning', level: 'loa2plus' });
  });

  it('treats a stored level that is not of the session\'s method as too low', () => {
    expect(decideAccess(app(), site, session({ level: 'substantial' }))).toMatchObject({ outcome: 'step_up' });
    expect(decideAccess(app(), site, session({ level: null }))).toMatchObject({ outcome: 'step_up' });
  });

  it('refuses without the membership, role or capacity, and asks the organisation first when it is still to choose', () => {
    const members = app({ requires: { membership: true } });
    expect(decideAccess(members, site, session())).toEqual({ outcome: 'refused', reason: 'membership_required' });
    expect(decideAccess(members, site, session({ organisationChoicePending: true }))).toEqual({ outcome: 'choose_organisation' });
    expect(decideAccess(members, site, session({ acting: { role: 'user', capacity: null } }))).toEqual({ outcome: 'granted' });
    const admins = app({ requires: { role: 'admin' } });
    expect(decideAccess(admins, site, session({ acting: { role: 'editor', capacity: null } }))).toEqual({ outcome: 'refused', reason: 'role_too_low' });
    expect(decideAccess(admins, site, session({ userRole: 'servicedesk' }))).toEqual({ outcome: 'granted' });
    const companies = app({ requires: { capacities: ['EA'] } });
    expect(decideAccess(companies, site, session({ capacity: 'BUR' }))).toEqual({ outcome: 'refused', reason: 'capacity_not_allowed' });
    expect(decideAccess(companies, site, session({ acting: { role: 'user', capacity: 'EA' } }))).toEqual({ outcome: 'granted' });
    // The capacity the login named wins over the membership's.
    expect(decideAccess(companies, site, session({ capacity: 'BUR', acting: { role: 'user', capacity: 'EA' } }))).toMatchObject({ outcome: 'refused' });
  });

  it('refuses when none of the application\'s methods is served, since no login could help', () => {
    expect(decideAccess(app({ levels: { acmidm: 'loa2' } }), { methods: ['eherkenning', 'email'], base: {} }, session())).toEqual({ outcome: 'refused', reason: 'method_not_offered' });
  });

  it('grants only sessions whose level meets the application\'s minimum for their method (property)', () => {
    const method = fc.constantFrom(...loginMethods);
    fc.assert(
      fc.property(method, fc.nat(3), fc.nat(3), fc.constantFrom(...roles), (m: LoginMethod, got, want, role) => {
        const order = methodLevels[m] as readonly string[];
        const required = order[Math.min(want, order.length - 1)]!;
        const achieved = order[Math.min(got, order.length - 1)]!;
        const decision = decideAccess(app({ levels: { [m]: required } }), { methods: [...loginMethods], base: {} }, session({ method: m, level: achieved, userRole: role }));
        expect(decision.outcome === 'granted').toBe(order.indexOf(achieved) >= order.indexOf(required));
        if (decision.outcome === 'step_up') expect(decision).toEqual({ outcome: 'step_up', method: m, level: required });
      }),
    );
  });
});

describe('levels per method', () => {
  it('orders each method\'s levels and never compares levels of different methods', () => {
    fc.assert(
      fc.property(fc.constantFrom(...loginMethods), fc.string(), fc.string(), (m, a, b) => {
        const order = methodLevels[m] as readonly string[];
        const known = (x: string) => order.includes(x);
        if (!known(a) || !known(b)) {
          if (m !== 'email') expect(methodLevelSatisfies(m, a, b)).toBe(false);
          return;
        }
        expect(methodLevelSatisfies(m, a, b)).toBe(order.indexOf(a) >= order.indexOf(b));
        expect(methodLevelSatisfies(m, strongerMethodLevel(m, a, b), a) && methodLevelSatisfies(m, strongerMethodLevel(m, a, b), b)).toBe(true);
      }),
    );
    expect(methodLevelSatisfies('eherkenning', 'high', 'loa2')).toBe(false);
    expect(methodLevelSatisfies('email', 'loa4', 'password')).toBe(false);
    expect(methodLevelSatisfies('email', null, 'password')).toBe(true);
  });
});

describe('the login demand of an upstream start', () => {
  const ctx = {
    site: { applications: [app(), app({ id: 'app-a', returnToPrefixes: ['/a/'], levels: { eherkenning: 'loa2plus', email: 'password' } })], site: { returnToPrefixes: ['/'], name: names('S') } },
    publicUrl: 'https://poort.example.nl',
    baseLevel: 'loa2plus',
    defaultReturnTo: '/',
  } as Parameters<typeof loginDemand>[2];
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (error) {
      return (error as ApiError).code;
    }
    return 'none';
  };

  it("asks the strongest of the site's, the application's and the page's minimum, ForceAuthn on a step-up", () => {
    expect(loginDemand('eherkenning', { app: 'app-b', returnTo: '/b/x' }, ctx)).toEqual({ method: 'eherkenning', minimumLevel: 'loa3', forceAuthn: false, application: 'app-b', returnTo: '/b/x' });
    expect(loginDemand('eherkenning', { app: 'app-a', level: 'loa4', forceAuthn: 'true' }, ctx)).toEqual({ method: 'eherkenning', minimumLevel: 'loa4', forceAuthn: true, application: 'app-a', returnTo: '/a/' });
    expect(loginDemand('eherkenning', { level: 'loa2' }, ctx).minimumLevel).toBe('loa2plus');
    expect(loginDemand('acmidm', { app: 'app-b', returnTo: '/b/' }, { ...ctx, baseLevel: 'loa2' }).minimumLevel).toBe('loa3');
    expect(loginDemand('eherkenning', { forceAuthn: 'false' }, ctx).forceAuthn).toBe(false);
  });

  it("refuses another application's return path, an unknown application, a method it does not take and a foreign level", () => {
    expect(code(() => loginDemand('eherkenning', { app: 'app-a', returnTo: '/b/' }, ctx))).toBe('invalid_return_to');
    expect(code(() => loginDemand('eherkenning', { app: 'app-a', returnTo: '/a/../b/' }, ctx))).toBe('invalid_return_to');
    expect(code(() => loginDemand('eherkenning', { app: 'nope' }, ctx))).toBe('unknown_application');
    expect(code(() => loginDemand('acmidm', { app: 'app-a' }, ctx))).toBe('method_not_offered');
    expect(code(() => loginDemand('eherkenning', { level: 'substantial' }, ctx))).toBe('invalid_request');
    expect(code(() => loginDemand('eherkenning', { forceAuthn: 'yes please' }, ctx))).toBe('invalid_request');
  });
});

describe('applications in the configuration', () => {
  const base = { id: 'a', name: names('A'), returnToPrefixes: ['/a/'], levels: { eherkenning: 'loa3' }, helpdesk: names('Bel 1700') };
  const parse = (applications: unknown[], more: Record<string, unknown> = {}) => () => parseSiteConfig({ applications, ...more }, 'poort.config.json');

  it('names the field at fault', () => {
    expect(parse([{ ...base, levels: { eherkenning: 'high' } }])).toThrow(/applications\[0\]\.levels\.eherkenning/);
    expect(parse([{ ...base, levels: {} }])).toThrow(/applications\[0\]\.levels: name at least one login method/);
    expect(parse([{ ...base, id: 'A B' }])).toThrow(/applications\[0\]\.id/);
    expect(parse([{ ...base, helpdesk: { nl: 'x' } }])).toThrow(/applications\[0\]\.helpdesk/);
    expect(parse([{ ...base, returnToPrefixes: ['//evil.example/'] }])).toThrow(/applications\[0\]\.returnToPrefixes\[0\]/);
    expect(parse([{ ...base, requires: { capacity: 'EA' } }])).toThrow(/applications\[0\]\.requires/);
  });

  it('refuses two applications with one id or one path, a path outside the site and an application no site method opens', () => {
    expect(parse([base, { ...base, returnToPrefixes: ['/b/'] }])).toThrow(/id "a" appears twice/);
    expect(parse([base, { ...base, id: 'b', returnToPrefixes: ['/a/sub/'] }])).toThrow(/applications\[0\]\.returnToPrefixes: "\/a\/" overlaps "\/a\/sub\/" of application "b"/);
    expect(parse([base], { site: { returnToPrefixes: ['/mijn/'] } })).toThrow(/"\/a\/" is not under one of site\.returnToPrefixes/);
    expect(parse([{ ...base, levels: { acmidm: 'loa2' } }], { methods: ['eherkenning', 'email'] })).toThrow(/names none of the site's methods/);
    expect(parse([base])).not.toThrow();
  });

  it('finds the application of a return path and sends a finished login through its entry route', () => {
    const apps = [app({ id: 'a', returnToPrefixes: ['/a/'] }), app({ id: 'b', returnToPrefixes: ['/b'] })];
    expect(applicationForPath(apps, '/a/x?y=1')?.id).toBe('a');
    expect(applicationForPath(apps, '/bb')).toBeUndefined();
    expect(applicationForPath(apps, '/b')?.id).toBe('b');
    expect(applicationEntryPath(apps, '/a/x?y=1', 'nl-BE')).toBe('/poort/auth/app/a?returnTo=%2Fa%2Fx%3Fy%3D1&lang=nl-BE');
    expect(applicationEntryPath(apps, '/elders/', 'nl')).toBe('/elders/');
    expect(applicationConfigProblem(apps, { returnToPrefixes: ['/'], methods: ['eherkenning'] })).toBeUndefined();
  });
});
