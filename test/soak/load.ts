// The soak's mixed load: each simulated client repeats a random operation until told to stop, the
// way a browser and the widget would send it through nginx, and records every request's answer.
// A client keeps the session it logged in with for its next session checks and logs it out now
// and then; password logins, wrong passwords and forgot-password come from one of the client's
// own rotating addresses (per-network rate limits), the rest from its home address.
import { formFields } from '../saml/flow.js';
import { loopbackAddress, setCookie, SoakClient, type Answer } from './http-client.js';

// The ACS in two steps, one per binding: an artifact's ACS also waits for the broker's ArtifactResponse.
export type Step = 'session' | 'login' | 'wrong_password' | 'forgot' | 'logout' | 'eh_start' | 'eh_broker' | 'eh_acs_post' | 'eh_acs_artifact' | 'lockout';

export interface Outcome {
  step: Step;
  status: number;
  startedAt: number;
  answeredAt: number;
  /** For a 5xx: Poort's error code (or the start of the body), to tell a deadline from an outage. */
  detail?: string;
}

/** What a failed answer says about itself: the JSON error code (or the start of the body), and which instance gave it. */
export function failureDetail(answer: Answer): string | undefined {
  if (answer.status < 500) return undefined;
  const via = answer.headers['x-poort-upstream'] ? ` from ${String(answer.headers['x-poort-upstream'])}` : '';
  try {
    return `${String((JSON.parse(answer.body) as { error?: { code?: string } }).error?.code)}${via}`;
  } catch {
    return `${answer.body.replace(/\s+/g, ' ').slice(0, 60)}${via}`;
  }
}

/**
 * A login the client saw succeed, and whether the client logged it out (204) afterwards. A logout
 * that got no 204 (503, or no answer from a killed instance) may or may not have ended the session:
 * `logoutInDoubt`, and the session is then not checked.
 */
export interface SeenLogin {
  method: 'email' | 'eherkenning';
  token: string;
  email?: string;
  loggedOut: boolean;
  logoutInDoubt?: boolean;
}

/** What each step may answer without that being a failure (429: a client network's rate limit). */
export const expectedStatuses: Record<Step, number[]> = {
  session: [200],
  login: [200, 429],
  wrong_password: [401, 429],
  forgot: [202, 429],
  logout: [204],
  eh_start: [200],
  eh_broker: [200, 303],
  eh_acs_post: [303],
  eh_acs_artifact: [303],
  /** The lockout bursts' wrong passwords (test/soak/run.ts): never rate limited, each from its own address. */
  lockout: [401],
};

export const SOAK_PASSWORD = 'paarden-batterij-niet-stapel';
const SESSION_COOKIE = 'poort_session';
const ROTATING_ADDRESSES = 32;
export const people = ['jan', 'fatima', 'pieter'];

type Operation = 'session' | 'login' | 'wrong_password' | 'forgot' | 'logout' | 'eh_post' | 'eh_artifact';
const weights: [Operation, number][] = [
  ['session', 38],
  ['login', 12],
  ['wrong_password', 8],
  ['forgot', 8],
  ['logout', 10],
  ['eh_post', 12],
  ['eh_artifact', 12],
];
const totalWeight = weights.reduce((sum, [, w]) => sum + w, 0);

function pick(): Operation {
  let r = Math.random() * totalWeight;
  for (const [op, w] of weights) if ((r -= w) < 0) return op;
  return 'session';
}

export interface LoadOptions {
  origin: URL;
  clients: number;
  /** Accounts with SOAK_PASSWORD, each used by one write request only. */
  emails: string[];
  /** Session cookies made beforehand, for clients that hold no session of their own. */
  cookies: string[];
}

export interface Load {
  outcomes: Outcome[];
  logins: SeenLogin[];
  /** Resolves when every client has finished its current operation. */
  stop(): Promise<void>;
}

// From a rotating address: a new connection each time, closed after the answer (a different client).
const json = (body: unknown) => ({ 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', connection: 'close', body: JSON.stringify(body) });
const formBody = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

type Timed = (step: Step, send: () => Promise<Answer>) => Promise<Answer | undefined>;

/**
 * One eHerkenning login as a browser makes it: start → the simulated broker's page → its answer
 * for `person` → the ACS (the POST form, or the artifact redirect). The ACS's answer, if it came.
 */
export async function eherkenningLogin(http: SoakClient, from: string, broker: string, person: string, timed: Timed): Promise<Answer | undefined> {
  const start = await timed('eh_start', () => http.send(`/poort/auth/eherkenning/start?broker=${broker}&returnTo=/`, { from }));
  if (start?.status !== 200) return undefined;
  const binding = setCookie(start, 'poort_login');
  const request = formFields(start.body);
  const page = await timed('eh_broker', () => http.send(request.action, { method: 'POST', from, headers: FORM, body: formBody(request.fields) }));
  if (page?.status !== 200) return undefined;
  const choice = formFields(page.body);
  const answer = await timed('eh_broker', () => http.send(choice.action, { method: 'POST', from, headers: FORM, body: formBody({ ...choice.fields, answer: `person:${person}` }) }));
  const cookie: Record<string, string> = binding ? { cookie: binding } : {};
  if (answer?.status === 303) return timed('eh_acs_artifact', () => http.send(String(answer.headers.location), { from, headers: cookie }));
  if (answer?.status !== 200) return undefined;
  const post = formFields(answer.body);
  return timed('eh_acs_post', () => http.send(post.action, { method: 'POST', from, headers: { ...FORM, ...cookie }, body: formBody(post.fields) }));
}

export function startLoad(o: LoadOptions): Load {
  const outcomes: Outcome[] = [];
  const logins: SeenLogin[] = [];
  let running = true;
  let nextEmail = 0;

  const client = async (n: number) => {
    const http = new SoakClient(o.origin);
    const home = loopbackAddress(n, 1);
    let rotation = 0;
    let held: SeenLogin | undefined;
    const timed = async (step: Step, send: () => Promise<Answer>): Promise<Answer | undefined> => {
      const startedAt = Date.now();
      try {
        const answer = await send();
        const detail = failureDetail(answer);
        outcomes.push({ step, status: answer.status, startedAt, answeredAt: Date.now(), ...(detail ? { detail } : {}) });
        return answer;
      } catch {
        outcomes.push({ step, status: 0, startedAt, answeredAt: Date.now() }); // no answer at all
        return undefined;
      }
    };
    const rotating = () => loopbackAddress(n, 2 + (rotation++ % ROTATING_ADDRESSES));
    const cookieHeader = () => ({ cookie: held ? `${SESSION_COOKIE}=${held.token}` : o.cookies[n % o.cookies.length]! });

    const operations: Record<Operation, () => Promise<void>> = {
      session: async () => {
        await timed('session', () => http.send('/poort/api/session', { from: home, headers: cookieHeader() }));
      },
      login: async () => {
        const email = o.emails[nextEmail++];
        if (!email) return operations.session();
        const { body, ...headers } = json({ email, password: SOAK_PASSWORD });
        const answer = await timed('login', () => http.send('/poort/api/login', { method: 'POST', from: rotating(), headers, body }));
        const token = answer?.status === 200 ? setCookie(answer, SESSION_COOKIE)?.split('=')[1] : undefined;
        if (token) logins.push((held = { method: 'email', token, email, loggedOut: false }));
      },
      wrong_password: async () => {
        const email = o.emails[nextEmail++];
        if (!email) return operations.session();
        const { body, ...headers } = json({ email, password: 'niet-het-goede-wachtwoord' });
        await timed('wrong_password', () => http.send('/poort/api/login', { method: 'POST', from: rotating(), headers, body }));
      },
      forgot: async () => {
        const email = o.emails[nextEmail++];
        if (!email) return operations.session();
        const { body, ...headers } = json({ email });
        await timed('forgot', () => http.send('/poort/api/password/forgot', { method: 'POST', from: rotating(), headers, body }));
      },
      logout: async () => {
        if (!held) return operations.session();
        const ending = held;
        held = undefined;
        const answer = await timed('logout', () =>
          http.send('/poort/api/logout', { method: 'POST', from: home, headers: { cookie: `${SESSION_COOKIE}=${ending.token}`, 'sec-fetch-site': 'same-origin' } }),
        );
        if (answer?.status === 204) ending.loggedOut = true;
        else ending.logoutInDoubt = true;
      },
      eh_post: () => eherkenning('demo-noord'),
      eh_artifact: () => eherkenning('demo-zuid'),
    };

    const eherkenning = async (broker: string) => {
      const person = people[Math.floor(Math.random() * people.length)]!;
      const acs = await eherkenningLogin(http, home, broker, person, timed);
      const token = acs?.status === 303 ? setCookie(acs, SESSION_COOKIE)?.split('=')[1] : undefined;
      if (token) logins.push((held = { method: 'eherkenning', token, loggedOut: false }));
    };

    try {
      while (running) await operations[pick()]();
    } finally {
      http.close();
    }
  };

  const clients = Array.from({ length: o.clients }, (_, n) => client(n));
  return {
    outcomes,
    logins,
    stop: async () => {
      running = false;
      await Promise.all(clients);
    },
  };
}
