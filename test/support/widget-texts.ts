// The widget's first-render texts of all three locales at once, for tests that compare what the
// widget shows with the locale files (the widget itself loads nl-BE and en on demand).
import en from '../../widget/locales/en.json';
import nlBE from '../../widget/locales/nl-BE.json';
import nl from '../../widget/locales/nl.json';
import type { Locale } from '../../contract/locales.js';
import type { Texts } from '../../widget/src/texts/core-texts.js';

export const resources: Record<Locale, Texts> = { nl, 'nl-BE': nlBE, en };
