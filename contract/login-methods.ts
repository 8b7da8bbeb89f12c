// How people log in. A site configures which methods its widget offers, in its own order.
export const loginMethods = ['eherkenning', 'acmidm', 'email'] as const;
export type LoginMethod = (typeof loginMethods)[number];

/**
 * Methods the BFF has a start route for. ACM/IDM is allowed in the configuration but has no start
 * route yet: offering it would send people to a 404, so neither side offers it until one exists.
 */
export const servedMethods: readonly LoginMethod[] = ['eherkenning', 'email'];

/** Each Poort instance is one environment; `demo` makes the widget show a demo banner. */
export const environments = ['production', 'demo'] as const;
export type Environment = (typeof environments)[number];
