// The made-up people and organisations the simulated ACM/IDM IdP offers. Marie acts as a citizen
// or for one of two organisations, so the widget's capacity step shows; Luc only as a citizen.
// KBO numbers are made up (with a valid check number).
export interface TestCapacity {
  code: 'BUR' | 'EA' | 'LB';
  /** KBO number of the organisation (10 digits), absent for a citizen. */
  kbo?: string;
}

export interface AcmidmTestPerson {
  key: string;
  givenName: string;
  familyName: string;
  /** The ACM person id (`sub`): fixed, so the same person is one identity across logins. */
  sub: string;
  capacities: TestCapacity[];
}

export const demoOrganisations = [
  { name: "Bakkerij 't Hoekske BV", kbo: '0410203003' },
  { name: 'Gemeente Voorbeeldegem', kbo: '0207123407' },
] as const;

export const acmidmTestPeople: AcmidmTestPerson[] = [
  {
    key: 'marie',
    givenName: 'Marie',
    familyName: 'Peeters',
    sub: 'acm-0000000000000000000000000000000000000001',
    capacities: [{ code: 'BUR' }, { code: 'EA', kbo: demoOrganisations[0].kbo }, { code: 'LB', kbo: demoOrganisations[1].kbo }],
  },
  { key: 'luc', givenName: 'Luc', familyName: 'Janssens', sub: 'acm-0000000000000000000000000000000000000002', capacities: [{ code: 'BUR' }] },
];
