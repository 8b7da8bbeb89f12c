// The one source of Poort's row types: every table, and through `$inferSelect` every row type the
// BFF uses. Change it, then `npm run db:generate`; never edit a generated migration by hand.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const stamped = (name: string) => ts(name).notNull().defaultNow();
const createdAt = () => stamped('created_at');

import { loginMethods } from '../contract/login-methods.js';
import { roles } from '../contract/roles.js';

/** The database refuses any other role value, whatever the code above it does. */
const roleCheck = (column: string) => sql.raw(`${column} in (${roles.map((r) => `'${r}'`).join(', ')})`);

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** KvK, RSIN, OIN, KBO/OVO, school number: kind → value. */
  identifiers: jsonb('identifiers').$type<Record<string, string>>().notNull().default({}),
  /** Business e-mail domains an admin may create accounts in, lower case. */
  emailDomains: text('email_domains').array().notNull().default(sql`'{}'::text[]`),
  /**
   * The organisation's authorised contact (DUO: the school's gemachtigde): where "Wachtwoord
   * vergeten" on the linking step mails the reset link when the site configures that.
   */
  contactEmail: text('contact_email'),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null for people known only through eHerkenning until they link or give an address. */
    email: text('email'),
    displayName: text('display_name'),
    role: text('role', { enum: roles }).notNull().default('user'),
    /** argon2id PHC string; null until the person chose a password (or for eHerkenning-only users). */
    passwordHash: text('password_hash'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedAt: ts('locked_at'),
    disabledAt: ts('disabled_at'),
    notificationEmail: text('notification_email'),
    notificationEmailVerifiedAt: ts('notification_email_verified_at'),
    locale: text('locale'),
    /**
     * A temporary local account (seed 000: "tijdelijk een lokaal account"): from this moment its
     * password login is refused. Null: no end date. Set by an admin or the service desk.
     */
    localAccountUntil: ts('local_account_until'),
    createdAt: createdAt(),
    updatedAt: stamped('updated_at'),
  },
  (t) => [uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`), check('users_role_check', roleCheck('role'))],
);

export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: roles }).notNull().default('user'),
    /** The "hoedanigheid" a person acts in for this organisation, when the scheme names one. */
    capacity: text('capacity'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.organisationId] }), check('memberships_role_check', roleCheck('role'))],
);

export const identities = pgTable(
  'identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    scheme: text('scheme', { enum: ['eherkenning', 'eidas', 'acmidm'] }).notNull(),
    /**
     * Who issued the pseudonym: the authentication service (AD/EB) named as AuthenticatingAuthority,
     * else the ActingSubjectID's NameQualifier. Part of the key: a pseudonym is unique only within
     * its issuer (docs/decisions/identity-key.md). The broker is not: it only routes.
     * Rows from before this column have '' and match no login.
     */
    issuer: text('issuer').notNull().default(''),
    /** The pseudonym (ActingSubjectID), never a transient NameID. */
    subject: text('subject').notNull(),
    legalSubject: text('legal_subject'),
    broker: text('broker'),
    level: text('level'),
    linkedAt: stamped('linked_at'),
  },
  (t) => [uniqueIndex('identities_scheme_issuer_subject_key').on(t.scheme, t.issuer, t.subject), index('identities_user_idx').on(t.userId)],
);

/**
 * An eHerkenning login whose identity is not known yet, under site policy `unknownIdentity: link`:
 * waiting for the person to prove an existing account (password, then a mailed PIN) or to redeem an
 * activation code. Bound to the browser that started the login, like the SAML request it came from.
 */
export const pendingLinks = pgTable(
  'pending_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** SHA-256 of the login-binding cookie of the browser that started the eHerkenning login. */
    browserBinding: text('browser_binding').notNull(),
    scheme: text('scheme', { enum: ['eherkenning', 'eidas', 'acmidm'] }).notNull(),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    legalSubject: text('legal_subject'),
    broker: text('broker'),
    level: text('level').notNull(),
    /** The eHerkenning session attributes (KvK, broker, …) the session gets once linked. */
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
    returnTo: text('return_to').notNull(),
    locale: text('locale'),
    /** Step (a): the account the password proved, the PIN's SHA-256, when it ends, tries and sends. */
    pinUserId: uuid('pin_user_id').references(() => users.id, { onDelete: 'cascade' }),
    pinHash: text('pin_hash'),
    pinExpiresAt: ts('pin_expires_at'),
    pinAttempts: integer('pin_attempts').notNull().default(0),
    pinsSent: integer('pins_sent').notNull().default(0),
    createdAt: createdAt(),
    expiresAt: ts('expires_at').notNull(),
    /** Set when the link completed or ended (too many PIN tries): the row then answers nothing more. */
    endedAt: ts('ended_at'),
  },
  (t) => [index('pending_links_binding_idx').on(t.browserBinding)],
);

/**
 * Single-use activation codes, issued per organisation by an admin or the service desk, for a
 * person who has no account yet (DUO: new schools) or to add an organisation to an account.
 */
export const activationCodes = pgTable(
  'activation_codes',
  {
    /** SHA-256 of the normalised code, hex: the code itself is shown once and never stored. */
    codeHash: text('code_hash').primaryKey(),
    /** What the Beheer page and the API name a code by (never the hash, never the code). */
    id: uuid('id').notNull().unique().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** The membership role the redeemer gets. */
    role: text('role', { enum: roles }).notNull().default('user'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    usedBy: uuid('used_by').references(() => users.id, { onDelete: 'set null' }),
    /** Taken back by an admin before it was used: it can no longer be redeemed. */
    revokedAt: ts('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('activation_codes_organisation_idx').on(t.organisationId), check('activation_codes_role_check', roleCheck('role'))],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token, hex: a database leak yields no usable session. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    actingFor: uuid('acting_for').references(() => organisations.id, { onDelete: 'set null' }),
    /** The person belongs to several organisations and has not said yet which one they act for. */
    organisationChoicePending: boolean('organisation_choice_pending').notNull().default(false),
    method: text('method', { enum: loginMethods }).notNull(),
    level: text('level'),
    /** Attributes of the login that are not rows of their own (e.g. KvK number, broker). */
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
    createdAt: createdAt(),
    lastSeenAt: stamped('last_seen_at'),
    idleExpiresAt: ts('idle_expires_at').notNull(),
    absoluteExpiresAt: ts('absolute_expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const samlRequests = pgTable('saml_requests', {
  /** The AuthnRequest ID; InResponseTo must name one that is not consumed yet. */
  id: text('id').primaryKey(),
  /** Opaque RelayState handed to the broker (never a URL). */
  relayState: text('relay_state').notNull().unique(),
  broker: text('broker').notNull(),
  returnTo: text('return_to').notNull(),
  level: text('level').notNull(),
  /**
   * The login method the request was started for: `eherkenning`, `eidas` (the brokers' second
   * catalogue service, EH3 or higher) or `acmidm`. The answer is judged by that method's profile.
   */
  service: text('service', { enum: ['eherkenning', 'eidas', 'acmidm'] }).notNull().default('eherkenning'),
  /** SHA-256 of the login-binding cookie of the browser that started it (login CSRF, S22). */
  browserBinding: text('browser_binding'),
  /** Language of the person's pages (nl, nl-BE, en) as the start got it, for pages the ACS shows. */
  locale: text('locale'),
  createdAt: createdAt(),
  expiresAt: ts('expires_at').notNull(),
  consumedAt: ts('consumed_at'),
});

/** Response and Assertion ids already accepted: the primary key makes one-time use hold across instances. */
export const samlSeen = pgTable('saml_seen', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: ['response', 'assertion', 'artifact'] }).notNull(),
  expiresAt: ts('expires_at').notNull(),
});

/** Broker metadata fetched from an https URL, cached so every instance and restart shares it. */
export const brokerMetadata = pgTable('broker_metadata', {
  broker: text('broker').primaryKey(),
  source: text('source').notNull(),
  xml: text('xml').notNull(),
  fetchedAt: stamped('fetched_at'),
  validUntil: ts('valid_until'),
});

/**
 * What instances learned about each broker that the broker list should show: since when its
 * metadata cannot be had (no usable copy at all). Answers' faults are read from audit_events.
 */
export const brokerHealth = pgTable('broker_health', {
  broker: text('broker').primaryKey(),
  metadataFailedSince: ts('metadata_failed_since'),
  /** The reason code of the last failure (metadata_fetch_failed, metadata_expired, …). */
  metadataReason: text('metadata_reason'),
  updatedAt: stamped('updated_at'),
});

export const tokenPurposes = ['invitation', 'password_reset', 'notification_email'] as const;
export type TokenPurpose = (typeof tokenPurposes)[number];

export const tokens = pgTable(
  'tokens',
  {
    /** SHA-256 of the secret, hex. */
    tokenHash: text('token_hash').primaryKey(),
    purpose: text('purpose', { enum: tokenPurposes }).notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** Purpose-specific data, e.g. the address to confirm or the identity to link. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [index('tokens_user_purpose_idx').on(t.userId, t.purpose)],
);

/** Fixed-window counters for rate limits and other shared counts, keyed by what is limited. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull().default(0),
  windowStartedAt: stamped('window_started_at'),
  expiresAt: ts('expires_at').notNull(),
});

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: stamped('at'),
    type: text('type').notNull(),
    outcome: text('outcome', { enum: ['success', 'failure'] }).notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    method: text('method'),
    broker: text('broker'),
    level: text('level'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /** A stable reason code, never secrets or SAML content. */
    reason: text('reason'),
    /** The X-Request-Id of the request that wrote the event, so a report leads to the log line. */
    requestId: text('request_id'),
    /** The site path the login was for (the return path), when the event belongs to one. */
    application: text('application'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  // (at, id): the order audit reports page through with a keyset cursor; it also serves retention.
  (t) => [index('audit_events_at_id_idx').on(t.at, t.id), index('audit_events_user_idx').on(t.userId),
    index('audit_events_organisation_idx').on(t.organisationId),
    // The people list's "last login": the newest successful login per person on the page, read from this index alone.
    index('audit_events_last_login_idx').on(t.userId, t.at).where(sql`type = 'login' and outcome = 'success'`),
  ],
);

export const texts = pgTable(
  'texts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    locale: text('locale').notNull(),
    key: text('key').notNull(),
    /** The editor's text; null when this version took the override back (the default text again). */
    value: text('value'),
    version: integer('version').notNull(),
    /** Only the newest version of a key is current; older rows are its history. */
    current: boolean('current').notNull().default(true),
    editorId: uuid('editor_id').references(() => users.id, { onDelete: 'set null' }),
    at: stamped('at'),
  },
  (t) => [
    uniqueIndex('texts_locale_key_version_key').on(t.locale, t.key, t.version),
    index('texts_current_idx').on(t.locale).where(sql`${t.current}`),
  ],
);

export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    /** What the mail is for (invitation, password_reset, ...), for the dev outbox page and audit. */
    kind: text('kind').notNull(),
    createdAt: createdAt(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: stamped('next_attempt_at'),
    lastError: text('last_error'),
    sentAt: ts('sent_at'),
  },
  (t) => [index('outbox_pending_idx').on(t.nextAttemptAt).where(sql`${t.sentAt} is null`)],
);

export type User = typeof users.$inferSelect;
export type Organisation = typeof organisations.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferInsert;
export type OutboxMail = typeof outbox.$inferSelect;
export type PendingLink = typeof pendingLinks.$inferSelect;
export type ActivationCode = typeof activationCodes.$inferSelect;
export type Identity = typeof identities.$inferSelect;
export type TextVersion = typeof texts.$inferSelect;
