// How people log in. A site configures which methods its widget offers, in its own order.
export const loginMethods = ['eherkenning', 'acmidm', 'email'] as const;
export type LoginMethod = (typeof loginMethods)[number];

/**
 * Methods the BFF has a start route for. ACM/IDM is served only where the site configures its
 * upstream (`acmidm`): the BFF's public configuration leaves it out otherwise.
 */
export const servedMethods: readonly LoginMethod[] = ['eherkenning', 'acmidm', 'email'];

/** Each Poort instance is one environment; `demo` makes the widget show a demo banner. */
export const environments = ['production', 'demo'] as const;
export type Environment = (typeof environments)[number];
