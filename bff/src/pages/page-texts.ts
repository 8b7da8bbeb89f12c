// Texts of the few HTML pages the BFF itself shows (the hand-over to a broker, the simulated
// brokers, the refusal pages where a browser lands), in the three languages Poort speaks. The widget's own texts live in widget/locales.
import { matchLocale, type Locale } from '../../../contract/locales.js';
import { BASE } from '../../../contract/paths.js';

/** The best page language for an Accept-Language header (nl-BE before nl; Dutch when unsure). */
export function pageLocale(acceptLanguage: string | undefined): Locale {
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => part.split(';')[0]!)
    .filter(Boolean);
  for (const tag of wanted) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return 'nl';
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export interface PostFormPage {
  lang: Locale;
  title: string;
  action: string;
  fields: Record<string, string>;
  button: string;
  explanation: string;
}

/**
 * A page that posts a form to another site at once. No inline script (the CSP forbids it): a
 * same-origin script submits the form; without JavaScript the person presses the button.
 */
export function autoPostPage(page: PostFormPage): string {
  const inputs = Object.entries(page.fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  return `<!doctype html><html lang="${page.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(page.title)}</title><script src="${BASE}/auth/eherkenning/auto-submit.js" defer></script></head><body><form method="post" action="${escapeHtml(page.action)}" data-poort-auto-submit>${inputs}<p>${escapeHtml(page.explanation)}</p><button type="submit">${escapeHtml(page.button)}</button></form></body></html>`;
}

export const AUTO_SUBMIT_SCRIPT = "document.querySelector('form[data-poort-auto-submit]')?.submit();\n";

export const handOverTexts: Record<Locale, { title: string; explanation: string; button: string }> = {
  nl: { title: 'Doorsturen naar eHerkenning', explanation: 'U wordt doorgestuurd naar uw eHerkenningsleverancier.', button: 'Ga naar uw eHerkenningsleverancier' },
  'nl-BE': { title: 'Doorsturen naar eHerkenning', explanation: 'U wordt doorgestuurd naar uw eHerkenningsleverancier.', button: 'Ga verder naar uw eHerkenningsleverancier' },
  en: { title: 'Redirecting to eHerkenning', explanation: 'You are being taken to your eHerkenning supplier.', button: 'Go to your eHerkenning supplier' },
};

/** A refusal page: its heading and what the person can do, per error code. */
export interface ErrorPageMessage {
  heading: string;
  text: string;
}

export interface ErrorPageTexts {
  /** Shown for any code without a message of its own. */
  generic: ErrorPageMessage;
  messages: Partial<Record<string, ErrorPageMessage>>;
  code: string;
  requestId: string;
  time: string;
  helpdesk: string;
  back: string;
}

// Flemish pages say "aanmelden" where Dutch ones say "inloggen" (and "website", "contactcenter").
export const errorPageTexts: Record<Locale, ErrorPageTexts> = {
  nl: {
    generic: { heading: 'Er ging iets mis', text: 'Er ging iets mis. Probeer het opnieuw; lukt het weer niet, neem dan contact op met de helpdesk.' },
    messages: {
      unknown_broker: { heading: 'Inloggen is niet gelukt', text: 'Deze eHerkenningsleverancier kennen wij niet. Ga terug en kies uw leverancier opnieuw.' },
      invalid_return_to: { heading: 'Inloggen is niet gelukt', text: 'Het adres waar u na het inloggen naartoe zou gaan, hoort niet bij deze site. U bent niet ingelogd. Ga terug en probeer het opnieuw.' },
      payload_too_large: { heading: 'Inloggen is niet gelukt', text: 'Het antwoord van uw eHerkenningsleverancier was te groot om te verwerken. U bent niet ingelogd. Ga terug en probeer het opnieuw.' },
      eherkenning_unavailable: { heading: 'Inloggen is niet gelukt', text: 'Inloggen met eHerkenning kan nu niet door een storing. Probeer het over een paar minuten opnieuw.' },
      service_unavailable: { heading: 'Tijdelijk niet beschikbaar', text: 'Deze dienst is tijdelijk niet beschikbaar door een storing. Probeer het over een paar minuten opnieuw.' },
      not_found: { heading: 'Pagina niet gevonden', text: 'Op dit adres is niets te vinden. Ga terug naar de site.' },
    },
    code: 'Foutcode',
    requestId: 'Referentie',
    time: 'Tijdstip',
    helpdesk: 'Neemt u contact op met de helpdesk? Geef dan de foutcode, de referentie en het tijdstip door.',
    back: 'Terug naar de site',
  },
  'nl-BE': {
    generic: { heading: 'Er liep iets fout', text: 'Er liep iets fout. Probeer het opnieuw; lukt het weer niet, neem dan contact op met de helpdesk.' },
    messages: {
      unknown_broker: { heading: 'Aanmelden is niet gelukt', text: 'Deze eHerkenningsleverancier kennen wij niet. Ga terug en kies uw leverancier opnieuw.' },
      invalid_return_to: { heading: 'Aanmelden is niet gelukt', text: 'Het adres waar u na het aanmelden naartoe zou gaan, hoort niet bij deze website. U bent niet aangemeld. Ga terug en probeer het opnieuw.' },
      payload_too_large: { heading: 'Aanmelden is niet gelukt', text: 'Het antwoord van uw eHerkenningsleverancier was te groot om te verwerken. U bent niet aangemeld. Ga terug en probeer het opnieuw.' },
      eherkenning_unavailable: { heading: 'Aanmelden is niet gelukt', text: 'Aanmelden met eHerkenning kan nu niet door een storing. Probeer het binnen enkele minuten opnieuw.' },
      service_unavailable: { heading: 'Tijdelijk niet beschikbaar', text: 'Deze dienst is tijdelijk niet beschikbaar door een storing. Probeer het binnen enkele minuten opnieuw.' },
      not_found: { heading: 'Pagina niet gevonden', text: 'Op dit adres is niets te vinden. Ga terug naar de website.' },
    },
    code: 'Foutcode',
    requestId: 'Referentie',
    time: 'Tijdstip',
    helpdesk: 'Neemt u contact op met de helpdesk? Vermeld dan de foutcode, de referentie en het tijdstip.',
    back: 'Terug naar de website',
  },
  en: {
    generic: { heading: 'Something went wrong', text: 'Something went wrong. Please try again; if it still does not work, contact the helpdesk.' },
    messages: {
      unknown_broker: { heading: 'Logging in did not work', text: 'We do not know this eHerkenning supplier. Go back and choose your supplier again.' },
      invalid_return_to: { heading: 'Logging in did not work', text: 'The address you would go to after logging in is not part of this site. You have not been logged in. Go back and try again.' },
      payload_too_large: { heading: 'Logging in did not work', text: "Your eHerkenning supplier's answer was too large to process. You have not been logged in. Go back and try again." },
      eherkenning_unavailable: { heading: 'Logging in did not work', text: 'Logging in with eHerkenning is not possible right now because of a fault. Please try again in a few minutes.' },
      service_unavailable: { heading: 'Temporarily unavailable', text: 'This service is temporarily unavailable because of a fault. Please try again in a few minutes.' },
      not_found: { heading: 'Page not found', text: 'There is nothing at this address. Go back to the site.' },
    },
    code: 'Error code',
    requestId: 'Request id',
    time: 'Time',
    helpdesk: 'If you contact the helpdesk, please give them the error code, the request id and the time.',
    back: 'Back to the site',
  },
};
