// The made-up companies and people the simulated brokers offer. Pseudonyms are fixed so the same
// person through two brokers is one identity, as with real eHerkenning (the pseudonym comes from
// the authentication service, not from the broker).
export interface TestPerson {
  key: string;
  name: string;
  pseudonym: string;
  company: { name: string; kvk?: string; rsin?: string; vestigingsnr?: string };
}

export const testPeople: TestPerson[] = [
  { key: 'jan', name: 'Jan de Vries', pseudonym: 'S00000000000000000000000000000000000000000000001', company: { name: 'Bakkerij De Korenschoof B.V.', kvk: '90001234' } },
  { key: 'fatima', name: 'Fatima El Amrani', pseudonym: 'S00000000000000000000000000000000000000000000002', company: { name: 'Installatiebedrijf Noorderlicht', kvk: '90005678', vestigingsnr: '000012345678' } },
  { key: 'pieter', name: 'Pieter Claes', pseudonym: 'S00000000000000000000000000000000000000000000003', company: { name: 'Stichting Waterschapshulp', rsin: '812345678' } },
];
