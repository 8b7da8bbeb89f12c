// The HTML of /poort/beheer/: the shell that loads the Beheer elements for an admin, or, for
// anyone else, a page in their language saying why not and where to go. Pure: no HTTP.
import type { Level } from '../../../contract/levels.js';
import type { Locale } from '../../../contract/locales.js';
import { BASE } from '../../../contract/paths.js';
import { escapeHtml } from '../pages/page-texts.js';

export type BeheerRefusal = 'not_logged_in' | 'not_an_admin' | 'level_too_low';

interface Texts {
  title: string;
  noscript: string;
  back: string;
  refusals: Record<BeheerRefusal, { heading: string; text: (level: string) => string }>;
}

const levelNames: Record<Level, string> = { loa2: 'eH2', loa2plus: 'eH2+', loa3: 'eH3', loa4: 'eH4' };

const texts: Record<Locale, Texts> = {
  nl: {
    title: 'Beheer',
    noscript: 'Voor de beheerpagina is JavaScript nodig.',
    back: 'Terug naar de website',
    refusals: {
      not_logged_in: { heading: 'Log eerst in', text: () => 'Log op de website in met eHerkenning en open deze pagina daarna opnieuw.' },
      not_an_admin: { heading: 'Geen toegang tot Beheer', text: () => 'Alleen beheerders van een organisatie en de servicedesk kunnen deze pagina gebruiken. Vraag de beheerder van uw organisatie als u toegang nodig hebt.' },
      level_too_low: { heading: 'Log in met een hoger niveau', text: (level) => `Voor Beheer moet u inloggen met eHerkenning op niveau ${level} of hoger. Log uit, log opnieuw in met eHerkenning en open deze pagina opnieuw.` },
    },
  },
  'nl-BE': {
    title: 'Beheer',
    noscript: 'Voor de beheerpagina is JavaScript nodig.',
    back: 'Terug naar de website',
    refusals: {
      not_logged_in: { heading: 'Meld u eerst aan', text: () => 'Meld u op de website aan met eHerkenning en open deze pagina daarna opnieuw.' },
      not_an_admin: { heading: 'Geen toegang tot Beheer', text: () => 'Alleen beheerders van een organisatie en de servicedesk kunnen deze pagina gebruiken. Vraag de beheerder van uw organisatie als u toegang nodig hebt.' },
      level_too_low: { heading: 'Meld u aan met een hoger niveau', text: (level) => `Voor Beheer moet u zich aanmelden met eHerkenning op niveau ${level} of hoger. Meld u af, meld u opnieuw aan met eHerkenning en open deze pagina opnieuw.` },
    },
  },
  en: {
    title: 'Administration',
    noscript: 'The administration page needs JavaScript.',
    back: 'Back to the website',
    refusals: {
      not_logged_in: { heading: 'Log in first', text: () => 'Log in on the website with eHerkenning, then open this page again.' },
      not_an_admin: { heading: 'No access to Administration', text: () => "Only an organisation's administrators and the service desk can use this page. Ask your organisation's administrator if you need access." },
      level_too_low: { heading: 'Log in with a higher level', text: (level) => `Administration needs a login with eHerkenning at level ${level} or higher. Log out, log in again with eHerkenning, and open this page again.` },
    },
  },
};

function page(lang: Locale, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>${body.includes('poort-beheer') ? `<script type="module" src="${BASE}/beheer/beheer.js"></script>` : ''}</head><body>${body}</body></html>`;
}

export function beheerShell(lang: Locale): string {
  const t = texts[lang];
  return page(lang, t.title, `<main><poort-beheer lang="${lang}" bff="${BASE}"><noscript><p>${escapeHtml(t.noscript)}</p></noscript></poort-beheer></main>`);
}

export function beheerRefusalPage(lang: Locale, refusal: BeheerRefusal, back: string, requiredLevel?: Level): string {
  const t = texts[lang];
  const r = t.refusals[refusal];
  return page(
    lang,
    r.heading,
    `<main><h1>${escapeHtml(r.heading)}</h1><p data-poort-refusal="${refusal}">${escapeHtml(r.text(requiredLevel ? levelNames[requiredLevel] : ''))}</p><p><a href="${escapeHtml(back)}">${escapeHtml(t.back)}</a></p></main>`,
  );
}
