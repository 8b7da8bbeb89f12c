// The texts of the organisation chooser (widget/locales/steps/organisations/): in its own chunk
// with the element, Dutch bundled there, Flemish and English loaded on demand.
import nl from '../../locales/steps/organisations/nl.json';
import { textSet } from '../texts/text-set.js';

export const organisationTexts = textSet(nl, {
  'nl-BE': () => import('../../locales/steps/organisations/nl-BE.json'),
  en: () => import('../../locales/steps/organisations/en.json'),
});
