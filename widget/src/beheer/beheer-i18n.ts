// The Beheer page's texts (widget/locales/beheer/), read with the widget's own translator. Editors
// change them like every other text (keys `beheer.…` in the editor); the page asks the BFF for them
// (`GET /api/texts/:locale?for=beheer`) and shows the bundled ones until they arrive.
import en from '../../locales/beheer/en.json';
import nlBE from '../../locales/beheer/nl-BE.json';
import nl from '../../locales/beheer/nl.json';
import type { Locale } from '../../../contract/locales.js';
import { translatorFor, type Translate } from '../i18n.js';

export const beheerTexts = { nl, 'nl-BE': nlBE, en };

export function beheerTranslator(locale: Locale, served?: unknown): Translate {
  return translatorFor(beheerTexts, locale, served);
}

/** A BFF error code as a sentence; an unknown code gets the general text. */
export function errorText(t: Translate, code: string): string {
  return t(`errors.${code}`) || t('errors.unknown');
}
