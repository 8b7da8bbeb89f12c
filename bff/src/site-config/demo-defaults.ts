// What `npm start` runs with when no poort.config.json exists: a demo environment whose brokers
// are the simulated development brokers served by the BFF itself (metadata `dev:<id>`). Only what
// differs from the schema's defaults (bff/src/site-config/schema.ts) is written here.
import { levels } from '../../../contract/levels.js';

export const demoSiteConfig = {
  acmidm: { entityId: 'urn:poort:demo:acmidm-sp', metadata: 'dev:vlaanderen', level: 'loa3' },
  site: {
    helpdesk: {
      name: { nl: 'Servicedesk Voorbeeldportaal', 'nl-BE': 'Contactcenter 1700', en: 'Example portal service desk' },
      phone: '1700',
      url: '/help/',
    },
  },
  brokers: [
    {
      id: 'demo-noord',
      // "Makelaar" as an alias: the word people knew before eHerkenning said "leverancier".
      name: 'Demo Leverancier Noord',
      aliases: ['Noord', 'Makelaar Noord', 'Simulated broker (POST)'],
      metadata: 'dev:demo-noord',
      binding: 'HTTP-POST',
      levels: [...levels],
    },
    {
      id: 'demo-zuid',
      name: 'Demo Leverancier Zuid',
      aliases: ['Zuid', 'Makelaar Zuid', 'Simulated broker (Artifact)'],
      metadata: 'dev:demo-zuid',
      binding: 'HTTP-Artifact',
      levels: ['loa2', 'loa2plus', 'loa3'],
    },
    {
      id: 'demo-eenvoud',
      name: 'Demo Éénvoudig Inloggen',
      aliases: ['Eenvoudig', 'Basic'],
      metadata: 'dev:demo-eenvoud',
      binding: 'HTTP-POST',
      levels: ['loa2'],
    },
  ],
};
