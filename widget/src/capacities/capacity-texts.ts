// The texts of the capacity chooser (widget/locales/steps/capacities/): in its own chunk with the
// element, Dutch bundled there, Flemish and English loaded on demand.
import nl from '../../locales/steps/capacities/nl.json';
import { textSet } from '../texts/text-set.js';

export const capacityTexts = textSet(nl, {
  'nl-BE': () => import('../../locales/steps/capacities/nl-BE.json'),
  en: () => import('../../locales/steps/capacities/en.json'),
});
