// Every error code the BFF returns, with its HTTP status. The codes are stable API: the widget maps
// each to a text in widget/locales, and the API's own message for each is the text
// `apiError.<code>` (bff/src/texts/locales), in the language the request asks for.
// The codes a login redirect brings back as `?poort-error=` are in contract/redirect-errors.ts.
export const errorCodes = {
  invalid_request: { status: 400 },
  malformed_json: { status: 400 },
  unsupported_media_type: { status: 415 },
  payload_too_large: { status: 413 },
  not_found: { status: 404 },
  method_not_allowed: { status: 405 },
  forbidden_origin: { status: 403 },
  unauthenticated: { status: 401 },
  forbidden: { status: 403 },
  unknown_broker: { status: 400 },
  /** `service=eidas` on a site that does not offer eIDAS. */
  eidas_not_offered: { status: 400 },
  invalid_return_to: { status: 400 },
  eherkenning_unavailable: { status: 503 },
  rate_limited: { status: 429 },
  too_many_mails: { status: 429 },
  service_unavailable: { status: 503 },
  // Local accounts. invalid_credentials is the one answer for an unknown address, a wrong password,
  // and a blocked or disabled account alike: nobody learns which accounts exist or are blocked.
  invalid_credentials: { status: 401 },
  admin_requires_eherkenning: { status: 403 },
  password_too_short: { status: 422 },
  password_too_long: { status: 422 },
  password_too_common: { status: 422 },
  token_invalid: { status: 400 },
  token_used: { status: 410 },
  token_expired: { status: 410 },
  email_domain_not_allowed: { status: 422 },
  email_taken: { status: 409 },
  organisation_unknown: { status: 422 },
  // Password login ended (issue 13): for the site or part of it from a date, or for one temporary account.
  password_login_ended: { status: 403 },
  local_account_ended: { status: 403 },
  // Admin scope: an admin gives no role above their own; organisations' domains must be their own.
  role_above_own: { status: 403 },
  public_mail_domain: { status: 422 },
  // Linking a first eHerkenning login (policy `link`) and activation codes (contract/linking.ts).
  link_not_pending: { status: 409 },
  identity_already_linked: { status: 409 },
  account_blocked: { status: 403 },
  pin_wrong: { status: 422 },
  pin_expired: { status: 410 },
  pin_too_many_attempts: { status: 403 },
  code_unknown: { status: 400 },
  code_used: { status: 410 },
  code_expired: { status: 410 },
  code_revoked: { status: 410 },
  // Revoking an activation code that was used, revoked or expired already.
  code_not_open: { status: 409 },
  already_member: { status: 409 },
  level_too_low: { status: 403 },
  last_login_method: { status: 409 },
  // Acting for organisations (issue 13).
  not_a_member: { status: 403 },
  organisation_not_found: { status: 404 },
  // An ACM/IDM login acts only in a capacity it offered (issue 15).
  capacity_not_offered: { status: 403 },
  // Applications behind one Poort (issue 15): contract/applications.ts, bff/src/applications/.
  unknown_application: { status: 404 },
  method_not_offered: { status: 400 },
  step_up_required: { status: 401 },
  application_forbidden: { status: 403 },
  organisation_choice_needed: { status: 409 },
  // Texts (texts/): an editor's text with problems, or one changed by someone else meanwhile.
  text_invalid: { status: 422 },
  text_version_conflict: { status: 409 },
  internal_error: { status: 500 },
} as const satisfies Record<string, { status: number }>;

export type ErrorCode = keyof typeof errorCodes;
