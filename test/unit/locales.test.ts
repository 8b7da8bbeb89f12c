import { describe, expect, it } from 'vitest';
import { readWidgetTexts } from '../../bff/src/texts/widget-text-files.js';
import { matchLocale } from '../../contract/locales.js';
import { resolveLocale } from '../../widget/src/locale.js';

type Tree = { [key: string]: string | Tree };
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

describe('widget locales', () => {
  // The first-render file and every lazily loaded step's file together (widget-text-files.ts).
  const all = { nl: readWidgetTexts('nl') as Tree, 'nl-BE': readWidgetTexts('nl-BE') as Tree, en: readWidgetTexts('en') as Tree };
  const union = [...new Set(Object.values(all).flatMap((t) => keys(t)))].sort();

  for (const [locale, tree] of Object.entries(all)) {
    it(`${locale} has every key that any locale has, none empty`, () => {
      expect(keys(tree).sort()).toEqual(union);
      for (const key of keys(tree)) {
        const value = key.split('.').reduce<string | Tree>((t, k) => (t as Tree)[k]!, tree);
        expect(String(value).trim(), key).not.toBe('');
      }
    });
  }
});

describe('locale resolution', () => {
  it.each([
    ['nl-BE', null, 'nl-BE'],
    ['NL-be', null, 'nl-BE'],
    ['nl-NL', null, 'nl'],
    ['en-GB', null, 'en'],
    ['', 'en', 'en'],
    [null, 'nl-BE', 'nl-BE'],
    ['fr', 'de', 'nl'],
    [null, null, 'nl'],
  ])('element %s, document %s → %s', (el, doc, want) => {
    expect(resolveLocale(el, doc)).toBe(want);
  });

  it('matches nothing for unknown tags', () => {
    expect(matchLocale('fr-BE')).toBeUndefined();
  });
});
