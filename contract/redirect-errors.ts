// A login that fails after the browser left the site (at the broker, at the ACS) comes back to the
// site with `?poort-error=<code>`; the widget shows a text per code.
export const errorParameter = 'poort-error';

/**
 * The codes the BFF's login redirect puts in `poort-error`. service_mismatch: a genuine, signed
 * answer for another service than the one configured here; broker_unavailable: the chosen broker
 * cannot be reached now (its metadata cannot be had), so the person never left the site.
 * identity_unknown: an eHerkenning identity seen for the first time on a site whose policy is
 * `unknownIdentity: deny`. eidas_level_too_low: an eIDAS answer below EH3 (eIDAS "substantial"),
 * which no site setting can lower.
 */
export const loginRedirectErrors = ['cancelled', 'level_too_low', 'no_authorisation', 'saml_invalid', 'service_mismatch', 'broker_unavailable', 'identity_unknown', 'eidas_level_too_low'] as const;
export type LoginRedirectError = (typeof loginRedirectErrors)[number];
