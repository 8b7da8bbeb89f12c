import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../widget/src/i18n.js';

describe('widget translator', () => {
  it('reads nested keys and interpolates {{names}}', () => {
    expect(createTranslator('nl')('method.eherkenning.level', { level: '2+' })).toBe('eHerkenning, niveau 2+');
    expect(createTranslator('en')('broker.remembered', { name: 'Noord' })).toBe('Last time you chose Noord on this device.');
  });

  it('chooses the plural form for the locale', () => {
    const t = createTranslator('en');
    expect(t('broker.count', { count: 1 })).toBe('1 supplier found');
    expect(t('broker.count', { count: 10_000 })).toBe('10000 suppliers found');
    expect(createTranslator('nl-BE')('broker.count', { count: 0 })).toBe('0 leveranciers gevonden');
  });

  it('uses Flemish words in nl-BE', () => {
    expect(createTranslator('nl-BE')('title')).toBe('Aanmelden');
    expect(createTranslator('nl-BE')('method.email.button')).toBe('Aanmelden met e-mailadres');
  });

  it('never returns a raw key: a missing text is empty', () => {
    expect(createTranslator('en')('does.not.exist')).toBe('');
    expect(createTranslator('en')('method')).toBe('');
  });
});
