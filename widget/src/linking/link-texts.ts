// The texts of the linking step and of "Account toevoegen" (widget/locales/steps/link/): in their
// own chunk with the elements, Dutch bundled there, Flemish and English loaded on demand.
import nl from '../../locales/steps/link/nl.json';
import { textSet } from '../texts/text-set.js';

export const linkTexts = textSet(nl, {
  'nl-BE': () => import('../../locales/steps/link/nl-BE.json'),
  en: () => import('../../locales/steps/link/en.json'),
});
