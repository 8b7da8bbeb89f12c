// A person logged in well enough but without an application's rights (issue 15): a refusal with that
// application's helpdesk text, as a page in their language where the browser navigates and as JSON
// for the page's own check; never a login loop. Capacities ("hoedanigheid") and roles decide too.
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationRefusal, SessionView } from '../../contract/api-schemas.js';
import { auditEvents, memberships } from '../../db/schema.js';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import { GOOD_PASSWORD, cookieFrom, makeOrganisation, makeUser, post } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { bindingCookieFor, brokerResponse, cookieOf, postToAcs, startLogin } from '../saml/flow.js';

const helpdesk = { nl: 'Vraag toegang aan bij de beheerder: 012 345 67 89.', 'nl-BE': 'Vraag toegang aan bij uw lokale beheerder: 02 345 67 89.', en: 'Ask your administrator for access: +31 12 345 67 89.' };
const name = (text: string) => ({ nl: text, 'nl-BE': text, en: text });

let t: TestApp;
let org: { id: string };
beforeAll(async () => {
  t = await createTestApp({
    site: {
      brokers: demoSiteConfig.brokers,
      applications: [
        { id: 'leden', name: name('Ledenportaal'), returnToPrefixes: ['/leden/'], levels: { eherkenning: 'loa2plus', email: 'password' }, requires: { membership: true }, attributes: ['organisation'], helpdesk },
        { id: 'beheer-app', name: name('Beheertoepassing'), returnToPrefixes: ['/beheer-app/'], levels: { email: 'password' }, requires: { role: 'editor' }, helpdesk },
        { id: 'ondernemers', name: name('Ondernemers'), returnToPrefixes: ['/ondernemers/'], levels: { email: 'password' }, requires: { capacities: ['EA'] }, attributes: ['organisation'], helpdesk },
      ],
    },
  });
  org = await makeOrganisation(t, ['voorbeeld.example.nl'], 'Gemeente Voorbeeld');
  const ea = await makeUser(t, 'ondernemer@voorbeeld.example.nl', { organisationId: org.id });
  await t.db.db.update(memberships).set({ capacity: 'EA' }).where(eq(memberships.userId, ea.id));
  const bur = await makeUser(t, 'burger@voorbeeld.example.nl', { organisationId: org.id });
  await t.db.db.update(memberships).set({ capacity: 'BUR' }).where(eq(memberships.userId, bur.id));
  await makeUser(t, 'redacteur@voorbeeld.example.nl', { role: 'editor' });
});
afterAll(() => t.close());

async function passwordLogin(email: string): Promise<string> {
  const res = await post(t, '/poort/api/login', { email, password: GOOD_PASSWORD });
  expect(res.status).toBe(200);
  return cookieFrom(res);
}

async function sessionFor(app: string, cookie: string, lang = 'en') {
  const res = await t.app.request(`/poort/api/session?app=${app}`, { headers: { cookie, 'accept-language': lang } });
  return { status: res.status, body: (await res.json()) as SessionView & ApplicationRefusal };
}

describe('a person without the rights', () => {
  it('gets, after an eHerkenning login for the application, a page with its helpdesk text in their language instead of a way back into the login', async () => {
    const started = await startLogin(t, 'demo-noord', '/leden/start', 'nl-BE', { app: 'leden' });
    const { xml, relayState } = await brokerResponse(t, started, 'person:jan');
    const acs = await postToAcs(t, xml, relayState, { cookie: bindingCookieFor(relayState) ?? null });
    expect(acs.status).toBe(303);
    const cookie = cookieOf(acs)!;
    const entry = acs.headers.get('location')!;
    expect(entry).toBe('/poort/auth/app/leden?returnTo=%2Fleden%2Fstart&lang=nl-BE');
    const page = await t.app.request(entry, { headers: { cookie, accept: 'text/html' } });
    expect(page.status).toBe(403);
    expect(page.headers.get('location')).toBeNull();
    const html = await page.text();
    expect(html).toContain('<html lang="nl-BE">');
    expect(html).toContain('Geen toegang tot Ledenportaal');
    expect(html).toContain(helpdesk['nl-BE']);
    expect(html).not.toContain('/poort/auth/eherkenning/start');
    const [audit] = await t.db.db.select().from(auditEvents).where(eq(auditEvents.type, 'application_entered')).orderBy(desc(auditEvents.id)).limit(1);
    expect(audit).toMatchObject({ outcome: 'failure', reason: 'membership_required', application: 'leden' });

    // The page's own check says the same, with the helpdesk text for its widget.
    const check = await sessionFor('leden', cookie);
    expect(check.status).toBe(403);
    expect(check.body.error.code).toBe('application_forbidden');
    expect(check.body.application.helpdesk).toEqual(helpdesk);
    expect(check.body).not.toHaveProperty('stepUp');
  });

  it('refuses a role below the one the application needs, and opens it for a person with that role', async () => {
    const user = await passwordLogin('ondernemer@voorbeeld.example.nl');
    expect((await sessionFor('beheer-app', user)).body.error.code).toBe('application_forbidden');
    const editor = await passwordLogin('redacteur@voorbeeld.example.nl');
    expect((await sessionFor('beheer-app', editor)).status).toBe(200);
  });

  it('opens an application for a fitting capacity only', async () => {
    const ea = await sessionFor('ondernemers', await passwordLogin('ondernemer@voorbeeld.example.nl'));
    expect(ea.status).toBe(200);
    expect(ea.body.actingFor).toMatchObject({ id: org.id, capacity: 'EA' });
    const bur = await sessionFor('ondernemers', await passwordLogin('burger@voorbeeld.example.nl'), 'nl-BE');
    expect(bur.status).toBe(403);
    expect(bur.body.error.message).toBe('U hebt geen toegang tot deze toepassing.');
    const refused = await t.db.db.select().from(auditEvents).where(and(eq(auditEvents.type, 'application_entered'), eq(auditEvents.reason, 'capacity_not_allowed')));
    // The page's own check is a read: only the browser's entry route writes to the audit log.
    expect(refused).toHaveLength(0);
  });
});
