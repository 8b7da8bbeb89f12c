// The Beheer page's texts (widget/locales/beheer/), read with the widget's own translator.
import en from '../../locales/beheer/en.json';
import nlBE from '../../locales/beheer/nl-BE.json';
import nl from '../../locales/beheer/nl.json';
import type { Locale } from '../../../contract/locales.js';
import { translatorFor, type Translate } from '../i18n.js';

export const beheerTexts = { nl, 'nl-BE': nlBE, en };

export function beheerTranslator(locale: Locale): Translate {
  return translatorFor(beheerTexts, locale);
}

/** A BFF error code as a sentence; an unknown code gets the general text. */
export function errorText(t: Translate, code: string): string {
  return t(`errors.${code}`) || t('errors.unknown');
}
