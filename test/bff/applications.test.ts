// Applications behind one Poort (issue 15, parts 1 and 2), on the demo configuration's three
// applications and through the simulated broker's real signed answers (xml-crypto): a login for
// application A opens the Dutch "loket" without asking again (single sign-on); application B needs
// level 3, so the session asks for a step-up, which is a new login with ForceAuthn and the stronger
// minimum; an answer below it is refused and the earlier session stays; each application sees only
// its own attributes; a return path of another application is refused; logging out ends the
// session for every application and says so on a page.
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationRefusal, PublicConfig, SessionView } from '../../contract/api-schemas.js';
import { auditEvents, samlRequests } from '../../db/schema.js';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import { GOOD_PASSWORD, cookieFrom, errorCode, makeUser, post } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { rowCounts } from '../support/row-counts.js';
import { bindingCookieFor, brokerResponse, cookieOf, postToAcs, startLogin } from '../saml/flow.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await makeUser(t, 'medewerker@voorbeeld.example.nl');
});
afterAll(() => t.close());

const json = { accept: 'application/json' };
const get = (path: string, cookie?: string, headers: Record<string, string> = {}) => t.app.request(path, { headers: { ...headers, ...(cookie ? { cookie } : {}) } });

/** Logs in through the simulated POST broker for an application; returns the ACS answer and the new cookie. */
async function loginFor(app: string, returnTo: string, options: { cookie?: string; forceAuthn?: boolean; answerLevel?: string; lang?: string } = {}) {
  const started = await startLogin(t, 'demo-noord', returnTo, options.lang, { app, ...(options.forceAuthn ? { forceAuthn: 'true' } : {}) });
  expect(started.status).toBe(200);
  const { xml, relayState } = await brokerResponse(t, started, 'person:jan', options.answerLevel ? { level: options.answerLevel } : {});
  const binding = bindingCookieFor(relayState);
  const res = await postToAcs(t, xml, relayState, { cookie: [binding, options.cookie].filter(Boolean).join('; ') || null });
  return { started, res, cookie: cookieOf(res) };
}

async function sessionFor(app: string, cookie?: string) {
  const res = await get(`/poort/api/session?app=${app}`, cookie, json);
  return { status: res.status, body: (await res.json()) as SessionView & ApplicationRefusal };
}

describe('applications in the configuration', () => {
  it('lists each application for the widget with its methods at their effective minimum and its helpdesk text', async () => {
    const config = (await (await get('/poort/api/config')).json()) as PublicConfig;
    expect(config.applications?.map((a) => a.id)).toEqual(['app-a', 'app-b', 'loket']);
    const [a, b, loket] = config.applications!;
    // ACM/IDM at the stronger of the application's minimum and the site's (`acmidm.level`, loa3 in the demo).
    expect(a!.levels).toEqual({ eherkenning: 'loa2plus', acmidm: 'loa3', email: 'password' });
    expect(b!.levels).toEqual({ eherkenning: 'loa3', acmidm: 'loa4' });
    expect(loket!.levels).toEqual({ eherkenning: 'loa2plus', eidas: 'loa3', acmidm: 'loa3', email: 'password' });
    expect(b!.helpdesk['nl-BE']).toMatch(/lokale beheerder/);
  });

  it('refuses an unknown application at the session check and at the login start', async () => {
    expect((await sessionFor('bestaat-niet')).status).toBe(404);
    const res = await get('/poort/auth/eherkenning/start?broker=demo-noord&app=bestaat-niet', undefined, json);
    expect(res.status).toBe(404);
    expect(await errorCode(res)).toBe('unknown_application');
  });
});

describe('a login for an application', () => {
  it('asks the broker for the application\'s minimum and ends at its entry route, which opens it', async () => {
    const { started, res, cookie } = await loginFor('app-b', '/vl/app-b/', { lang: 'nl-BE' });
    expect(started.requestXml).toContain('urn:etoegang:core:assurance-class:loa3');
    expect(started.requestXml).toContain('ForceAuthn="true"');
    const [stored] = await t.db.db.select().from(samlRequests).where(eq(samlRequests.relayState, started.relayState));
    expect(stored!.level).toBe('loa3');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/poort/auth/app/app-b?returnTo=%2Fvl%2Fapp-b%2F&lang=nl-BE');
    const entry = await get(res.headers.get('location')!, cookie);
    expect(entry.status).toBe(303);
    expect(entry.headers.get('location')).toBe('/vl/app-b/');
    const [audit] = await t.db.db.select().from(auditEvents).where(eq(auditEvents.type, 'login')).orderBy(desc(auditEvents.id)).limit(1);
    expect(audit).toMatchObject({ outcome: 'success', application: 'app-b', level: 'loa3' });
  });

  it('refuses a return path of another application at the start and at the entry route, storing nothing', async () => {
    const before = await rowCounts(t.db.db);
    const start = await get('/poort/auth/eherkenning/start?broker=demo-noord&app=app-a&returnTo=%2Fvl%2Fapp-b%2F', undefined, json);
    expect(start.status).toBe(400);
    expect(await errorCode(start)).toBe('invalid_return_to');
    const page = await get('/poort/auth/app/app-a?returnTo=%2Fvl%2Fapp-b%2F', undefined, { accept: 'text/html', 'accept-language': 'nl-BE' });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('hoort niet bij deze website');
    expect(await rowCounts(t.db.db)).toEqual(before);
  });

  it('refuses a level that is not an eHerkenning level, and a method the application does not take', async () => {
    const level = await get('/poort/auth/eherkenning/start?broker=demo-noord&app=app-a&level=substantial', undefined, json);
    expect(level.status).toBe(400);
    expect(((await level.json()) as { error: { fields: string[] } }).error.fields).toEqual(['level']);
    // Another configuration on the same database (no second database to open).
    const only = await createTestApp({ site: { brokers: demoSiteConfig.brokers, applications: [{ id: 'alleen-mail', name: names('Alleen e-mail'), returnToPrefixes: ['/mail/'], levels: { email: 'password' }, helpdesk: names('Bel 1700') }] } }, t.db);
    const res = await only.app.request('/poort/auth/eherkenning/start?broker=demo-noord&app=alleen-mail', { headers: json });
    expect(res.status).toBe(400);
    expect(await errorCode(res)).toBe('method_not_offered');
  });
});

describe('single sign-on and step-up', () => {
  it('opens a second application without a new login, asks a step-up for the stronger one, and carries the higher level after it', async () => {
    const first = await loginFor('app-a', '/vl/app-a/');
    const cookie = first.cookie!;
    const a = await sessionFor('app-a', cookie);
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ method: 'eherkenning', level: 'loa2plus' });

    // The Dutch loket takes the same level: not asked again.
    const loket = await sessionFor('loket', cookie);
    expect(loket.status).toBe(200);
    const entry = await get('/poort/auth/app/loket?returnTo=%2Floket%2F', cookie);
    expect(entry.headers.get('location')).toBe('/loket/');

    // B needs level 3: a step-up, with the method the person used.
    const b = await sessionFor('app-b', cookie);
    expect(b.status).toBe(401);
    expect(b.body.error.code).toBe('step_up_required');
    expect(b.body.stepUp).toEqual({ method: 'eherkenning', level: 'loa3' });
    expect(b.body.application.id).toBe('app-b');

    const stepped = await loginFor('app-b', '/vl/app-b/', { cookie, forceAuthn: true });
    expect(stepped.started.requestXml).toContain('ForceAuthn="true"');
    expect(stepped.started.requestXml).toContain('assurance-class:loa3');
    const higher = stepped.cookie!;
    expect((await sessionFor('app-b', higher)).body).toMatchObject({ level: 'loa3' });
    // Still the same person, and application A opens at the higher level too.
    expect((await sessionFor('app-a', higher)).body.user.id).toBe(a.body.user.id);
    // The step-up replaced the session: the old cookie opens nothing.
    expect((await sessionFor('app-a', cookie)).status).toBe(401);
  });

  it('refuses a step-up answer below the stronger minimum (level downgrade) and keeps the earlier session', async () => {
    const { cookie } = await loginFor('app-a', '/vl/app-a/');
    const before = await rowCounts(t.db.db);
    const refused = await loginFor('app-b', '/vl/app-b/', { cookie: cookie!, forceAuthn: true, answerLevel: 'loa2plus' });
    expect(refused.res.status).toBe(303);
    expect(refused.res.headers.get('location')).toBe('/vl/app-b/?poort-error=level_too_low');
    expect(refused.cookie?.startsWith('poort_session=')).toBeFalsy();
    const [audit] = await t.db.db.select().from(auditEvents).where(and(eq(auditEvents.type, 'login'), eq(auditEvents.outcome, 'failure'))).orderBy(desc(auditEvents.id)).limit(1);
    expect(audit).toMatchObject({ reason: 'level_below_requested', application: 'app-b' });
    // The earlier session opens A as before, and still asks a step-up for B.
    expect((await sessionFor('app-a', cookie)).status).toBe(200);
    expect((await sessionFor('app-b', cookie)).body.error.code).toBe('step_up_required');
    expect((await rowCounts(t.db.db)).sessions).toBe(before.sessions);
  });

  it('asks someone logged in with e-mail to log in with eHerkenning for an application that takes no e-mail', async () => {
    const login = await post(t, '/poort/api/login', { email: 'medewerker@voorbeeld.example.nl', password: GOOD_PASSWORD });
    expect(login.status).toBe(200);
    const cookie = cookieFrom(login);
    expect((await sessionFor('app-a', cookie)).status).toBe(200);
    const b = await sessionFor('app-b', cookie);
    expect(b.status).toBe(401);
    expect(b.body.stepUp).toEqual({ method: 'eherkenning', level: 'loa3' });
  });
});

describe('need-to-know attributes', () => {
  it('shows each application only the attributes it lists', async () => {
    const { cookie } = await loginFor('app-a', '/vl/app-a/');
    const whole = (await (await get('/poort/api/session', cookie)).json()) as SessionView;
    expect(whole.attributes).toMatchObject({ broker: 'demo-noord', kvk: '90001234' });
    const a = (await sessionFor('app-a', cookie)).body;
    expect(Object.keys(a.attributes).sort()).toEqual(['companyName', 'kvk']);
    const loket = (await sessionFor('loket', cookie)).body;
    expect(loket.attributes).not.toHaveProperty('broker');
    expect(loket.actingFor).toBeNull();
  });

  it('hides the address and name from an application that does not list them', async () => {
    const login = await post(t, '/poort/api/login', { email: 'medewerker@voorbeeld.example.nl', password: GOOD_PASSWORD });
    const cookie = cookieFrom(login);
    expect((await sessionFor('app-a', cookie)).body.user.email).toBe('medewerker@voorbeeld.example.nl');
    const restricted = await createTestApp({ site: { applications: [{ id: 'zonder-adres', name: names('Zonder adres'), returnToPrefixes: ['/z/'], levels: { email: 'password' }, attributes: ['kvk'], helpdesk: names('Bel 1700') }] } }, t.db);
    const res = await restricted.app.request('/poort/api/session?app=zonder-adres', { headers: { cookie } });
    const body = (await res.json()) as SessionView;
    expect(body.user.email).toBeNull();
    expect(body.user.displayName).toBeNull();
  });
});

describe('logging out', () => {
  it('ends the session for every application and says so on a page in the person\'s language', async () => {
    const { cookie } = await loginFor('app-a', '/vl/app-a/');
    const res = await t.app.request('/poort/auth/logout', {
      method: 'POST',
      headers: { cookie: cookie!, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      body: new URLSearchParams({ returnTo: '/vl/app-a/', lang: 'nl-BE' }).toString(),
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="nl-BE">');
    expect(html).toContain('U bent afgemeld bij alle toepassingen');
    for (const name of ['Subsidieloket (toepassing A)', 'Vergunningen (toepassing B)', 'Ondernemersloket']) expect(html).toContain(`<li>${name}</li>`);
    expect(html).toContain('href="/vl/app-a/"');
    for (const app of ['app-a', 'app-b', 'loket']) expect((await sessionFor(app, cookie)).body.error.code).toBe('unauthenticated');
    const [audit] = await t.db.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(audit).toMatchObject({ type: 'logout', outcome: 'success' });
  });

  it('refuses a logout posted from another site, in what every kind of browser says, and keeps the session', async () => {
    const { cookie } = await loginFor('app-a', '/vl/app-a/');
    const senders: Array<Record<string, string>> = [{ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }, { 'sec-fetch-site': 'same-site' }, { origin: 'https://evil.example' }, { origin: 'null' }];
    for (const from of senders) {
      const res = await t.app.request('/poort/auth/logout', {
        method: 'POST',
        headers: { cookie: cookie!, accept: 'text/html', 'accept-language': 'nl', 'content-type': 'application/x-www-form-urlencoded', ...from },
        body: 'returnTo=%2F',
      });
      expect(res.status).toBe(403);
      // A page in the person's language, not JSON.
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
    }
    expect((await sessionFor('app-a', cookie)).status).toBe(200);
  });

  it('refuses a body over the API limit with 413 before reading it, as a page, and keeps the session', async () => {
    const { cookie } = await loginFor('app-a', '/vl/app-a/');
    const res = await t.app.request('/poort/auth/logout', {
      method: 'POST',
      headers: { cookie: cookie!, accept: 'text/html', 'accept-language': 'en', 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      body: `returnTo=%2F&padding=${'x'.repeat(200 * 1024)}`,
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).not.toMatch(/at .*\.ts:\d+/);
    expect((await sessionFor('app-a', cookie)).status).toBe(200);
  });
});

function names(text: string) {
  return { nl: text, 'nl-BE': text, en: text };
}
