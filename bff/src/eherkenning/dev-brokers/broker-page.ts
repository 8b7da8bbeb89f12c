// The simulated broker's page: pick a test person (who acts for a test company), or press
// "Annuleren" or "Geen machtiging" to try the failure paths. In Dutch, Flemish or English.
import type { Locale } from '../../../../contract/locales.js';
import { escapeHtml } from '../../pages/page-texts.js';
import type { ServiceKind } from '../../saml/sp-context.js';
import { eidasTestPeople, testPeople, type TestPerson } from './test-people.js';

type PageText = 'title' | 'intro' | 'eidasIntro' | 'level' | 'loginAs' | 'cancel' | 'noAuthorisation' | 'forCompany' | 'banner' | 'eidasLow';

const texts: Record<Locale, Record<PageText, string>> = {
  nl: {
    title: 'Gesimuleerde eHerkenningsleverancier',
    intro: 'Dit is een nagebootste leverancier voor ontwikkeling. Kies met wie u inlogt.',
    eidasIntro: 'Inloggen als Europees bedrijf (eIDAS): de leverancier stuurt u naar het eIDAS-knooppunt. Kies met wie u inlogt.',
    eidasLow: 'Europees middel op niveau laag (wordt geweigerd)',
    level: 'Gevraagd betrouwbaarheidsniveau: eHerkenning niveau',
    loginAs: 'Inloggen als',
    forCompany: 'namens',
    cancel: 'Annuleren',
    noAuthorisation: 'Geen machtiging',
    banner: 'Alleen voor ontwikkeling: geen echte gegevens.',
  },
  'nl-BE': {
    title: 'Gesimuleerde eHerkenningsleverancier',
    intro: 'Dit is een nagebootste leverancier voor ontwikkeling. Kies met wie u zich aanmeldt.',
    eidasIntro: 'Aanmelden als Europees bedrijf (eIDAS): de leverancier stuurt u naar het eIDAS-knooppunt. Kies met wie u zich aanmeldt.',
    eidasLow: 'Europese sleutel op niveau laag (wordt geweigerd)',
    level: 'Gevraagd betrouwbaarheidsniveau: eHerkenning niveau',
    loginAs: 'Aanmelden als',
    forCompany: 'namens',
    cancel: 'Annuleren',
    noAuthorisation: 'Geen machtiging',
    banner: 'Enkel voor ontwikkeling: geen echte gegevens.',
  },
  en: {
    title: 'Simulated eHerkenning supplier',
    intro: 'This is a simulated supplier for development. Choose who logs in.',
    eidasIntro: 'Logging in as a European company (eIDAS): the supplier sends you to the eIDAS node. Choose who logs in.',
    eidasLow: 'European means at level low (will be refused)',
    level: 'Requested level of assurance: eHerkenning level',
    loginAs: 'Log in as',
    forCompany: 'for',
    cancel: 'Cancel',
    noAuthorisation: 'No authorisation',
    banner: 'Development only: no real data.',
  },
};

export interface BrokerPageInput {
  lang: Locale;
  brokerName: string;
  answerAction: string;
  level: string;
  /** eIDAS shows the European test people instead of the Dutch ones. */
  service: ServiceKind;
  /** Hidden fields carried to the answer: the request id, RelayState, level. */
  state: Record<string, string>;
}

/** `loa2plus` → `2+`: the level as eHerkenning names it to people, never the protocol code. */
export function levelInWords(level: string): string {
  return level.replace(/^loa/, '').replace(/plus$/, '+');
}

export function brokerPage(input: BrokerPageInput): string {
  const t = texts[input.lang];
  const hidden = Object.entries(input.state)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  const person = (p: TestPerson, identifier: string) =>
    `<li><button type="submit" name="answer" value="person:${escapeHtml(p.key)}">${escapeHtml(t.loginAs)} ${escapeHtml(p.name)}</button> ${escapeHtml(t.forCompany)} ${escapeHtml(p.company.name)} (${identifier})</li>`;
  const people =
    input.service === 'eidas'
      ? eidasTestPeople.map((p) => person(p, `eIDAS ${escapeHtml(p.company.eidas)}${p.level ? `; ${escapeHtml(t.eidasLow)}` : ''}`)).join('')
      : testPeople
          .map((p) =>
            person(p, `${p.company.kvk ? `KvK ${escapeHtml(p.company.kvk)}` : `RSIN ${escapeHtml(p.company.rsin ?? '')}`}${p.company.vestigingsnr ? `, vestiging ${escapeHtml(p.company.vestigingsnr)}` : ''}`),
          )
          .join('');
  return (
    `<!doctype html><html lang="${input.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(input.brokerName)} – ${escapeHtml(t.title)}</title><link rel="stylesheet" href="/assets/site.css"></head><body>` +
    `<header><strong>${escapeHtml(input.brokerName)}</strong> · ${escapeHtml(t.title)}</header><main>` +
    `<p role="note">${escapeHtml(t.banner)}</p><h1>${escapeHtml(t.title)}</h1><p>${escapeHtml(input.service === 'eidas' ? t.eidasIntro : t.intro)}</p>` +
    `<p>${escapeHtml(t.level)} ${escapeHtml(levelInWords(input.level))}</p>` +
    `<form method="post" action="${escapeHtml(input.answerAction)}">${hidden}<ul>${people}</ul>` +
    `<p><button type="submit" name="answer" value="cancelled">${escapeHtml(t.cancel)}</button> ` +
    `<button type="submit" name="answer" value="no_authorisation">${escapeHtml(t.noAuthorisation)}</button></p></form></main></body></html>`
  );
}
