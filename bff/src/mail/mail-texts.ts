// The texts of Poort's mails in Dutch, Flemish and English (pure). Plain text only: it shows the
// same in every mail client, and a link in plain text cannot hide where it points.
import type { Locale } from '../../../contract/locales.js';

export const mailKinds = ['invitation', 'password_reset', 'unblock', 'password_changed', 'notification_email_confirm', 'link_pin', 'password_reset_contact'] as const;
export type MailKind = (typeof mailKinds)[number];

export interface MailValues {
  siteName: string;
  /** The single-use link, for the kinds that have one. */
  link?: string;
  /** How long the link works, already phrased for the locale by the caller ("7 dagen"). */
  validFor?: string;
  /** link_pin: the PIN that finishes linking an eHerkenning login to the account. */
  pin?: string;
  /** password_reset_contact: the account a new password was asked for, and the organisation the contact speaks for. */
  account?: string;
  organisation?: string;
}

type Template = (v: MailValues) => { subject: string; text: string };

const nl: Record<MailKind, Template> = {
  invitation: (v) => ({
    subject: `Uw account voor ${v.siteName}`,
    text: `Goedendag,\n\nDe beheerder van ${v.siteName} heeft een account voor u aangemaakt, met dit e-mailadres als gebruikersnaam.\n\nKies uw wachtwoord via deze link (${v.validFor} geldig, één keer te gebruiken):\n${v.link}\n\nHeeft u dit niet verwacht? Dan kunt u dit bericht negeren.\n`,
  }),
  password_reset: (v) => ({
    subject: `Nieuw wachtwoord kiezen voor ${v.siteName}`,
    text: `Goedendag,\n\nIemand vroeg een nieuw wachtwoord aan voor uw account bij ${v.siteName}.\n\nKies een nieuw wachtwoord via deze link (${v.validFor} geldig, één keer te gebruiken):\n${v.link}\n\nVroeg u dit niet aan? Dan kunt u dit bericht negeren; uw wachtwoord blijft hetzelfde.\n`,
  }),
  unblock: (v) => ({
    subject: `Uw account bij ${v.siteName} is gedeblokkeerd`,
    text: `Goedendag,\n\nUw account bij ${v.siteName} was geblokkeerd na te veel onjuiste wachtwoorden. De beheerder of de servicedesk heeft het gedeblokkeerd.\n\nKies een nieuw wachtwoord via deze link (${v.validFor} geldig, één keer te gebruiken):\n${v.link}\n`,
  }),
  password_changed: (v) => ({
    subject: `Uw wachtwoord voor ${v.siteName} is gewijzigd`,
    text: `Goedendag,\n\nHet wachtwoord van uw account bij ${v.siteName} is zojuist gewijzigd. U bent overal uitgelogd.\n\nDeed u dit niet zelf? Neem dan direct contact op met de beheerder of de servicedesk.\n`,
  }),
  notification_email_confirm: (v) => ({
    subject: `Bevestig uw adres voor meldingen van ${v.siteName}`,
    text: `Goedendag,\n\nDit e-mailadres is opgegeven om meldingen van ${v.siteName} te ontvangen.\n\nBevestig dat via deze link (${v.validFor} geldig):\n${v.link}\n\nHeeft u dit niet verwacht? Dan kunt u dit bericht negeren; er worden dan geen meldingen naar dit adres gestuurd.\n`,
  }),
  link_pin: (v) => ({
    subject: `Pincode om eHerkenning te koppelen bij ${v.siteName}`,
    text: `Goedendag,\n\nU koppelt uw eHerkenning aan uw account bij ${v.siteName}. Vul deze pincode in op het koppelscherm:\n\n${v.pin}\n\nDe pincode is ${v.validFor} geldig. Heeft u dit niet zelf gedaan? Vul de code dan nergens in en neem contact op met de beheerder of de servicedesk: iemand kent uw wachtwoord.\n`,
  }),
  password_reset_contact: (v) => ({
    subject: `Nieuw wachtwoord voor een account van ${v.organisation} bij ${v.siteName}`,
    text: `Goedendag,\n\nU ontvangt dit bericht als gemachtigde van ${v.organisation}. Voor het account ${v.account} bij ${v.siteName} is een nieuw wachtwoord aangevraagd.\n\nKies een nieuw wachtwoord via deze link (${v.validFor} geldig, één keer te gebruiken) en geef het aan uw medewerker:\n${v.link}\n\nHeeft niemand dit gevraagd? Dan kunt u dit bericht negeren; het wachtwoord blijft hetzelfde.\n`,
  }),
};

const nlBE: Record<MailKind, Template> = {
  invitation: (v) => ({
    subject: `Uw account voor ${v.siteName}`,
    text: `Goeiedag,\n\nDe beheerder van ${v.siteName} heeft een account voor u aangemaakt, met dit e-mailadres als gebruikersnaam.\n\nKies uw wachtwoord via deze link (${v.validFor} geldig, eenmalig te gebruiken):\n${v.link}\n\nHebt u dit niet verwacht? Dan mag u dit bericht negeren.\n`,
  }),
  password_reset: (v) => ({
    subject: `Nieuw wachtwoord kiezen voor ${v.siteName}`,
    text: `Goeiedag,\n\nEr werd een nieuw wachtwoord aangevraagd voor uw account bij ${v.siteName}.\n\nKies een nieuw wachtwoord via deze link (${v.validFor} geldig, eenmalig te gebruiken):\n${v.link}\n\nHebt u dit niet aangevraagd? Dan mag u dit bericht negeren; uw wachtwoord blijft ongewijzigd.\n`,
  }),
  unblock: (v) => ({
    subject: `Uw account bij ${v.siteName} is gedeblokkeerd`,
    text: `Goeiedag,\n\nUw account bij ${v.siteName} was geblokkeerd na te veel foute wachtwoorden. De beheerder of de helpdesk heeft het gedeblokkeerd.\n\nKies een nieuw wachtwoord via deze link (${v.validFor} geldig, eenmalig te gebruiken):\n${v.link}\n`,
  }),
  password_changed: (v) => ({
    subject: `Uw wachtwoord voor ${v.siteName} werd gewijzigd`,
    text: `Goeiedag,\n\nHet wachtwoord van uw account bij ${v.siteName} werd zonet gewijzigd. U bent overal afgemeld.\n\nHebt u dit niet zelf gedaan? Neem dan meteen contact op met de beheerder of de helpdesk.\n`,
  }),
  notification_email_confirm: (v) => ({
    subject: `Bevestig uw e-mailadres voor meldingen van ${v.siteName}`,
    text: `Goeiedag,\n\nDit e-mailadres werd opgegeven om meldingen van ${v.siteName} te ontvangen.\n\nBevestig dat via deze link (${v.validFor} geldig):\n${v.link}\n\nHebt u dit niet verwacht? Dan mag u dit bericht negeren; er worden dan geen meldingen naar dit adres gestuurd.\n`,
  }),
  link_pin: (v) => ({
    subject: `Pincode om eHerkenning te koppelen bij ${v.siteName}`,
    text: `Goeiedag,\n\nU koppelt uw eHerkenning aan uw account bij ${v.siteName}. Vul deze pincode in op het koppelscherm:\n\n${v.pin}\n\nDe pincode is ${v.validFor} geldig. Hebt u dit niet zelf gedaan? Vul de code dan nergens in en neem contact op met de beheerder of de helpdesk: iemand kent uw wachtwoord.\n`,
  }),
  password_reset_contact: (v) => ({
    subject: `Nieuw wachtwoord voor een account van ${v.organisation} bij ${v.siteName}`,
    text: `Goeiedag,\n\nU ontvangt dit bericht als gemachtigde van ${v.organisation}. Voor het account ${v.account} bij ${v.siteName} werd een nieuw wachtwoord aangevraagd.\n\nKies een nieuw wachtwoord via deze link (${v.validFor} geldig, eenmalig te gebruiken) en bezorg het aan uw medewerker:\n${v.link}\n\nHeeft niemand dit gevraagd? Dan mag u dit bericht negeren; het wachtwoord blijft ongewijzigd.\n`,
  }),
};

const en: Record<MailKind, Template> = {
  invitation: (v) => ({
    subject: `Your account for ${v.siteName}`,
    text: `Hello,\n\nThe administrator of ${v.siteName} has created an account for you, with this e-mail address as your user name.\n\nChoose your password with this link (valid for ${v.validFor}, works once):\n${v.link}\n\nNot expecting this? You can ignore this message.\n`,
  }),
  password_reset: (v) => ({
    subject: `Choose a new password for ${v.siteName}`,
    text: `Hello,\n\nSomeone asked for a new password for your account at ${v.siteName}.\n\nChoose a new password with this link (valid for ${v.validFor}, works once):\n${v.link}\n\nDid not ask for this? You can ignore this message; your password stays the same.\n`,
  }),
  unblock: (v) => ({
    subject: `Your account at ${v.siteName} has been unblocked`,
    text: `Hello,\n\nYour account at ${v.siteName} was blocked after too many wrong passwords. The administrator or the service desk has unblocked it.\n\nChoose a new password with this link (valid for ${v.validFor}, works once):\n${v.link}\n`,
  }),
  password_changed: (v) => ({
    subject: `Your password for ${v.siteName} was changed`,
    text: `Hello,\n\nThe password of your account at ${v.siteName} has just been changed. You have been logged out everywhere.\n\nIf this was not you, contact the administrator or the service desk at once.\n`,
  }),
  notification_email_confirm: (v) => ({
    subject: `Confirm your address for notifications from ${v.siteName}`,
    text: `Hello,\n\nThis e-mail address was given to receive notifications from ${v.siteName}.\n\nConfirm it with this link (valid for ${v.validFor}):\n${v.link}\n\nNot expecting this? You can ignore this message; no notifications will be sent to this address.\n`,
  }),
  link_pin: (v) => ({
    subject: `PIN to link eHerkenning at ${v.siteName}`,
    text: `Hello,\n\nYou are linking your eHerkenning to your account at ${v.siteName}. Enter this PIN on the linking screen:\n\n${v.pin}\n\nThe PIN is valid for ${v.validFor}. If this was not you, do not enter the code anywhere and contact the administrator or the service desk: someone knows your password.\n`,
  }),
  password_reset_contact: (v) => ({
    subject: `New password for an account of ${v.organisation} at ${v.siteName}`,
    text: `Hello,\n\nYou receive this message as the authorised contact of ${v.organisation}. A new password was asked for the account ${v.account} at ${v.siteName}.\n\nChoose a new password with this link (valid for ${v.validFor}, works once) and pass it on to your colleague:\n${v.link}\n\nNobody asked for this? You can ignore this message; the password stays the same.\n`,
  }),
};

const templates: Record<Locale, Record<MailKind, Template>> = { nl, 'nl-BE': nlBE, en };

export function composeMail(kind: MailKind, locale: Locale, values: MailValues): { subject: string; text: string } {
  return templates[locale][kind](values);
}

/** "7 dagen", "30 minuten", "24 uur" / "7 days", ... for a lifetime in milliseconds. */
export function describeDuration(ms: number, locale: Locale): string {
  const minutes = Math.round(ms / 60_000);
  const english = locale === 'en';
  if (minutes % (24 * 60) === 0 && minutes >= 48 * 60) return `${minutes / (24 * 60)} ${english ? 'days' : 'dagen'}`;
  if (minutes % 60 === 0) return `${minutes / 60} ${english ? (minutes === 60 ? 'hour' : 'hours') : 'uur'}`;
  return `${minutes} ${english ? 'minutes' : 'minuten'}`;
}
