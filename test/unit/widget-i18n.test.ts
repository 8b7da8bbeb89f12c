import { beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../widget/src/i18n.js';
import { coreTexts } from '../../widget/src/texts/core-texts.js';
import { textSet } from '../../widget/src/texts/text-set.js';

describe('widget translator', () => {
  const t = (locale: 'nl' | 'nl-BE' | 'en') => createTranslator(locale, [coreTexts]);
  beforeAll(() => Promise.all([coreTexts.load('nl-BE'), coreTexts.load('en')]));

  it('reads nested keys and interpolates {{names}}', () => {
    expect(t('nl')('method.eherkenning.level', { level: '2+' })).toBe('eHerkenning, niveau 2+');
    expect(t('en')('broker.remembered', { name: 'Noord' })).toBe('Last time you chose Noord on this device.');
  });

  it('chooses the plural form for the locale', () => {
    expect(t('en')('broker.count', { count: 1 })).toBe('1 supplier found');
    expect(t('en')('broker.count', { count: 10_000 })).toBe('10000 suppliers found');
    expect(t('nl-BE')('broker.count', { count: 0 })).toBe('0 leveranciers gevonden');
  });

  it('uses Flemish words in nl-BE', () => {
    expect(t('nl-BE')('title')).toBe('Aanmelden');
    expect(t('nl-BE')('method.email.button')).toBe('Aanmelden met e-mailadres');
  });

  it('never returns a raw key: a missing text is empty', () => {
    expect(t('en')('does.not.exist')).toBe('');
    expect(t('en')('method')).toBe('');
  });

  it('takes served texts first, then the locale, then Dutch, across sets', () => {
    const step = textSet({ step: { only: 'Alleen Nederlands', both: 'Nederlands' } }, { 'nl-BE': async () => ({ default: {} }), en: async () => ({ default: { step: { both: 'English' } } }) });
    return step.load('en').then(() => {
      const en = createTranslator('en', [coreTexts, step], { title: 'Served' });
      expect([en('title'), en('step.both'), en('step.only'), en('intro', { site: 'X' })]).toEqual(['Served', 'English', 'Alleen Nederlands', 'Choose how you want to log in to X.']);
    });
  });
});

describe('text sets', () => {
  it('have Dutch at once and load another locale once, on demand', async () => {
    let loads = 0;
    const set = textSet({ a: 'nl' }, { 'nl-BE': async () => (loads++, { default: { a: 'be' } }), en: async () => ({ default: { a: 'en' } }) });
    expect(set.get('nl')).toEqual({ a: 'nl' });
    expect(set.get('nl-BE')).toBeUndefined();
    await Promise.all([set.load('nl-BE'), set.load('nl-BE')]);
    await set.load('nl-BE');
    expect([loads, set.get('nl-BE')]).toEqual([1, { a: 'be' }]);
  });

  it('try a failed chunk again on the next load', async () => {
    let attempts = 0;
    const set = textSet({}, { 'nl-BE': async () => ({ default: {} }), en: async () => (++attempts === 1 ? Promise.reject(new Error('offline')) : { default: { a: 'en' } }) });
    await expect(set.load('en')).rejects.toThrow('offline');
    expect(set.get('en')).toBeUndefined();
    await set.load('en');
    expect([attempts, set.get('en')]).toEqual([2, { a: 'en' }]);
  });
});
