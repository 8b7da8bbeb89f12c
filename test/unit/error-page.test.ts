// The refusal page a browser lands on: the same messages in nl, nl-BE and en (Flemish in its own
// words), and nothing from the request put on it unescaped.
import { describe, expect, it } from 'vitest';
import { errorPage } from '../../bff/src/pages/error-page.js';
import { locales, matchLocale } from '../../contract/locales.js';
import { errorPageCodes } from '../../bff/src/pages/error-page-codes.js';
import { defaultTexts } from '../../bff/src/texts/default-texts.js';

const pageTexts = (locale: (typeof locales)[number]) => [...defaultTexts.byLocale[locale]].filter(([key]) => key.startsWith('page.error.'));

describe('error page texts', () => {
  it('exist for exactly the codes with a page message, in every locale, none empty', () => {
    for (const locale of locales) {
      const texts = new Map(pageTexts(locale));
      const codes = [...new Set([...texts.keys()].filter((k) => k.startsWith('page.error.message.')).map((k) => k.split('.')[3]))].sort();
      expect(codes, locale).toEqual([...errorPageCodes].sort());
      for (const about of ['generic', ...codes.map((code) => `message.${code}`)]) {
        expect(texts.get(`page.error.${about}.heading`)!.length).toBeGreaterThan(3);
        expect(texts.get(`page.error.${about}.text`)!.length).toBeGreaterThan(20);
      }
      for (const label of ['code', 'requestId', 'time', 'helpdesk', 'back']) expect(texts.get(`page.error.${label}`)!.length).toBeGreaterThan(3);
    }
  });

  it('say "aanmelden" in Flemish and never "inloggen"', () => {
    const flemish = JSON.stringify(pageTexts('nl-BE'));
    expect(flemish).toMatch(/[Aa]anmelden/);
    expect(flemish).not.toMatch(/[Ii]nloggen|ingelogd/);
  });

  it('matches language tags to the page languages', () => {
    expect(['nl', 'NL-be', 'nl-NL', 'en-GB', 'en', 'fr', '', undefined].map(matchLocale)).toEqual(['nl', 'nl-BE', 'nl', 'en', 'en', undefined, undefined, undefined]);
  });
});

describe('errorPage', () => {
  it('shows the code, request id, time and the way back, escaped, in the page language', () => {
    const html = errorPage({ lang: 'en', code: 'x"><b>', requestId: 'id<1>', time: new Date('2026-12-01T12:00:00Z'), back: '/mijn?a=1&b="2"' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Something went wrong</h1>');
    expect(html).toContain('x&quot;&gt;&lt;b&gt;');
    expect(html).toContain('id&lt;1&gt;');
    expect(html).toContain('<a href="/mijn?a=1&amp;b=&quot;2&quot;" data-poort-back>Back to the site</a>');
    expect(html).toContain('<time datetime="2026-12-01T12:00:00.000Z">December 1, 2026 at 1:00:00');
    expect(html).not.toContain('<b>');
  });

  it('writes the time the Dutch way on Dutch pages', () => {
    const html = errorPage({ lang: 'nl', code: 'not_found', requestId: 'r', time: new Date('2026-12-01T12:00:00Z'), back: '/' });
    expect(html).toContain('1 december 2026');
    expect(html).toContain('<h1>Pagina niet gevonden</h1>');
  });
});
