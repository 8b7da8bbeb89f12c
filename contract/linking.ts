// What the BFF and the widget share about linking a first eHerkenning login to an account
// (site policy `eherkenning.unknownIdentity: link`).

/**
 * The ACS sends the browser back to the site with `?poort-link=pending` when the eHerkenning
 * identity is not known yet: the widget then shows its linking step. The parameter carries no
 * secret: the pending link itself is bound to the browser's login-binding cookie.
 */
export const linkParameter = 'poort-link';

/** Digits of the PIN mailed to the account's address (step a). */
export const PIN_LENGTH = 6;

/** Activation codes are 16 characters of Crockford base32, shown in groups of four. */
export const ACTIVATION_CODE_LENGTH = 16;

/** The refusals of the linking routes; each has a text in widget/locales under `errors.`. */
export const linkErrorCodes = [
  'link_not_pending',
  'identity_already_linked',
  'account_blocked',
  'pin_wrong',
  'pin_expired',
  'pin_too_many_attempts',
  'code_unknown',
  'code_used',
  'code_expired',
  'code_revoked',
  'email_domain_not_allowed',
  'already_member',
] as const;
export type LinkErrorCode = (typeof linkErrorCodes)[number];
