// The account page in the language of the mail whose link opened it: Poort's mail links carry
// `?poort-lang=nl-BE` (or nl, en). A site does this for its own page; <poort-email-form> follows
// <html lang> by itself. Runs before session-status.js, which reads <html lang> once.
const texts = {
  nl: {
    title: 'Mijn account – Voorbeeldportaal',
    site: 'Voorbeeldportaal',
    tagline: 'inloggen met e-mailadres',
    home: 'Inloggen (alle methoden)',
    homeHref: '/',
    outbox: 'Verzonden e-mail (ontwikkeling)',
    heading: 'Mijn account',
    footer: 'Demo van Poort. Geen echte gegevens.',
  },
  'nl-BE': {
    title: 'Mijn account – Vlaamse voorbeeldtoepassing',
    site: 'Vlaamse voorbeeldtoepassing',
    tagline: 'aanmelden met e-mailadres',
    home: 'Aanmelden (alle methoden)',
    homeHref: '/vl/',
    outbox: 'Verzonden e-mail (ontwikkeling)',
    heading: 'Mijn account',
    footer: 'Demo van Poort. Geen echte gegevens.',
  },
  en: {
    title: 'My account – Example portal',
    site: 'Example portal',
    tagline: 'log in with e-mail address',
    home: 'Log in (all methods)',
    homeHref: '/en/',
    outbox: 'Sent e-mail (development)',
    heading: 'My account',
    footer: 'Poort demo. No real data.',
  },
};

const wanted = new URLSearchParams(location.search).get('poort-lang');
const lang = Object.keys(texts).find((l) => l.toLowerCase() === wanted?.toLowerCase());
if (lang) {
  const t = texts[lang];
  document.documentElement.lang = lang;
  document.title = t.title;
  for (const el of document.querySelectorAll('[data-text]')) el.textContent = t[el.dataset.text];
  for (const el of document.querySelectorAll('[data-href]')) el.setAttribute('href', t[el.dataset.href]);
}
