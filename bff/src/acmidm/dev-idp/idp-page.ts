// The simulated ACM/IDM IdP's page: choose a digital key (the means, which sets the level: only the
// ones the request allows), then who logs in; or cancel. In Dutch, Flemish or English.
import type { Locale } from '../../../../contract/locales.js';
import { escapeHtml } from '../../pages/page-texts.js';
import { levelOfAuthmech } from '../acmidm-levels.js';
import { acmidmTestPeople } from './test-people.js';

type PageText = 'title' | 'intro' | 'means' | 'loginAs' | 'capacities' | 'cancel' | 'banner' | 'level';
const texts: Record<Locale, Record<PageText, string>> = {
  nl: {
    title: 'Gesimuleerd aanmelden bij de Vlaamse overheid',
    intro: 'Dit is een nagebootste aanmeldpagina (ACM/IDM) voor ontwikkeling.',
    means: 'Kies een digitale sleutel',
    loginAs: 'Inloggen als',
    capacities: 'hoedanigheden',
    cancel: 'Annuleren',
    banner: 'Alleen voor ontwikkeling: geen echte gegevens.',
    level: 'niveau',
  },
  'nl-BE': {
    title: 'Gesimuleerd aanmelden bij de Vlaamse overheid',
    intro: 'Dit is een nagebootste aanmeldpagina (ACM/IDM) voor ontwikkeling.',
    means: 'Kies een digitale sleutel',
    loginAs: 'Aanmelden als',
    capacities: 'hoedanigheden',
    cancel: 'Annuleren',
    banner: 'Enkel voor ontwikkeling: geen echte gegevens.',
    level: 'niveau',
  },
  en: {
    title: 'Simulated Flemish government login',
    intro: 'This is a simulated login page (ACM/IDM) for development.',
    means: 'Choose a digital key',
    loginAs: 'Log in as',
    capacities: 'capacities',
    cancel: 'Cancel',
    banner: 'Development only: no real data.',
    level: 'level',
  },
};

export interface IdpPageInput {
  lang: Locale;
  answerAction: string;
  /** The means the request allows, strongest first. */
  authmechs: string[];
  state: Record<string, string>;
}

export function idpPage(input: IdpPageInput): string {
  const t = texts[input.lang];
  const hidden = Object.entries(input.state)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  const means = input.authmechs
    .map((urn, i) => {
      const name = urn.split(':').pop()!;
      return `<li><label><input type="radio" name="authmech" value="${escapeHtml(urn)}"${i === 0 ? ' checked' : ''}> ${escapeHtml(name)} (${escapeHtml(t.level)} ${escapeHtml(levelOfAuthmech(urn) ?? '?')})</label></li>`;
    })
    .join('');
  const people = acmidmTestPeople
    .map(
      (p) =>
        `<li><button type="submit" name="answer" value="person:${escapeHtml(p.key)}">${escapeHtml(t.loginAs)} ${escapeHtml(`${p.givenName} ${p.familyName}`)}</button> ` +
        `(${escapeHtml(t.capacities)}: ${escapeHtml(p.capacities.map((c) => (c.kbo ? `${c.code} ${c.kbo}` : c.code)).join(', '))})</li>`,
    )
    .join('');
  return (
    `<!doctype html><html lang="${input.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(t.title)}</title><link rel="stylesheet" href="/assets/site.css"></head><body>` +
    `<header><strong>Vlaanderen</strong> · ${escapeHtml(t.title)}</header><main>` +
    `<p role="note">${escapeHtml(t.banner)}</p><h1>${escapeHtml(t.title)}</h1><p>${escapeHtml(t.intro)}</p>` +
    `<form method="post" action="${escapeHtml(input.answerAction)}">${hidden}` +
    `<fieldset><legend>${escapeHtml(t.means)}</legend><ul>${means}</ul></fieldset><ul>${people}</ul>` +
    `<p><button type="submit" name="answer" value="cancelled">${escapeHtml(t.cancel)}</button></p></form></main></body></html>`
  );
}
