// One application in poort.config.json (`applications[]`, issue 15): what it is called, where its
// logins may return, which login methods it takes at which minimum level, what a person needs to
// enter it, which session attributes it may see and where a refused person gets help. Validated
// with zod like the rest of the site configuration; docs/configuration.md ("Applications").
import { z } from 'zod';
import { applicationIdPattern, methodLevels } from '../../../contract/applications.js';
import { locales } from '../../../contract/locales.js';
import { roles } from '../../../contract/roles.js';

const localized = z.record(z.enum(locales), z.string().min(1));

/** A same-site path prefix, as `site.returnToPrefixes` has them. */
export const returnPathPrefix = z.string().regex(/^\/(?!\/)/, 'must be a path starting with a single /');

/**
 * Session attributes an application may be shown: the user's address and name, the organisation
 * the session acts for, and the attributes the login brought (eHerkenning: `kvk`, `rsin`,
 * `vestigingsnr`, `companyName`, `broker`, `serviceId`, `serviceUuid`; ACM/IDM adds its own,
 * such as `capacity`). A name the login did not bring is simply absent.
 */
const attributeName = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, 'an attribute name: letters, digits, _ . -');

/** Minimum level per login method: only a method listed here opens the application. */
const methodLevelsSchema = z
  .object({
    eherkenning: z.enum(methodLevels.eherkenning).optional(),
    acmidm: z.enum(methodLevels.acmidm).optional(),
    email: z.enum(methodLevels.email).optional(),
  })
  .strict()
  .refine((levels) => Object.values(levels).some(Boolean), 'name at least one login method');

export const applicationSchema = z
  .object({
    id: z.string().regex(applicationIdPattern, 'use lower-case letters, digits and dashes'),
    name: localized,
    /** The same-site path prefixes its logins may return to; each under one of `site.returnToPrefixes`. */
    returnToPrefixes: z.array(returnPathPrefix).min(1),
    levels: methodLevelsSchema,
    /** What the session must act with to enter: nothing by default (any person logged in well enough). */
    requires: z
      .object({
        /** The session must act for an organisation the person is a member of. */
        membership: z.boolean().default(false),
        /** The lowest role: of the membership the session acts for, or the person's own when it acts for none. */
        role: z.enum(roles).optional(),
        /** The capacities ("hoedanigheden") that may enter, e.g. ACM/IDM `EA`, `LB`, `BUR`: any when unset. */
        capacities: z.array(z.string().min(1).max(64)).min(1).optional(),
      })
      .strict()
      .prefault({}),
    /** The session attributes `GET /api/session?app=` shows it (need-to-know); nothing else. */
    attributes: z.array(attributeName).default([]),
    /** Shown to a person who is refused (no membership, role or capacity): whom to ask, in every locale. */
    helpdesk: localized,
  })
  .strict();

export type ApplicationConfig = z.infer<typeof applicationSchema>;
