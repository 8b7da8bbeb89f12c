// The whole life of a local account, with mails delivered to a real SMTP server and their links
// followed: invitation → first password → login → forgot → reset → unblock → disable.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, outbox, sessions, users } from '../../db/schema.js';
import { sendPendingMail } from '../../bff/src/mail/outbox-sender.js';
import { GOOD_PASSWORD, cookieFrom, errorCode, makeOrganisation, makeUser, post, sessionCookie } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { linkIn, startSmtp, type TestSmtp } from '../support/smtp.js';

let t: TestApp;
let smtp: TestSmtp;
let adminCookie: string;
let serviceDeskCookie: string;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  smtp = await startSmtp();
  orgId = (await makeOrganisation(t, ['gemeente.example.nl'])).id;
  const admin = await makeUser(t, 'beheer@gemeente.example.nl', { role: 'admin', organisationId: orgId });
  adminCookie = await sessionCookie(t, admin.id);
  const desk = await makeUser(t, 'helpdesk@poort.example.nl', { role: 'servicedesk', organisationId: (await makeOrganisation(t, ['poort.example.nl'], 'Poort beheer')).id });
  serviceDeskCookie = await sessionCookie(t, desk.id);
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

async function deliver() {
  const before = smtp.mails.length;
  await sendPendingMail(t.db.db, smtp.transport);
  return smtp.mails.slice(before);
}

const NEW_PASSWORD = 'Lente in de polder 2026!';

describe('admin routes', () => {
  it('the service desk creates an organisation and its first admin; that admin lists, creates and re-invites', async () => {
    const org = await post(t, '/poort/api/admin/organisations', { name: 'Provincie Voorbeeld', emailDomains: ['Provincie.example.be', '@prov.example.be', 'Bücherei.example.be.'] }, { cookie: serviceDeskCookie });
    expect(org.status).toBe(201);
    const { id, emailDomains } = await org.json();
    expect(emailDomains).toEqual(['provincie.example.be', 'prov.example.be', 'xn--bcherei-n2a.example.be']);
    const [orgEvent] = await t.db.db.select().from(auditEvents).where(eq(auditEvents.type, 'organisation_created'));
    expect(orgEvent).toMatchObject({ organisationId: id, outcome: 'success', actorId: expect.any(String) });

    const firstAdmin = await post(t, '/poort/api/admin/users', { email: 'beheer@prov.example.be', organisationId: id, role: 'admin' }, { cookie: serviceDeskCookie });
    expect(firstAdmin.status).toBe(201);
    const provinceAdmin = await sessionCookie(t, (await firstAdmin.json()).user.id);
    await deliver();

    const created = await post(t, '/poort/api/admin/users', { email: 'an@prov.example.be', organisationId: id, role: 'editor' }, { cookie: provinceAdmin });
    expect(created.status).toBe(201);
    const { user } = await created.json();
    const [first] = await deliver();
    const again = await post(t, `/poort/api/admin/users/${user.id}/invite`, '', { cookie: provinceAdmin });
    expect(again.status).toBe(200);
    const [second] = await deliver();
    const oldToken = linkIn(first!).searchParams.get('poort-invitation');
    expect(await errorCode(await post(t, '/poort/api/invitation/accept', { token: oldToken, password: GOOD_PASSWORD }))).toBe('token_used');
    expect(linkIn(second!).searchParams.get('poort-invitation')).not.toBe(oldToken);

    const list = await t.app.request('/poort/api/admin/users', { headers: { cookie: provinceAdmin } });
    expect(list.status).toBe(200);
    const { users: listed } = await list.json();
    expect(listed.map((u: { email: string }) => u.email)).toEqual(['an@prov.example.be', 'beheer@prov.example.be']);
    expect(listed).toContainEqual(expect.objectContaining({ email: 'an@prov.example.be', role: 'editor', status: 'invited', organisations: ['Provincie Voorbeeld'] }));
    const events = await t.db.db.select().from(auditEvents).where(eq(auditEvents.userId, user.id));
    expect(events.filter((e) => e.type === 'invitation_sent').every((e) => e.actorId !== null)).toBe(true);
  });
});

describe('a local account from invitation to disable', () => {
  let userId: string;

  it('is created by an admin in an allowed domain, and the invitation link sets the first password', async () => {
    const res = await post(t, '/poort/api/admin/users', { email: 'Sanne.Jansen@Gemeente.Example.nl', displayName: 'Sanne Jansen', organisationId: orgId, locale: 'nl-BE' }, { cookie: adminCookie });
    expect(res.status).toBe(201);
    const { user } = await res.json();
    userId = user.id;
    expect(user.email).toBe('sanne.jansen@gemeente.example.nl');

    const [mail] = await deliver();
    expect(mail!.to).toMatchObject({ text: 'sanne.jansen@gemeente.example.nl' });
    expect(mail!.subject).toBe('Uw account voor Voorbeeldtoepassing');
    expect(mail!.text).toContain('Goeiedag');
    const link = linkIn(mail!);
    expect(`${link.origin}${link.pathname}`).toBe('http://localhost:8080/account/');
    const token = link.searchParams.get('poort-invitation')!;

    // Not usable for login before the password is chosen.
    expect((await post(t, '/poort/api/login', { email: 'sanne.jansen@gemeente.example.nl', password: GOOD_PASSWORD })).status).toBe(401);

    const weak = await post(t, '/poort/api/invitation/accept', { token, password: 'Welkom2026!!' });
    expect(weak.status).toBe(422);
    expect(await errorCode(weak)).toBe('password_too_common');
    const accepted = await post(t, '/poort/api/invitation/accept', { token, password: GOOD_PASSWORD });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ email: 'sanne.jansen@gemeente.example.nl' });

    const again = await post(t, '/poort/api/invitation/accept', { token, password: GOOD_PASSWORD });
    expect(again.status).toBe(410);
    expect(await errorCode(again)).toBe('token_used');
  });

  it('logs in with a new session cookie, sees the session, and logs out', async () => {
    const res = await post(t, '/poort/api/login', { email: 'SANNE.JANSEN@gemeente.example.nl', password: GOOD_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/^poort_session=[\w-]{43}; .*HttpOnly.*SameSite=Lax/);
    const body = await res.json();
    expect(body).toMatchObject({ user: { id: userId, email: 'sanne.jansen@gemeente.example.nl', role: 'user' }, method: 'email' });
    const cookie = cookieFrom(res);
    expect((await t.app.request('/poort/api/session', { headers: { cookie } })).status).toBe(200);
    expect((await post(t, '/poort/api/logout', '', { cookie })).status).toBe(204);
    expect((await t.app.request('/poort/api/session', { headers: { cookie } })).status).toBe(401);
    const types = (await t.db.db.select().from(auditEvents).where(eq(auditEvents.userId, userId))).map((e) => `${e.type}:${e.outcome}`);
    expect(types).toEqual(expect.arrayContaining(['account_created:success', 'invitation_sent:success', 'invitation_accepted:success', 'login:success', 'login:failure', 'logout:success']));
  });

  it('replaces a session cookie the browser already had (no fixation)', async () => {
    const first = cookieFrom(await post(t, '/poort/api/login', { email: 'sanne.jansen@gemeente.example.nl', password: GOOD_PASSWORD }));
    const second = await post(t, '/poort/api/login', { email: 'sanne.jansen@gemeente.example.nl', password: GOOD_PASSWORD }, { cookie: first });
    expect(cookieFrom(second)).not.toBe(first);
    expect((await t.app.request('/poort/api/session', { headers: { cookie: first } })).status).toBe(401);
  });

  it('forgot password mails a 30-minute link; the reset ends every session and tells the person', async () => {
    const cookie = cookieFrom(await post(t, '/poort/api/login', { email: 'sanne.jansen@gemeente.example.nl', password: GOOD_PASSWORD }));
    const forgot = await post(t, '/poort/api/password/forgot', { email: 'sanne.jansen@gemeente.example.nl' });
    expect(forgot.status).toBe(202);
    expect(await forgot.json()).toEqual({ status: 'accepted' });
    const [mail] = await deliver();
    expect(mail!.text).toContain('30 minuten');
    const token = linkIn(mail!).searchParams.get('poort-reset')!;

    const reset = await post(t, '/poort/api/password/reset', { token, password: NEW_PASSWORD });
    expect(reset.status).toBe(200);
    expect(await t.db.db.select().from(sessions).where(eq(sessions.userId, userId))).toEqual([]);
    expect((await t.app.request('/poort/api/session', { headers: { cookie } })).status).toBe(401);
    const [changed] = await deliver();
    expect(changed!.subject).toMatch(/werd gewijzigd/);

    expect(await errorCode(await post(t, '/poort/api/password/reset', { token, password: NEW_PASSWORD }))).toBe('token_used');
    expect((await post(t, '/poort/api/login', { email: 'sanne.jansen@gemeente.example.nl', password: GOOD_PASSWORD })).status).toBe(401);
    expect((await post(t, '/poort/api/login', { email: 'sanne.jansen@gemeente.example.nl', password: NEW_PASSWORD })).status).toBe(200);
  });

  it('builds the link on POORT_PUBLIC_URL even when the request names another host (R05)', async () => {
    const res = await t.app.request('http://evil.example/poort/api/password/forgot', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', host: 'evil.example', 'x-forwarded-host': 'evil.example' },
      body: JSON.stringify({ email: 'sanne.jansen@gemeente.example.nl' }),
    });
    expect(res.status).toBe(202);
    const [mail] = await deliver();
    expect(linkIn(mail!).origin).toBe('http://localhost:8080');
    expect(mail!.text).not.toContain('evil.example');
  });

  it('answers forgot-password for an unknown address exactly the same, and sends nothing', async () => {
    const before = await t.db.db.select().from(outbox);
    const res = await post(t, '/poort/api/password/forgot', { email: 'niemand@gemeente.example.nl' });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: 'accepted' });
    expect(await t.db.db.select().from(outbox)).toHaveLength(before.length);
  });

  it('blocks after 5 wrong passwords with the same answer, and unblocking mails a reset link', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await post(t, '/poort/api/login', { email: 'sanne.jansen@gemeente.example.nl', password: `wrong password ${i}` });
      expect(await errorCode(res)).toBe('invalid_credentials');
    }
    const [blocked] = await t.db.db.select().from(users).where(eq(users.id, userId));
    expect(blocked!.lockedAt).toBeInstanceOf(Date);
    const right = await post(t, '/poort/api/login', { email: 'sanne.jansen@gemeente.example.nl', password: NEW_PASSWORD });
    expect(right.status).toBe(401);
    expect(await errorCode(right)).toBe('invalid_credentials');
    expect(await t.db.db.select().from(auditEvents).where(eq(auditEvents.type, 'account_blocked'))).toHaveLength(1);

    const unlock = await post(t, `/poort/api/admin/users/${userId}/unlock`, '', { cookie: adminCookie });
    expect(unlock.status).toBe(200);
    const [mail] = await deliver();
    expect(mail!.subject).toMatch(/gedeblokkeerd/);
    expect(linkIn(mail!).searchParams.get('poort-reset')).toBeTruthy();
    expect((await post(t, '/poort/api/login', { email: 'sanne.jansen@gemeente.example.nl', password: NEW_PASSWORD })).status).toBe(200);
  });

  it('disabling ends sessions and refuses login with the same answer', async () => {
    const cookie = cookieFrom(await post(t, '/poort/api/login', { email: 'sanne.jansen@gemeente.example.nl', password: NEW_PASSWORD }));
    expect((await post(t, `/poort/api/admin/users/${userId}/disable`, '', { cookie: adminCookie })).status).toBe(200);
    expect((await t.app.request('/poort/api/session', { headers: { cookie } })).status).toBe(401);
    const res = await post(t, '/poort/api/login', { email: 'sanne.jansen@gemeente.example.nl', password: NEW_PASSWORD });
    expect(res.status).toBe(401);
    expect(await errorCode(res)).toBe('invalid_credentials');
    // A disabled account gets no reset mail either.
    const before = (await t.db.db.select().from(outbox)).length;
    expect((await post(t, '/poort/api/password/forgot', { email: 'sanne.jansen@gemeente.example.nl' })).status).toBe(202);
    expect(await t.db.db.select().from(outbox)).toHaveLength(before);
  });
});
