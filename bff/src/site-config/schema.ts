// The shape of poort.config.json: operators write it by hand, so it is validated with zod and a
// bad file stops start-up with a message that names the field. Keep it stable; document changes
// in docs/configuration.md.
// Defaults live here once: nested objects use `.prefault(…)`, which runs the input through the
// object's own schema, so each field's `.default()` fills it and nothing is written out twice.
import { z } from 'zod';
import { eidasMinimumLevel, levels, levelSatisfies } from '../../../contract/levels.js';
import { locales, type Localized } from '../../../contract/locales.js';
import { environments, loginMethods, servedMethods } from '../../../contract/login-methods.js';
import { roles } from '../../../contract/roles.js';
import { CUT_OFF_FORMAT, parseCutOff } from '../password-login/cut-off-date.js';
import { cutOffScopes } from '../password-login/cut-off-policy.js';
import { applicationSchema, returnPathPrefix } from '../applications/application-config.js';

export const unknownIdentityPolicies = ['create', 'link', 'deny'] as const;
export type UnknownIdentityPolicy = (typeof unknownIdentityPolicies)[number];

/** A text in every locale: zod requires each key of an enum-keyed record. */
const localized = z.record(z.enum(locales), z.string().min(1));

/** A moment written as a date ("2027-03-01": the start of that day, Dutch time) or a timestamp with offset. */
const cutOffDate = z.string().transform((text, ctx) => {
  const at = parseCutOff(text);
  if (!at) ctx.issues.push({ code: 'custom', message: `use ${CUT_OFF_FORMAT}`, input: text });
  return at ?? z.NEVER;
});

/** The example site's name, for a configuration that names none (the built-in demo). */
const exampleName: Localized = { nl: 'Voorbeeldportaal', 'nl-BE': 'Voorbeeldtoepassing', en: 'Example portal' };

/** The demo service's registration in the (imaginary) service catalogue. */
export const demoServiceRegistration = {
  entityId: 'urn:poort:demo:sp',
  serviceId: 'urn:etoegang:DV:00000001234567890000:services:1',
  serviceUuid: '8f1bd2c6-2ad6-4ac8-9a5f-e6d1b3c2a001',
  serviceName: exampleName,
};

/** A retention period: at least a day, at most a century. */
const retentionDays = z.number().int().min(1).max(36_500);

/** SP key pairs: PEM files relative to the config file. */
const spKeysSchema = z.object({
  signingKey: z.string().min(1),
  signingCert: z.string().min(1),
  encryptionKey: z.string().min(1),
  encryptionCert: z.string().min(1),
  /** More signing certificates for the metadata (a key rollover: docs/operating.md), not used to sign. */
  additionalSigningCerts: z.array(z.string().min(1)).max(2).default([]),
  /**
   * More decryption keys besides encryptionKey (an encryption key rollover: docs/operating.md):
   * Poort decrypts what was encrypted to any of them. `publish`: list the certificate in the
   * SP metadata too (before the switch, so IdPs may start using the next key); otherwise
   * it only decrypts (after the switch, for answers still encrypted to the previous key).
   */
  additionalEncryptionKeys: z
    .array(z.object({ key: z.string().min(1), cert: z.string().min(1), publish: z.boolean().default(false) }))
    .max(2)
    .default([]),
});
export type SpKeysConfig = z.infer<typeof spKeysSchema>;

/**
 * The Flemish government's login (ACM/IDM, "Toegangsbeheer") as a second SAML upstream:
 * docs/configuration.md, "ACM/IDM". Absent: the method is not offered.
 */
export const acmidmSchema = z.object({
  /** Our SAML entity id as registered in the integratiedossier. */
  entityId: z.string().min(1),
  /** The IdP's SAML metadata: a file path relative to the config file, an https URL, or `dev:vlaanderen` (the simulated IdP, demo only). */
  metadata: z.string().min(1),
  /** PEM file of the certificate that signs the IdP's metadata; when set, unsigned or wrongly signed metadata is refused. */
  metadataSigningCert: z.string().min(1).optional(),
  /** Level every ACM/IDM login must reach (its means map to levels: docs/configuration.md). */
  level: z.enum(levels).default('loa3'),
  /** Our own key pairs for ACM/IDM (its rules want certificates of a public CA or the VO PKI). Unset: development keys under POORT_DATA_DIR. */
  keys: spKeysSchema.optional(),
  /** SAML attribute names of the integratiedossier; defaults: ACM/IDM's claim names. */
  attributeNames: z
    .object({
      subject: z.string().min(1).default('sub'),
      givenName: z.string().min(1).default('given_name'),
      familyName: z.string().min(1).default('family_name'),
      capacity: z.string().min(1).default('vo_doelgroepcode'),
      organisationCode: z.string().min(1).default('vo_orgcode'),
    })
    .prefault({}),
  /**
   * A capacity for a known organisation (its KBO number or OVO code) the person does not belong
   * to yet: `create` makes the membership (role user, with the capacity), since ACM/IDM's user
   * management vouches for it; `find` offers only organisations the person already belongs to.
   */
  membershipFromAnswer: z.enum(['find', 'create']).default('create'),
  /** An ACM/IDM identity seen for the first time: `create` an account, or `deny` the login. */
  unknownIdentity: z.enum(['create', 'deny']).default('create'),
  clockSkewSeconds: z.number().int().min(0).max(300).default(60),
  requestLifetimeMinutes: z.number().int().min(1).max(60).default(15),
  metadataRefreshHours: z.number().int().min(1).max(24 * 7).default(24),
});
export type AcmidmConfig = z.infer<typeof acmidmSchema>;

export const brokerSchema = z.object({
  /** Stable id used in URLs and remembered choices: lower case letters, digits and dashes. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'use lower-case letters, digits and dashes'),
  name: z.string().min(1),
  /** Other names people search for (former names, brand names). */
  aliases: z.array(z.string().min(1)).default([]),
  /** Logo URL (same-site path or https), shown in the broker list. */
  logo: z.string().optional(),
  /** SAML metadata: a file path relative to the config file, or an https URL. */
  metadata: z.string().min(1),
  /** Binding the broker uses to send its Response to our ACS. */
  binding: z.enum(['HTTP-POST', 'HTTP-Artifact']).default('HTTP-POST'),
  /** Levels this broker can deliver. */
  levels: z.array(z.enum(levels)).min(1),
  /**
   * PEM file (relative to the config file) of the certificate that signs this broker's metadata.
   * When set, metadata whose signature does not verify with it is refused.
   */
  metadataSigningCert: z.string().min(1).optional(),
  /** Routing `contracted`: the entity id of this supplier, sent to the contracted broker as a Scoping/IDPList hint. */
  idpHint: z.string().min(1).optional(),
  /** Artifact resolution (SOAP) details, for brokers with binding HTTP-Artifact. */
  artifact: z
    .object({
      /** Some brokers want `text/xml` (SOAP 1.1 style), others `application/soap+xml`. */
      contentType: z.enum(['text/xml', 'application/soap+xml']).default('text/xml'),
      /** TLS client certificate and key (PEM files) for the SOAP call, when the broker asks for one. */
      tlsClientCert: z.string().min(1).optional(),
      tlsClientKey: z.string().min(1).optional(),
      /**
       * PEM file of the CA(s) to trust for the broker's SOAP endpoint besides Node's defaults, e.g.
       * the PKIoverheid private root, which is not in the public trust stores.
       */
      tlsCa: z.string().min(1).optional(),
    })
    .default({ contentType: 'text/xml' }),
});
export type BrokerConfig = z.infer<typeof brokerSchema>;

/** A Dutch government organisation number (OIN): 20 digits. */
const oin = z.string().regex(/^\d{20}$/, 'an OIN: 20 digits');

/**
 * Our entry in the eHerkenning service catalogue (dienstencatalogus, docs/saml.md): served signed at
 * /poort/auth/eherkenning/service-catalogue for the broker that registers it. Each service there is
 * a ServiceDefinition (what it is, its level, whom it serves) and a ServiceInstance (its ServiceID
 * and the ServiceUUID answers carry, `serviceUuid`, which is why the definition has a UUID of its own).
 */
export const serviceCatalogueSchema = z.object({
  /** OIN of the broker (herkenningsmakelaar) that registers this entry. */
  brokerOin: oin,
  /** Other brokers that offer the same service instances (AdditionalHerkenningsmakelaarId). */
  additionalBrokerOins: z.array(oin).max(20).default([]),
  /** Raised with every change the broker is sent (Version `urn:etoegang:1.13:service-catalogue:<T|P>:<n>`). */
  sequence: z.number().int().min(1).default(1),
  /** What the eHerkenning service is for, for the authorisation registers' administrators (max 1024). */
  description: localized,
  /** The UUID of the eHerkenning ServiceDefinition. */
  definitionUuid: z.uuid(),
  /** The same for the eIDAS service; needed when `eherkenning.eidas` is set. */
  eidasDescription: localized.optional(),
  eidasDefinitionUuid: z.uuid().optional(),
  /** Shown by brokers and registers; https. */
  serviceUrl: z.url({ protocol: /^https$/ }).optional(),
  privacyPolicyUrl: z.url({ protocol: /^https$/ }).optional(),
});
export type ServiceCatalogueConfig = z.infer<typeof serviceCatalogueSchema>;

export const siteConfigSchema = z.object({
  /** `demo` shows a demo banner in the widget; accounts never cross environments. */
  environment: z.enum(environments).default('demo'),
  site: z
    .object({
      name: localized.default(exampleName),
      /** Same-site path prefixes a login may return to; anything else is refused. */
      returnToPrefixes: z.array(returnPathPrefix).default(['/']),
      helpdesk: z
        .object({
          /** Defaults of the texts `help.contact.*` (bff/src/texts/site-texts.ts): editors may change them per language. */
          name: localized,
          /** One number for every language, or one per language (a Flemish page names the Flemish helpdesk). */
          phone: z.union([z.string().min(1), localized]).optional(),
          /** When the helpdesk answers, a sentence per language. */
          hours: localized.optional(),
          url: z.string().optional(),
          email: z.string().optional(),
        })
        .optional(),
    })
    .prefault({}),
  /** Which login methods the widget offers, in this order; by default every method the BFF serves. */
  methods: z.array(z.enum(loginMethods)).min(1).default(() => [...servedMethods]),
  eherkenning: z
    .object({
      entityId: z.string().min(1),
      serviceId: z.string().min(1),
      serviceUuid: z.uuid(),
      serviceName: localized,
      /** Level every login must reach. */
      level: z.enum(levels).default('loa2plus'),
      /** Stricter minimum per role, e.g. admins ≥ loa2plus (seed 000). */
      roleLevels: z.partialRecord(z.enum(roles), z.enum(levels)).default({ admin: 'loa2plus' }),
      attributeConsumingServiceIndex: z.number().int().min(0).default(1),
      /**
       * `per-broker`: every broker is an IdP of its own (its own metadata, its own AuthnRequest).
       * `contracted`: all requests go to the one broker with id `contractedBroker`; the user's
       * choice travels as a Scoping/IDPList hint (the broker's `idpHint`).
       */
      routing: z.enum(['per-broker', 'contracted']).default('per-broker'),
      contractedBroker: z.string().optional(),
      /** SP key pairs (PEM files relative to the config file). Unset: development keys under POORT_DATA_DIR. */
      keys: spKeysSchema.optional(),
      /**
       * eIDAS (European companies), the brokers' second service: present means the site offers it.
       * Its own entry in the service catalogue (ServiceID, ServiceUUID, its AttributeConsumingService
       * index); level EH3 or higher, never lower (eIDAS "substantial" or "high").
       */
      eidas: z
        .object({
          serviceId: z.string().min(1),
          serviceUuid: z.uuid(),
          serviceName: localized,
          attributeConsumingServiceIndex: z.number().int().min(0).default(2),
          level: z
            .enum(levels)
            .default(eidasMinimumLevel)
            .refine((level) => levelSatisfies(level, eidasMinimumLevel), 'eIDAS logins need EH3 (loa3, eIDAS "substantial") or EH4 (loa4, "high"); a lower level is not allowed'),
        })
        .optional(),
      /** Our entry in the service catalogue; absent: /poort/auth/eherkenning/service-catalogue answers 404. */
      catalogue: serviceCatalogueSchema.optional(),
      /**
       * What to do with an eHerkenning identity seen for the first time: `create` a new, empty
       * account; `link` it to an existing account (password + mailed PIN) or a new one made with an
       * activation code, in the widget's linking step (DUO); or `deny` the login with the helpdesk.
       */
      unknownIdentity: z.enum(unknownIdentityPolicies).default('create'),
      /**
       * An answer that names a known organisation (its KvK number or RSIN, and Vestigingsnummer) the
       * person does not belong to yet: `find` logs them in without it; `create` makes the membership
       * (role user) and logs them in acting for it. Organisations themselves stay the service desk's.
       */
      membershipFromAnswer: z.enum(['find', 'create']).default('find'),
      /** Accepted clock difference with brokers, seconds. */
      clockSkewSeconds: z.number().int().min(0).max(300).default(60),
      /** How long a started login may take before its request id expires, minutes. */
      requestLifetimeMinutes: z.number().int().min(1).max(60).default(15),
      /** How often https metadata is fetched again, hours. */
      metadataRefreshHours: z.number().int().min(1).max(24 * 7).default(24),
    })
    // The demo service's registration; every other field takes its default above.
    .prefault(demoServiceRegistration),
  brokers: z.array(brokerSchema).default([]),
  acmidm: acmidmSchema.optional(),
  /**
   * The applications behind this Poort (issue 15): one login for all of them (single sign-on), each
   * with its own minimum level per method, rights and need-to-know attributes. None: the site is one
   * application, as before.
   */
  applications: z.array(applicationSchema).default([]),
  /** The linking step of `eherkenning.unknownIdentity: link` and activation codes. */
  linking: z
    .object({
      /** How long a person has, after the eHerkenning login, to finish linking, minutes. */
      pendingMinutes: z.number().int().min(5).max(120).default(30),
      /** How long an issued activation code works, days. */
      activationCodeDays: z.number().int().min(1).max(365).default(30),
      /**
       * Where "Wachtwoord vergeten" on the linking step sends the reset link: the `account`'s own
       * address (the normal reset), or the `organisation-contact` (the organisation's authorised
       * contact, DUO's gemachtigde) where the organisation has one, else the account's address.
       */
      passwordResetTo: z.enum(['account', 'organisation-contact']).default('account'),
    })
    .prefault({}),
  sessions: z
    .object({
      idleMinutes: z.number().int().min(1).max(24 * 60).default(30),
      absoluteHours: z.number().int().min(1).max(7 * 24).default(8),
    })
    .prefault({}),
  localAccounts: z
    .object({
      /** Consecutive failed logins before the account is blocked. */
      maxFailedLogins: z.number().int().min(1).max(100).default(5),
      /**
       * After this many failed logins in one browser the e-mail form explains the lockout (how
       * many attempts block an account, how to get back in), for any address alike.
       */
      lockoutNoticeAfter: z.number().int().min(1).max(100).default(2),
      /**
       * Failed password logins per client network (an IPv4 address or an IPv6 /64) per window,
       * shared by all instances; then 429 with Retry-After until the window ends. A successful
       * login does not count, so many people behind one office address can log in.
       */
      loginAttemptsPerClient: z.number().int().min(1).max(100_000).default(50),
      loginWindowMinutes: z.number().int().min(1).max(24 * 60).default(15),
      /** Seed 000: "Voor Beheerders is het gebruik van eHerkenning 2+ verplicht". */
      adminsMustUseEherkenning: z.boolean().default(true),
      /** The site page that embeds <poort-email-form>; links in mails open it with ?poort-reset=… etc. */
      accountPage: z.string().regex(/^\/(?!\/)/, 'must be a path starting with a single /').default('/account/'),
      /**
       * From this moment on, password login is refused (seed 003: after the switch to eHerkenning
       * "vervalt het inloggen met wachtwoord"); before it the e-mail step shows the date. Unset: no end.
       */
      passwordLoginUntil: cutOffDate.optional(),
      /** Whom the end holds for: `everyone`, or `linkedOnly`: people who have linked an eHerkenning identity. */
      passwordLoginScope: z.enum(cutOffScopes).default('everyone'),
    })
    .prefault({}),
  audit: z
    .object({
      /** Days an audit event is kept before the retention job deletes it. */
      keepDays: retentionDays.default(730),
      /** Other periods for some event types, e.g. `{ "login": 365, "audit_exported": 1825 }`. */
      keepDaysByType: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'an event type: lower-case letters, digits and _'), retentionDays).default({}),
    })
    .prefault({}),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;
