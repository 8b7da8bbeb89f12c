// The modules `npm run test:mutation` mutates, one Stryker run each (test/mutation/run.mjs).
// `vitest` names the group's own vitest config: the tests that may kill the module's mutants.
// Mutants that no test can kill (equivalent mutants) are explained where they live, with
// `// Stryker disable next-line <mutator>: reason` in the source. `breakBelow` (default 90) is the
// score under which the module's run fails.
export const modules = {
  'return-to': { file: 'bff/src/http/return-to.ts', vitest: 'unit' },
  'relay-state': { file: 'bff/src/saml/relay-state.ts', vitest: 'unit' },
  'xml-guard': { file: 'bff/src/saml/xml-guard.ts', vitest: 'unit' },
  'verify-signature': { file: 'bff/src/saml/verify-signature.ts', vitest: 'saml-signature' },
  // Its own group: unit tests that verify real signed Responses with node-saml, no database.
  'verify-response': { file: 'bff/src/saml/verify-response.ts', vitest: 'saml-response' },
  'email-domain': { file: 'bff/src/accounts/email-domain.ts', vitest: 'unit' },
  'admin-scope': { file: 'bff/src/accounts/admin-scope.ts', vitest: 'unit' },
  'password-policy': { file: 'bff/src/passwords/password-policy.ts', vitest: 'unit' },
  'rate-limit-policy': { file: 'bff/src/rate-limits/rate-limit-policy.ts', vitest: 'unit' },
  'forwarded': { file: 'bff/src/http/forwarded.ts', vitest: 'unit' },
  'broker-search': { file: 'widget/src/broker/broker-search.ts', vitest: 'unit' },
  'cut-off-policy': { file: 'bff/src/password-login/cut-off-policy.ts', vitest: 'unit' },
  'cut-off-date': { file: 'bff/src/password-login/cut-off-date.ts', vitest: 'unit' },
  'acting-organisation': { file: 'bff/src/organisations/acting-organisation.ts', vitest: 'unit' },
  'organisation-identifiers': { file: 'bff/src/organisations/organisation-identifiers.ts', vitest: 'unit' },
};
