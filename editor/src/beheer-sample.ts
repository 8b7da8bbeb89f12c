// Made-up people, codes and audit events for the editor's preview of the Beheer page's texts: an
// editor may not read the real ones, and a preview must show every status and kind of row. Names
// and addresses are examples (example.nl is reserved for that); nothing here is sent anywhere.
import type { BeheerSample } from '../../widget/src/beheer/beheer-api.js';

const org = { id: '00000000-0000-4000-8000-000000000001', name: 'Gemeente Voorbeeld', emailDomains: ['gemeente.example.nl'] };
const day = 86_400_000;

/** The sample, with times around `now` so "temporary until" and "valid until" read as they would. */
export function beheerSample(now = Date.now()): BeheerSample {
  const at = (days: number) => new Date(now + days * day).toISOString();
  const person = (n: number, email: string, displayName: string | null, status: BeheerSample['people'][number]['status'], extra: Partial<BeheerSample['people'][number]> = {}) => ({
    id: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`,
    email,
    displayName,
    role: 'user' as const,
    organisations: [org.name],
    status,
    failedAttempts: 0,
    methods: ['email'],
    lastLoginAt: at(-2),
    localAccountUntil: null,
    ...extra,
  });
  const people = [
    person(1, 'bea.beheer@gemeente.example.nl', 'Bea Beheer', 'active', { role: 'admin', methods: ['eherkenning'] }),
    person(2, 'sanne@gemeente.example.nl', 'Sanne de Vries', 'temporary', { localAccountUntil: at(30) }),
    person(3, 'kees@gemeente.example.nl', null, 'blocked', { failedAttempts: 5 }),
    person(4, 'anna@gemeente.example.nl', 'Anna Öztürk', 'invited', { lastLoginAt: null, methods: [] }),
    person(5, 'piet@gemeente.example.nl', 'Piet Jansen', 'disabled', { role: 'editor' }),
  ];
  const code = (n: number, status: BeheerSample['codes'][number]['status'], extra: Partial<BeheerSample['codes'][number]> = {}) => ({
    id: `00000000-0000-4000-8000-0000000002${String(n).padStart(2, '0')}`,
    organisationId: org.id,
    organisation: org.name,
    role: 'user' as const,
    status,
    createdAt: at(-n),
    expiresAt: at(30 - n),
    createdBy: 'Bea Beheer',
    usedAt: null,
    usedBy: null,
    revokedAt: null,
    ...extra,
  });
  const codes = [code(0, 'open'), code(1, 'used', { usedAt: at(-1), usedBy: 'Anna Öztürk' }), code(2, 'revoked', { revokedAt: at(-1) }), code(40, 'expired')];
  const event = (n: number, type: string, outcome: 'success' | 'failure', who: (typeof people)[number], extra: Partial<BeheerSample['events'][number]> = {}) => ({
    id: `00000000-0000-4000-8000-0000000003${String(n).padStart(2, '0')}`,
    at: at(-n / 24),
    type,
    outcome,
    person: { id: who.id, email: who.email, displayName: who.displayName },
    actor: null,
    method: 'email',
    broker: null,
    level: null,
    organisation: { id: org.id, name: org.name },
    application: '/',
    reason: null,
    requestId: `req-${n}`,
    clientNetwork: '192.0.2.0/24',
    ...extra,
  });
  const admin = people[0]!;
  const events = [
    event(1, 'login', 'success', people[1]!),
    event(2, 'login', 'failure', people[2]!, { reason: 'invalid_credentials' }),
    event(3, 'local_account_until_set', 'success', people[1]!, { actor: { id: admin.id, email: admin.email, displayName: admin.displayName }, method: null }),
    event(4, 'activation_code_issued', 'success', admin, { method: null }),
  ];
  return { scope: { role: 'admin', organisations: [org], activationCodeDays: 30 }, people, codes, events };
}
