// The error codes a refusal page has its own message for (`page.error.message.<code>`); any other
// code gets the generic one. A test checks this list against the texts.
export const errorPageCodes: ReadonlySet<string> = new Set(['unknown_broker', 'invalid_return_to', 'payload_too_large', 'eherkenning_unavailable', 'service_unavailable', 'not_found', 'unknown_application', 'method_not_offered']);
