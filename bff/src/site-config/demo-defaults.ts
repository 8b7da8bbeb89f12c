// What `npm start` runs with when no poort.config.json exists: a demo environment whose brokers
// are the simulated development brokers served by the BFF itself (metadata `dev:<id>`). Only what
// differs from the schema's defaults (bff/src/site-config/schema.ts) is written here.
import { levels } from '../../../contract/levels.js';
import { demoServiceRegistration } from './schema.js';

export const demoSiteConfig = {
  acmidm: { entityId: 'urn:poort:demo:acmidm-sp', metadata: 'dev:vlaanderen', level: 'loa3' },
  site: {
    helpdesk: {
      // Per language: the Dutch page names a Dutch helpdesk, the Flemish page the Flemish 1700.
      // Defaults of the texts help.contact.* (bff/src/texts/site-texts.ts), which editors may change.
      name: { nl: 'Informatie Rijksoverheid', 'nl-BE': 'Contactcenter 1700', en: 'Government Information Service (Informatie Rijksoverheid)' },
      phone: { nl: '1400', 'nl-BE': '1700', en: '+31 77 465 67 67' },
      hours: {
        nl: 'Bereikbaar op werkdagen van 8.00 tot 20.00 uur.',
        'nl-BE': 'Bereikbaar elke werkdag van 9 tot 19 uur.',
        en: 'Open on working days from 8 am to 8 pm (Dutch time).',
      },
      url: '/help/',
    },
  },
  eherkenning: {
    ...demoServiceRegistration,
    // The demo's second service: eIDAS for companies from other EU countries (its own ServiceID,
    // ServiceUUID and AttributeConsumingService index 2).
    eidas: {
      serviceId: 'urn:etoegang:DV:00000001234567890000:services:2',
      serviceUuid: '8f1bd2c6-2ad6-4ac8-9a5f-e6d1b3c2a002',
      serviceName: { nl: 'Voorbeeldportaal (eIDAS)', 'nl-BE': 'Voorbeeldtoepassing (eIDAS)', en: 'Example portal (eIDAS)' },
    },
    // Our entry in the (imaginary) service catalogue, served at /poort/auth/eherkenning/service-catalogue.
    catalogue: {
      brokerOin: '00000009999999990000',
      definitionUuid: '8f1bd2c6-2ad6-4ac8-9a5f-e6d1b3c2a101',
      eidasDefinitionUuid: '8f1bd2c6-2ad6-4ac8-9a5f-e6d1b3c2a102',
      description: {
        nl: 'Inloggen op het voorbeeldportaal namens uw onderneming.',
        'nl-BE': 'Aanmelden op de voorbeeldtoepassing namens uw onderneming.',
        en: 'Logging in to the example portal on behalf of your company.',
      },
      eidasDescription: {
        nl: 'Inloggen op het voorbeeldportaal namens een onderneming uit een ander EU-land.',
        'nl-BE': 'Aanmelden op de voorbeeldtoepassing namens een onderneming uit een ander EU-land.',
        en: 'Logging in to the example portal on behalf of a company from another EU country.',
      },
    },
  },
  // Three small demo applications behind this one Poort (issue 15), so single sign-on and step-up
  // can be seen: the Flemish pages /vl/app-a/ and /vl/app-b/ (the latter at level 3) and the Dutch
  // /loket/. Their pages are in demo-site/public/.
  applications: [
    {
      id: 'app-a',
      name: { nl: 'Subsidieloket (toepassing A)', 'nl-BE': 'Subsidieloket (toepassing A)', en: 'Grants desk (application A)' },
      returnToPrefixes: ['/vl/app-a/'],
      levels: { eherkenning: 'loa2plus', acmidm: 'loa2', email: 'password' },
      attributes: ['companyName', 'kvk', 'email', 'displayName', 'organisation', 'capacity'],
      helpdesk: {
        nl: 'Vragen over het Subsidieloket? Bel 1700 (gratis) of mail subsidieloket@voorbeeld.example.',
        'nl-BE': 'Vragen over het Subsidieloket? Bel gratis 1700 of mail naar subsidieloket@voorbeeld.example.',
        en: 'Questions about the Grants desk? Call 1700 (free of charge) or e-mail subsidieloket@voorbeeld.example.',
      },
    },
    {
      id: 'app-b',
      name: { nl: 'Vergunningen (toepassing B)', 'nl-BE': 'Vergunningen (toepassing B)', en: 'Permits (application B)' },
      returnToPrefixes: ['/vl/app-b/'],
      // Through the Flemish government only with the strongest means (eID, itsme): level 4.
      levels: { eherkenning: 'loa3', acmidm: 'loa4' },
      attributes: ['companyName', 'kvk', 'organisation', 'capacity'],
      helpdesk: {
        nl: 'Geen toegang tot Vergunningen? Uw beheerder geeft u de rechten; of bel 1700.',
        'nl-BE': 'Geen toegang tot Vergunningen? Uw lokale beheerder kent u de rechten toe; of bel gratis 1700.',
        en: 'No access to Permits? Your administrator grants the rights; or call 1700.',
      },
    },
    {
      id: 'loket',
      name: { nl: 'Ondernemersloket', 'nl-BE': 'Ondernemersloket', en: 'Business desk' },
      returnToPrefixes: ['/loket/'],
      // Also for Flemish businesses (the Flemish government's login at its lowest level) and for
      // companies from other EU countries (eIDAS, at its floor EH3).
      levels: { eherkenning: 'loa2plus', eidas: 'loa3', acmidm: 'loa2', email: 'password' },
      attributes: ['companyName', 'kvk', 'eidas', 'personName', 'email', 'organisation', 'capacity'],
      helpdesk: {
        nl: 'Vragen over het Ondernemersloket? Neem contact op met de servicedesk van het Voorbeeldportaal.',
        'nl-BE': 'Vragen over het Ondernemersloket? Neem contact op met de servicedesk van het Voorbeeldportaal.',
        en: 'Questions about the Business desk? Contact the Example portal service desk.',
      },
    },
  ],
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
