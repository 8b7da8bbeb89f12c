// How people log in. A site configures which methods its widget offers, in its own order.
// `eidas`: a company from another EU country, with its European means, through the same
// eHerkenning brokers (their second service, docs/saml.md "eIDAS").
export const loginMethods = ['eherkenning', 'eidas', 'acmidm', 'email'] as const;
export type LoginMethod = (typeof loginMethods)[number];

/**
 * Methods the BFF has a start route for. ACM/IDM is served only where the site configures its
 * upstream (`acmidm`): the BFF's public configuration leaves it out otherwise.
 */
export const servedMethods: readonly LoginMethod[] = ['eherkenning', 'eidas', 'acmidm', 'email'];

/** Methods that log in through an eHerkenning broker (its list, its SAML answer, a level). */
export const brokerMethods = ['eherkenning', 'eidas'] as const satisfies readonly LoginMethod[];
export type BrokerMethod = (typeof brokerMethods)[number];

export function isBrokerMethod(method: string | null | undefined): method is BrokerMethod {
  return (brokerMethods as readonly string[]).includes(method ?? '');
}

/** Each Poort instance is one environment; `demo` makes the widget show a demo banner. */
export const environments = ['production', 'demo'] as const;
export type Environment = (typeof environments)[number];
