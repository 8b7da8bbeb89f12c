// The widget reads its texts with its own small translator (docs/decisions/widget-translator.md);
// the BFF and every tool use i18next. This test renders every widget key in every locale, with
// sample values (markup and quotes included) and a range of plural counts, through both, and
// requires the same output: a text that renders differently in one of them fails here.
import { beforeAll, describe, expect, it } from 'vitest';
import { locales } from '../../contract/locales.js';
import { translate } from '../../bff/src/texts/translator.js';
import { flattenTexts, isPluralForm, placeholdersOf, pluralBase, type TextTree } from '../../bff/src/texts/text-tree.js';
import { readWidgetTexts } from '../../bff/src/texts/widget-text-files.js';
import { createTranslator } from '../../widget/src/i18n.js';
import { capacityTexts } from '../../widget/src/capacities/capacity-texts.js';
import { linkTexts } from '../../widget/src/linking/link-texts.js';
import { organisationTexts } from '../../widget/src/organisations/organisation-texts.js';
import { coreTexts } from '../../widget/src/texts/core-texts.js';

// Every text set the widget has, each in every locale: the first-render texts and each lazy step's.
const sets = [coreTexts, linkTexts, organisationTexts, capacityTexts];
beforeAll(() => Promise.all(sets.flatMap((set) => locales.map((locale) => set.load(locale)))));

const counts = [0, 1, 2, 3, 5, 11, 21, 101, 1000, 1.5, -1];
const sample = (name: string) => `<${name}> & "${name}" 'x'`;

describe('widget translator and i18next agree', () => {
  for (const locale of locales) {
    it(`renders every widget key in ${locale} the same`, () => {
      const widget = createTranslator(locale, sets);
      const flat = flattenTexts(readWidgetTexts(locale) as TextTree);
      const bases = [...new Set([...flat.keys()].map(pluralBase))];
      let compared = 0;
      for (const base of bases) {
        const forms = [...flat].filter(([key]) => key === base || (isPluralForm(key) && pluralBase(key) === base));
        const names = [...new Set(forms.flatMap(([, value]) => placeholdersOf(value)))];
        const values = Object.fromEntries(names.filter((n) => n !== 'count').map((n) => [n, sample(n)]));
        const plural = forms.some(([key]) => isPluralForm(key)) || names.includes('count');
        for (const options of plural ? counts.map((count) => ({ ...values, count })) : [values]) {
          expect(widget(base, options), `${locale} ${base} ${JSON.stringify(options)}`).toBe(translate(locale, base, options));
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(bases.length);
    });
  }
});
