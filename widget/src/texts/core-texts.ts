// The texts <login-chooser> and <poort-email-form> need for their first render and every step that
// is not loaded on demand: widget/locales/<locale>.json. Dutch is in the widget's first module; the
// other two are chunks of their own (text-set.ts).
import nl from '../../locales/nl.json';
import { textSet } from './text-set.js';

export type Texts = typeof nl;

export const coreTexts = textSet(nl, {
  'nl-BE': () => import('../../locales/nl-BE.json'),
  en: () => import('../../locales/en.json'),
});
