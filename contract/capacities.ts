// The capacities ("hoedanigheden", ACM/IDM doelgroepen) a person can log in to the Flemish
// government in: as a citizen (BUR) or for an organisation of a kind. Shared because the widget
// names each one in words. Source: authenticatie.vlaanderen.be, "Doelgroepen" (research file).
export const capacityCodes = ['BUR', 'GID', 'LB', 'OV', 'EA', 'VER'] as const;
export type CapacityCode = (typeof capacityCodes)[number];

/** The one capacity without an organisation: the person acts for themselves. */
export const CITIZEN: CapacityCode = 'BUR';
