// Site policy `unknownIdentity: link`, step (a): a first eHerkenning login waits, bound to its
// browser; the password proves the account, the PIN mailed to the account's address (received by
// a real SMTP server) proves the mailbox; then the identity is linked and the person logged in.
// And the hostile side: brute force (also in parallel), an expired PIN, another browser, an
// identity linked to someone else, no pending login, blocked accounts, enumeration.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, identities, outbox, pendingLinks, sessions } from '../../db/schema.js';
import { confirmLinkPin } from '../../bff/src/linking/link-with-password.js';
import { sendPendingMail } from '../../bff/src/mail/outbox-sender.js';
import { GOOD_PASSWORD, cookieFrom, errorCode, makeOrganisation, makeUser, post } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { eherkenningLogin, newPersonLogin, pinFromOutbox, pinIn, siteWithPolicy, type PendingLogin } from '../support/linking.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { startLogin } from '../saml/flow.js';
import { users } from '../../db/schema.js';

let t: TestApp;
let smtp: TestSmtp;
let orgId: string;
beforeAll(async () => {
  t = await createTestApp({ site: siteWithPolicy('link') });
  smtp = await startSmtp();
  orgId = (await makeOrganisation(t)).id;
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

const asBrowser = (login: PendingLogin, extra?: string) => ({ cookie: extra ? `${login.browser}; ${extra}` : login.browser });
const linkPassword = (login: PendingLogin, email: string, password = GOOD_PASSWORD) => post(t, '/poort/api/link/password', { email, password }, asBrowser(login));
const linkPin = (login: PendingLogin, pin: string) => post(t, '/poort/api/link/pin', { pin }, asBrowser(login));
const wrongPin = (pin: string) => (pin === '000000' ? '000001' : '000000');

async function identityCount(subjectOwner?: string) {
  const [row] = await t.db.db.select({ n: count() }).from(identities).where(subjectOwner ? eq(identities.userId, subjectOwner) : undefined);
  return row!.n;
}

describe('an unknown eHerkenning identity under policy link', () => {
  it('goes back to the site with poort-link=pending, no session, and a pending link bound to the browser', async () => {
    const sessionsBefore = (await t.db.db.select({ n: count() }).from(sessions))[0]!.n;
    const login = await newPersonLogin(t);
    expect(login.response.status).toBe(303);
    expect(login.location).toBe('/mijn?poort-link=pending');
    // The binding cookie is sent again with the pending link's lifetime; no session cookie.
    expect(login.response.headers.get('set-cookie')).toMatch(/^poort_login=.*Max-Age=1800/);
    expect((await t.db.db.select({ n: count() }).from(sessions))[0]!.n).toBe(sessionsBefore);
    const state = await t.app.request('/poort/api/link', { headers: asBrowser(login) });
    expect(state.status).toBe(200);
    expect(await state.json()).toMatchObject({ pinSent: false, pinExpiresAt: null, broker: 'demo-noord' });
    const [audit] = await t.db.db.select().from(auditEvents).where(eq(auditEvents.type, 'link_pending'));
    expect(audit).toMatchObject({ outcome: 'success', broker: 'demo-noord' });
  });
});

describe('step (a): password, then the mailed PIN', () => {
  it('links the identity and logs the person in; the next eHerkenning login needs nothing more', async () => {
    const user = await makeUser(t, 'anna@gemeente.example.nl', { organisationId: orgId });
    const login = await eherkenningLogin(t, 'jan');
    const sent = await linkPassword(login, 'Anna@Gemeente.example.nl');
    expect(sent.status).toBe(202);
    expect(await sent.json()).toMatchObject({ status: 'pin_sent' });
    expect(await sendPendingMail(t.db.db, smtp.transport)).toMatchObject({ sent: 1 });
    const pin = pinIn(smtp.mails, 'anna@gemeente.example.nl');

    const linked = await linkPin(login, pin.split('').join(' '));
    expect(linked.status).toBe(200);
    const body = await linked.json();
    expect(body).toMatchObject({ returnTo: '/mijn', session: { user: { id: user.id, email: 'anna@gemeente.example.nl' }, method: 'eherkenning' } });
    const session = cookieFrom(linked);
    expect(session).toMatch(/^poort_session=/);
    const [identity] = await t.db.db.select().from(identities).where(eq(identities.userId, user.id));
    // Keyed as issued: the authentication service the simulated brokers name, and the pseudonym.
    expect(identity).toMatchObject({ scheme: 'eherkenning', issuer: 'urn:etoegang:AD:00000000000000000000:entities:9999', broker: 'demo-noord' });
    const types = (await t.db.db.select().from(auditEvents).where(eq(auditEvents.userId, user.id))).map((a) => a.type);
    expect(types).toEqual(expect.arrayContaining(['link_pin_sent', 'identity_linked', 'login']));

    const again = await eherkenningLogin(t, 'jan');
    expect(again.location).toBe('/mijn');
    expect(cookieFrom(again.response)).toMatch(/^poort_session=/);
  });

  it('answers an unknown address and a wrong password alike, and mails nothing', async () => {
    await makeUser(t, 'bram@gemeente.example.nl', { organisationId: orgId });
    const login = await newPersonLogin(t);
    const mailsBefore = (await t.db.db.select({ n: count() }).from(outbox))[0]!.n;
    const unknown = await linkPassword(login, 'niemand@gemeente.example.nl');
    const wrong = await linkPassword(login, 'bram@gemeente.example.nl', 'niet-het-goede-wachtwoord');
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect(await unknown.json()).toEqual(await wrong.json());
    expect((await t.db.db.select({ n: count() }).from(outbox))[0]!.n).toBe(mailsBefore);
    // The wrong password counts towards the account's lockout, as a login would.
    const [bram] = await t.db.db.select().from(users).where(eq(users.email, 'bram@gemeente.example.nl'));
    expect(bram!.failedAttempts).toBe(1);
    // The right one ends the run of failures, as a login does.
    expect((await linkPassword(login, 'bram@gemeente.example.nl')).status).toBe(202);
    const [after] = await t.db.db.select().from(users).where(eq(users.email, 'bram@gemeente.example.nl'));
    expect(after!.failedAttempts).toBe(0);
  });

  it('refuses a blocked account with account_blocked once the password is right, and mails no PIN', async () => {
    const blocked = await makeUser(t, 'geblokkeerd@gemeente.example.nl', { organisationId: orgId });
    await t.db.db.update(users).set({ lockedAt: new Date() }).where(eq(users.id, blocked.id));
    const login = await newPersonLogin(t);
    const res = await linkPassword(login, 'geblokkeerd@gemeente.example.nl');
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('account_blocked');
    expect(await t.db.db.select().from(outbox).where(eq(outbox.to, 'geblokkeerd@gemeente.example.nl'))).toHaveLength(0);
  });

  it('ends the link attempt at the fifth wrong PIN; the right one is refused after that', async () => {
    await makeUser(t, 'cor@gemeente.example.nl', { organisationId: orgId });
    const login = await newPersonLogin(t);
    expect((await linkPassword(login, 'cor@gemeente.example.nl')).status).toBe(202);
    const pin = await pinFromOutbox(t, 'cor@gemeente.example.nl');
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push(await errorCode(await linkPin(login, wrongPin(pin))));
    expect(codes).toEqual(['pin_wrong', 'pin_wrong', 'pin_wrong', 'pin_wrong', 'pin_too_many_attempts']);
    const right = await linkPin(login, pin);
    expect(right.status).toBe(409);
    expect(await errorCode(right)).toBe('link_not_pending');
    // A new PIN cannot be asked for either: the attempt is over.
    expect(await errorCode(await linkPassword(login, 'cor@gemeente.example.nl'))).toBe('link_not_pending');
  });

  it('counts twenty wrong PINs sent at once exactly: five are judged, the attempt ends', async () => {
    const cor = await makeUser(t, 'dirk@gemeente.example.nl', { organisationId: orgId });
    const login = await newPersonLogin(t);
    await linkPassword(login, 'dirk@gemeente.example.nl');
    const pin = await pinFromOutbox(t, 'dirk@gemeente.example.nl');
    const answers = await Promise.all(Array.from({ length: 20 }, () => linkPin(login, wrongPin(pin))));
    const codes = await Promise.all(answers.map(errorCode));
    expect(codes.filter((c) => c === 'pin_wrong')).toHaveLength(4);
    expect(codes.filter((c) => c === 'pin_too_many_attempts' || c === 'link_not_pending')).toHaveLength(16);
    const [row] = await t.db.db.select().from(pendingLinks).where(eq(pendingLinks.pinUserId, cor.id));
    expect(row!.pinAttempts).toBe(5);
    expect(row!.endedAt).not.toBeNull();
    const failures = await t.db.db.select().from(auditEvents).where(and(eq(auditEvents.type, 'link_pin'), eq(auditEvents.userId, cor.id)));
    expect(failures).toHaveLength(5);
    expect(await identityCount(cor.id)).toBe(0);
  });

  it('refuses a PIN from the tenth minute on (clock injected), and works just before', async () => {
    await makeUser(t, 'eva@gemeente.example.nl', { organisationId: orgId });
    const login = await newPersonLogin(t);
    const sent = (await (await linkPassword(login, 'eva@gemeente.example.nl')).json()) as { pinExpiresAt: string };
    const pin = await pinFromOutbox(t, 'eva@gemeente.example.nl');
    const expiresAt = new Date(sent.pinExpiresAt);
    const ctx = (now: Date) => ({ db: t.db.db, site: t.site, env: t.env, origin: { ip: null, userAgent: null }, bindingCookie: login.browser.split('=')[1], now });
    await expect(confirmLinkPin(ctx(expiresAt), { pin })).rejects.toMatchObject({ code: 'pin_expired' });
    // An expired PIN costs no try: a new one can still be asked for, and one second before works.
    const done = await confirmLinkPin(ctx(new Date(expiresAt.getTime() - 1000)), { pin });
    expect(done.done.user.email).toBe('eva@gemeente.example.nl');
  });

  it('refuses a second PIN request beyond three with too_many_mails and Retry-After', async () => {
    await makeUser(t, 'fien@gemeente.example.nl', { organisationId: orgId });
    const login = await newPersonLogin(t);
    for (let i = 0; i < 3; i++) expect((await linkPassword(login, 'fien@gemeente.example.nl')).status).toBe(202);
    const fourth = await linkPassword(login, 'fien@gemeente.example.nl');
    expect(fourth.status).toBe(429);
    expect(await errorCode(fourth)).toBe('too_many_mails');
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('mails at most five PINs an hour to one account, over all link attempts', async () => {
    await makeUser(t, 'hanna@gemeente.example.nl', { organisationId: orgId });
    const statuses = [];
    for (const login of [await newPersonLogin(t), await newPersonLogin(t)]) {
      for (let i = 0; i < 3; i++) statuses.push((await linkPassword(login, 'hanna@gemeente.example.nl')).status);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    expect(await t.db.db.select().from(outbox).where(eq(outbox.to, 'hanna@gemeente.example.nl'))).toHaveLength(5);
  });

  it('takes a PIN that is not six digits as a typing error: not counted', async () => {
    await makeUser(t, 'gijs@gemeente.example.nl', { organisationId: orgId });
    const login = await newPersonLogin(t);
    await linkPassword(login, 'gijs@gemeente.example.nl');
    const res = await linkPin(login, '12a456');
    expect(res.status).toBe(422);
    expect(await errorCode(res)).toBe('pin_wrong');
    const missing = await post(t, '/poort/api/link/pin', {}, asBrowser(login));
    expect(missing.status).toBe(400);
    const [row] = await t.db.db.select().from(pendingLinks).where(eq(pendingLinks.id, (await t.db.db.select().from(pendingLinks).orderBy(pendingLinks.createdAt)).at(-1)!.id));
    expect(row!.pinAttempts).toBe(0);
  });
});

describe('what must not link', () => {
  it('refuses every linking route without a pending eHerkenning login: link_not_pending', async () => {
    await makeUser(t, 'hans@gemeente.example.nl', { organisationId: orgId });
    for (const [path, body] of [
      ['/poort/api/link/password', { email: 'hans@gemeente.example.nl', password: GOOD_PASSWORD }],
      ['/poort/api/link/pin', { pin: '123456' }],
      ['/poort/api/link/activation-code', { code: '0000-0000-0000-0000', email: 'hans@gemeente.example.nl' }],
      ['/poort/api/link/forgot-password', { email: 'hans@gemeente.example.nl' }],
    ] as const) {
      const res = await post(t, path, body);
      expect(res.status, path).toBe(409);
      expect(await errorCode(res)).toBe('link_not_pending');
    }
    expect((await t.app.request('/poort/api/link')).status).toBe(409);
  });

  it('refuses a pending login from another browser, even one with a login of its own started', async () => {
    await makeUser(t, 'ines@gemeente.example.nl', { organisationId: orgId });
    const victim = await newPersonLogin(t);
    const other = await startLogin(t, 'demo-noord');
    const otherBrowser = (other.html && (await import('../saml/flow.js')).bindingCookieFor(other.relayState))!;
    const res = await post(t, '/poort/api/link/password', { email: 'ines@gemeente.example.nl', password: GOOD_PASSWORD }, { cookie: otherBrowser });
    expect(res.status).toBe(409);
    expect(await errorCode(res)).toBe('link_not_pending');
    // The victim's own browser still can.
    expect((await linkPassword(victim, 'ines@gemeente.example.nl')).status).toBe(202);
  });

  it('refuses an identity that another browser linked to another account first: identity_already_linked', async () => {
    await makeUser(t, 'joop@gemeente.example.nl', { organisationId: orgId });
    await makeUser(t, 'kees@gemeente.example.nl', { organisationId: orgId });
    const first = await newPersonLogin(t);
    const second = await newPersonLogin(t, { pseudonym: first.pseudonym });
    await linkPassword(first, 'joop@gemeente.example.nl');
    await linkPassword(second, 'kees@gemeente.example.nl');
    const pinJoop = await pinFromOutbox(t, 'joop@gemeente.example.nl');
    const pinKees = await pinFromOutbox(t, 'kees@gemeente.example.nl');
    expect((await linkPin(first, pinJoop)).status).toBe(200);
    const refused = await linkPin(second, pinKees);
    expect(refused.status).toBe(409);
    const body = await refused.json();
    expect(body.error.code).toBe('identity_already_linked');
    // Nothing says whose account it is.
    expect(JSON.stringify(body)).not.toMatch(/joop/);
    const [kees] = await t.db.db.select().from(users).where(eq(users.email, 'kees@gemeente.example.nl'));
    expect(await identityCount(kees!.id)).toBe(0);
  });
});
