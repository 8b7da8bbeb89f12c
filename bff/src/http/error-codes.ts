// Every error code the BFF returns, with its HTTP status and a default English message. The codes
// are stable API: the widget maps each to a text in widget/locales (a test checks all are there).
// The codes a login redirect brings back as `?poort-error=` are in contract/redirect-errors.ts.
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../contract/passwords.js';

export const errorCodes = {
  invalid_request: { status: 400, message: 'The request is not valid.' },
  malformed_json: { status: 400, message: 'The request body is not valid JSON.' },
  unsupported_media_type: { status: 415, message: 'Send the request body as application/json.' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  not_found: { status: 404, message: 'There is nothing at this address.' },
  method_not_allowed: { status: 405, message: 'This method is not allowed here.' },
  forbidden_origin: { status: 403, message: 'This request must come from the site itself.' },
  unauthenticated: { status: 401, message: 'You are not logged in.' },
  forbidden: { status: 403, message: 'You may not do this.' },
  unknown_broker: { status: 400, message: 'This eHerkenning broker is not known here.' },
  invalid_return_to: { status: 400, message: 'The address to return to after logging in is not allowed.' },
  eherkenning_unavailable: {
    status: 503,
    message: 'Logging in with eHerkenning is temporarily unavailable. Please try again in a few minutes.',
  },
  rate_limited: { status: 429, message: 'Too many attempts. Please wait a while and try again.' },
  too_many_mails: { status: 429, message: 'Too many confirmation mails were sent for this account. Please try again later.' },
  service_unavailable: {
    status: 503,
    message: 'The service is temporarily unavailable. Please try again in a few minutes.',
  },
  // Local accounts. invalid_credentials is the one answer for an unknown address, a wrong password,
  // and a blocked or disabled account alike: nobody learns which accounts exist or are blocked.
  invalid_credentials: { status: 401, message: 'The e-mail address or password is not correct.' },
  admin_requires_eherkenning: {
    status: 403,
    message:
      'Administrators must log in with eHerkenning. Not linked yet? Log in with eHerkenning: where the site asks you to link, use this address, this password and the PIN we e-mail you; otherwise the service desk links it.',
  },
  password_too_short: { status: 422, message: `The password must be at least ${PASSWORD_MIN} characters long.` },
  password_too_long: { status: 422, message: `The password may be at most ${PASSWORD_MAX} characters long.` },
  password_too_common: { status: 422, message: 'This password is too common or too easy to guess. Choose another one.' },
  token_invalid: { status: 400, message: 'This link is not valid.' },
  token_used: { status: 410, message: 'This link has already been used.' },
  token_expired: { status: 410, message: 'This link has expired.' },
  email_domain_not_allowed: { status: 422, message: "This e-mail address is not in one of the organisation's allowed domains." },
  email_taken: { status: 409, message: 'There already is an account with this e-mail address.' },
  organisation_unknown: { status: 422, message: 'There is no such organisation.' },
  // Admin scope: an admin gives no role above their own; organisations' domains must be their own.
  role_above_own: { status: 403, message: 'You cannot give a role above your own.' },
  public_mail_domain: { status: 422, message: "A public mail domain (such as gmail.com) cannot be an organisation's domain." },
  // Linking a first eHerkenning login (policy `link`) and activation codes (contract/linking.ts).
  link_not_pending: { status: 409, message: 'There is no eHerkenning login waiting to be linked in this browser. Log in with eHerkenning first.' },
  identity_already_linked: { status: 409, message: 'This eHerkenning identity is already linked to another account.' },
  account_blocked: { status: 403, message: 'This account is blocked or disabled. Ask the administrator of this site.' },
  pin_wrong: { status: 422, message: 'The PIN is not correct.' },
  pin_expired: { status: 410, message: 'The PIN has expired. Ask for a new one.' },
  pin_too_many_attempts: { status: 403, message: 'Too many wrong PINs. Log in with eHerkenning again to start over.' },
  code_unknown: { status: 400, message: 'This activation code is not known.' },
  code_used: { status: 410, message: 'This activation code has already been used.' },
  code_expired: { status: 410, message: 'This activation code has expired.' },
  already_member: { status: 409, message: 'Your account already belongs to this organisation.' },
  level_too_low: { status: 403, message: 'Your eHerkenning level is too low for this account.' },
  last_login_method: { status: 409, message: 'This is the last way this person can log in: give the account a password first.' },
  internal_error: { status: 500, message: 'Something went wrong on our side. Please try again later.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCodes;
