// Helpers for account tests: organisations, users with a password, admin sessions, JSON requests.
import type { Role } from '../../contract/roles.js';
import { memberships, organisations, users } from '../../db/schema.js';
import { hashPassword } from '../../bff/src/passwords/password-hash.js';
import { lifetimesFrom } from '../../bff/src/sessions/session-policy.js';
import { createSession } from '../../bff/src/sessions/session-store.js';
import type { TestApp } from './app.js';

export const GOOD_PASSWORD = 'paarden-batterij-niet-stapel';

export async function makeOrganisation(t: TestApp, domains = ['gemeente.example.nl'], name = 'Gemeente Voorbeeld') {
  const [org] = await t.db.db.insert(organisations).values({ name, emailDomains: domains }).returning();
  return org!;
}

export async function makeUser(t: TestApp, email: string, options: { password?: string | null; role?: Role; organisationId?: string; locale?: string } = {}) {
  const passwordHash = options.password === null ? null : await hashPassword(options.password ?? GOOD_PASSWORD);
  const [user] = await t.db.db
    .insert(users)
    .values({ email, role: options.role ?? 'user', passwordHash, locale: options.locale ?? null })
    .returning();
  // The membership carries the same role, as accounts made through the admin API and the CLI do.
  if (options.organisationId) await t.db.db.insert(memberships).values({ userId: user!.id, organisationId: options.organisationId, role: user!.role });
  return user!;
}

/** Gemeente A and Gemeente B, each with its admin, and the service desk: whom the Beheer tests set apart. */
export async function twoOrganisationsWithAdmins(t: TestApp) {
  const orgA = (await makeOrganisation(t, ['gemeente-a.example.nl'], 'Gemeente A')).id;
  const orgB = (await makeOrganisation(t, ['gemeente-b.example.nl'], 'Gemeente B')).id;
  const adminA = await makeUser(t, 'beheer@gemeente-a.example.nl', { role: 'admin', organisationId: orgA });
  const adminB = await makeUser(t, 'beheer@gemeente-b.example.nl', { role: 'admin', organisationId: orgB });
  const desk = await makeUser(t, 'helpdesk@poort.example.nl', { role: 'servicedesk' });
  return { orgA, orgB, adminA, adminB, desk };
}

/** A session cookie for a user, made directly (as if they had logged in with eHerkenning). */
export async function sessionCookie(t: TestApp, userId: string): Promise<string> {
  const { token } = await createSession(t.db.db, { userId, method: 'eherkenning', level: 'loa2plus' }, lifetimesFrom(t.site.sessions));
  return `poort_session=${token}`;
}

/** A same-origin JSON request, as the widget sends it. */
export function post(t: Pick<TestApp, 'app'>, path: string, body: unknown, headers: Record<string, string> = {}, method = 'POST') {
  return t.app.request(path, {
    method,
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function errorCode(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

/** Set-Cookie → "name=value" for the next request. */
export function cookieFrom(res: Response): string {
  const header = res.headers.get('set-cookie') ?? '';
  return header.split(';')[0]!;
}
