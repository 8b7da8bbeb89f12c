// The JSON shapes the BFF answers and the widget reads, as zod schemas: the BFF validates and
// documents (OpenAPI) with them, the widget takes their inferred types with `import type` only,
// so zod never reaches the browser bundle (ESLint refuses a value import from widget/).
import { z } from '@hono/zod-openapi';
import { environments, loginMethods } from './login-methods.js';
import { levels } from './levels.js';
import { locales, type Locale } from './locales.js';
import { roles } from './roles.js';
import { capacityCodes } from './capacities.js';

/** A text in every locale (an object rather than a record, so OpenAPI lists each key as required). */
export const LocalizedSchema = z.object(Object.fromEntries(locales.map((l) => [l, z.string()])) as Record<Locale, z.ZodString>);

export const UserSchema = z
  .object({ id: z.string(), email: z.string().nullable(), displayName: z.string().nullable(), role: z.enum(roles) })
  .openapi('User');
/** The user as GET /api/session, POST /api/login and the `poort-login` event carry it. */
export type SessionUser = z.infer<typeof UserSchema>;

/** One organisation a person belongs to, with their role there and, where the source names one, the capacity. */
export const MembershipSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    /** The numbers the organisation is known by: `kvk`, `rsin`, `vestigingsnr`, … → value. */
    identifiers: z.record(z.string(), z.string()),
    role: z.enum(roles),
    /** The "hoedanigheid" the person acts in for this organisation; null when the source names none. */
    capacity: z.string().nullable(),
  })
  .openapi('Membership');
export type MembershipView = z.infer<typeof MembershipSchema>;

export const SessionSchema = z
  .object({
    user: UserSchema,
    method: z.enum(loginMethods),
    level: z.string().nullable(),
    /** The organisation this session acts for; null when none (no membership, or a choice still to make). */
    actingFor: MembershipSchema.nullable(),
    /** True while the person belongs to several organisations and has not chosen which one to act for. */
    organisationChoiceNeeded: z.boolean(),
    attributes: z.record(z.string(), z.string()),
    expiresAt: z.string().describe('When the session ends if unused (idle expiry), ISO 8601'),
    absoluteExpiresAt: z.string(),
  })
  .openapi('Session');
export type SessionView = z.infer<typeof SessionSchema>;

/** What GET /api/organisations answers: the person's memberships and which one the session acts for. */
export const OrganisationsSchema = z
  .object({
    actingFor: z.string().nullable(),
    organisationChoiceNeeded: z.boolean(),
    organisations: z.array(MembershipSchema),
  })
  .openapi('Organisations');
export type OrganisationsView = z.infer<typeof OrganisationsSchema>;

/** One capacity an ACM/IDM login may act in: as a citizen (no organisation), or for an organisation. */
export const CapacitySchema = z
  .object({
    code: z.enum(capacityCodes),
    /** The organisation (as GET /api/organisations shows it, without role); null for the citizen capacity. */
    organisation: z.object({ id: z.string(), name: z.string(), identifiers: z.record(z.string(), z.string()) }).nullable(),
  })
  .openapi('Capacity');
export type CapacityView = z.infer<typeof CapacitySchema>;

/** What GET /api/capacities answers: the capacities this login offered, and the one the session acts in. */
export const CapacitiesSchema = z
  .object({
    /** The code of the capacity the session acts in; null while none is chosen (or for a session of another method). */
    capacity: z.enum(capacityCodes).nullable(),
    /** The organisation it acts for (null: as a citizen, or none chosen). */
    actingFor: z.string().nullable(),
    /** True while the login offered several capacities and the person has not chosen. */
    choiceNeeded: z.boolean(),
    capacities: z.array(CapacitySchema),
  })
  .openapi('Capacities');
export type CapacitiesView = z.infer<typeof CapacitiesSchema>;

const Level = z.enum(levels);

/**
 * An application as the widget learns it from GET /api/config (issue 15): which methods it takes at
 * which minimum level (a method it does not list is not offered for it), and its helpdesk text.
 */
export const ApplicationSchema = z
  .object({
    id: z.string(),
    name: LocalizedSchema,
    /** Login method → the minimum level of that method (contract/applications.ts `methodLevels`). */
    levels: z.partialRecord(z.enum(loginMethods), z.string()),
    /** Where a person without the rights for it gets help, in every locale. */
    helpdesk: LocalizedSchema,
  })
  .openapi('Application');
export type ApplicationView = z.infer<typeof ApplicationSchema>;


export const PublicConfigSchema = z
  .object({
    environment: z.enum(environments),
    siteName: LocalizedSchema,
    methods: z.array(z.enum(loginMethods)),
    level: Level,
    brokers: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        aliases: z.array(z.string()),
        logo: z.string().optional(),
        /** The eHerkenning levels this broker can deliver. */
        levels: z.array(Level),
        /** Down now (its metadata cannot be had, or calls to it fail): listed last, marked, and best avoided. */
        unavailable: z.object({ since: z.string() }).optional(),
      }),
    ),
    /** What the user's eHerkenning administrator needs to grant the authorisation (machtiging). */
    eherkenning: z.object({
      entityId: z.string(),
      serviceId: z.string(),
      serviceUuid: z.string(),
      serviceName: LocalizedSchema,
      level: Level,
    }),
    /** eIDAS (companies from other EU countries), where the site offers it: its own catalogue entry and level (EH3 or higher). */
    eidas: z
      .object({
        serviceId: z.string(),
        serviceUuid: z.string(),
        serviceName: LocalizedSchema,
        level: Level,
      })
      .optional(),
    helpdesk: z
      .object({
        name: LocalizedSchema,
        phone: z.union([z.string(), LocalizedSchema]).optional(),
        hours: LocalizedSchema.optional(),
        url: z.string().optional(),
        email: z.string().optional(),
      })
      .optional(),
    /** The applications behind this Poort (issue 15); a widget with `app="…"` offers what its application takes. */
    applications: z.array(ApplicationSchema).optional(),
    /** For the e-mail form's lockout explanation: the same for every address, so it reveals nothing. */
    localAccounts: z.object({
      /** Failed logins in a row that block an account. */
      maxFailedLogins: z.number().int(),
      /** After this many failed logins in one browser the e-mail form explains the lockout. */
      lockoutNoticeAfter: z.number().int(),
      /** From this moment (ISO 8601) password login is refused; absent when the site set no end. */
      passwordLoginUntil: z.string().optional(),
      /** Whom that end holds for: everyone, or only people who have linked an eHerkenning identity. */
      passwordLoginScope: z.enum(['everyone', 'linkedOnly']).optional(),
    }),
  })
  .openapi('PublicConfig');
/** What GET /api/config answers. */
export type PublicConfig = z.infer<typeof PublicConfigSchema>;
export type Broker = PublicConfig['brokers'][number];
export type LockoutSettings = PublicConfig['localAccounts'];

/**
 * What `GET /api/session?app=` answers when the session does not open the application, beside the
 * usual `error`: 401 `unauthenticated` (log in: `application` says with what), 401
 * `step_up_required` (logged in, but not with a method and level it takes: log in again with
 * `stepUp.method` at `stepUp.level` or stronger, ForceAuthn), 403 `application_forbidden` (logged
 * in well enough, but without the membership, role or capacity it needs: `application.helpdesk`),
 * 409 `organisation_choice_needed` (choose the organisation to act for first).
 */
export const ApplicationRefusalSchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string() }),
    application: ApplicationSchema,
    stepUp: z.object({ method: z.enum(loginMethods), level: z.string() }).optional(),
  })
  .openapi('ApplicationRefusal');
export type ApplicationRefusal = z.infer<typeof ApplicationRefusalSchema>;
