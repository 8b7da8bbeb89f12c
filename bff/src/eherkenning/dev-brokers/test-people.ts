// The made-up companies and people the simulated brokers offer. Pseudonyms are fixed so the same
// person through two brokers is one identity, as with real eHerkenning (the pseudonym comes from
// the authentication service, not from the broker).
import type { Level } from '../../../../contract/levels.js';

export interface TestPerson {
  key: string;
  name: string;
  pseudonym: string;
  company: { name: string; kvk?: string; rsin?: string; vestigingsnr?: string; eidas?: string };
}

/** A person with a European means (eIDAS), acting for a company from another EU country. */
export interface EidasTestPerson extends TestPerson {
  firstName: string;
  familyName: string;
  company: TestPerson['company'] & { eidas: string };
  /** The level their means reaches, when it is not what was asked (the demo's refused eIDAS "low"). */
  level?: Level;
}

export const testPeople: TestPerson[] = [
  { key: 'jan', name: 'Jan de Vries', pseudonym: 'S00000000000000000000000000000000000000000000001', company: { name: 'Bakkerij De Korenschoof B.V.', kvk: '90001234' } },
  { key: 'fatima', name: 'Fatima El Amrani', pseudonym: 'S00000000000000000000000000000000000000000000002', company: { name: 'Installatiebedrijf Noorderlicht', kvk: '90005678', vestigingsnr: '000012345678' } },
  { key: 'pieter', name: 'Pieter Claes', pseudonym: 'S00000000000000000000000000000000000000000000003', company: { name: 'Stichting Waterschapshulp', rsin: '812345678' } },
];

/**
 * Whom the simulated brokers offer for an eIDAS login (the eIDAS node, EB, makes the pseudonym).
 * Ana's means is eIDAS "low" (EH2): Poort must refuse her, whatever the site configured.
 */
export const eidasTestPeople: EidasTestPerson[] = [
  {
    key: 'klaus',
    name: 'Klaus Becker',
    firstName: 'Klaus',
    familyName: 'Becker',
    pseudonym: 'E00000000000000000000000000000000000000000000001',
    company: { name: 'Beispiel Maschinenbau GmbH', eidas: 'DE/NL/HRB123456' },
  },
  {
    key: 'ana',
    name: 'Ana García López',
    firstName: 'Ana',
    familyName: 'García López',
    pseudonym: 'E00000000000000000000000000000000000000000000002',
    company: { name: 'Construcciones Ejemplo S.L.', eidas: 'ES/NL/B12345678' },
    level: 'loa2',
  },
];
