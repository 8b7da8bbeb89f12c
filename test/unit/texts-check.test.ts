// `npm run texts:check` (issue 17): the real texts pass, and each kind of broken catalogue fails
// with a problem that names the key, the locale and what is wrong.
import { describe, expect, it } from 'vitest';
import { checkCatalogue, keyUsage, type Catalogue } from '../../bff/src/texts/catalogue-check.js';

const good = {
  nl: { title: 'Inloggen', count_one: '{{count}} makelaar', count_other: '{{count}} makelaars', help: { method: { who: '<p>Vraag het <a href="/hulp">hier</a>.</p>' } } },
  'nl-BE': { title: 'Aanmelden', count_one: '{{count}} makelaar', count_other: '{{count}} makelaars', help: { method: { who: 'Vraag het <em>hier</em>.' } } },
  en: { title: 'Log in', count_one: '{{count}} broker', count_other: '{{count}} brokers', help: { method: { who: 'Ask <strong>here</strong>.' } } },
};
const code = [`t('title'); t('count', { count }); html\`<p>\${t(\`help.\${step}.who\`)}</p>\`;`];
const check = (sources: Catalogue['sources'], files = code) => checkCatalogue({ sources, code: files }).map((p) => `${p.source} ${p.locale ?? '*'} ${p.key}: ${p.message}`);
const withLocale = (locale: keyof typeof good, tree: unknown) => ({ widget: { ...good, [locale]: tree } });

describe('texts:check on fixtures', () => {
  it('passes a complete, used, consistent catalogue', () => {
    expect(check({ widget: good })).toEqual([]);
  });

  it('fails on a key missing in a locale, and on a missing plural form', () => {
    const { title: _, ...noTitle } = good.en;
    expect(check(withLocale('en', noTitle))).toEqual(['widget en title: missing in this locale']);
    const { count_one: __, ...noOne } = good['nl-BE'];
    expect(check(withLocale('nl-BE', noOne))).toEqual(['widget nl-BE count_one: plural form "one" missing in this locale']);
  });

  it('checks a prefixed source (the Beheer page) like the others: keys unique with the prefix, used without it', () => {
    const beheer = { nl: { title: 'Beheer' }, 'nl-BE': { title: 'Beheer' }, en: { title: 'Administration' } };
    const prefixed = (sources: Catalogue['sources'], files = code) => checkCatalogue({ sources, code: files, prefixes: { beheer: 'beheer.' } }).map((p) => `${p.source} ${p.locale ?? '*'} ${p.key}: ${p.message}`);
    // `title` in both sources is no clash: the Beheer one is beheer.title.
    expect(prefixed({ widget: good, beheer })).toEqual([]);
    const { title: _, ...noTitle } = beheer.en;
    expect(prefixed({ widget: good, beheer: { ...beheer, en: noTitle } })).toEqual(['beheer en title: missing in this locale']);
    expect(prefixed({ widget: good, beheer: { ...beheer, en: { title: '{{who}} administers' } } })).toEqual(['beheer * title: placeholders differ between locales: nl {none}, nl-BE {none}, en {who}']);
    // A widget key `beheer.title` would be the same text as the Beheer page's `title`.
    const clash = { nl: { ...good.nl, beheer: { title: 'x' } }, 'nl-BE': { ...good['nl-BE'], beheer: { title: 'x' } }, en: { ...good.en, beheer: { title: 'x' } } };
    expect(prefixed({ widget: clash, beheer }, [...code, "t('beheer.title')"])).toEqual(['beheer * title: also a key of widget: keys must be unique across sources']);
  });

  it('fails on a key no code uses', () => {
    expect(check(withLocale('nl', { ...good.nl }), [`t('title'); t(\`help.\${x}.who\`)`])).toEqual(['widget * count: no code uses this key']);
    // A comment mentioning a key is not a use.
    expect(check({ widget: good }, [`// t('title')\nt('count'); t(\`help.\${x}.who\`)`])).toEqual(['widget * title: no code uses this key']);
  });

  it('fails on placeholders that differ between locales', () => {
    expect(check(withLocale('en', { ...good.en, title: 'Log in to {{site}}' }))).toEqual(['widget * title: placeholders differ between locales: nl {none}, nl-BE {none}, en {site}']);
  });

  it('fails on markup outside the allowed subset, and on markup in a plain text', () => {
    expect(check(withLocale('en', { ...good.en, help: { method: { who: 'Ask <img src=x onerror=alert(1)>' } } }))).toEqual(['widget en help.method.who: markup outside the allowed subset: tag_not_allowed <img>']);
    expect(check(withLocale('en', { ...good.en, help: { method: { who: '<a href="javascript:alert(1)">Ask</a>' } } }))).toEqual([
      'widget en help.method.who: markup outside the allowed subset: link_not_allowed javascript:alert(1)',
    ]);
    expect(check(withLocale('nl', { ...good.nl, title: '<b>Inloggen</b>' }))).toEqual(['widget nl title: markup outside the allowed subset: markup_not_allowed <b>']);
  });

  it('fails on what is not i18next JSON v4, broken placeholders, nesting and a key in two sources', () => {
    expect(check(withLocale('en', { ...good.en, title: 42 }))).toContain('widget en title: not an object of texts (i18next JSON v4)');
    expect(check(withLocale('en', [1]))).toContain('widget en (file): not an object of texts (i18next JSON v4)');
    expect(check(withLocale('en', { ...good.en, title: 'Log {{in' }))).toEqual(['widget en title: a broken placeholder ({{ or }} left over)']);
    expect(check(withLocale('en', { ...good.en, title: '$t(other)' }))).toEqual(['widget en title: nesting ($t(…)) is not supported by the widget translator']);
    expect(check({ widget: good, bff: { nl: { title: 'x' }, 'nl-BE': { title: 'x' }, en: { title: 'x' } } })).toEqual(['bff * title: also a key of widget: keys must be unique across sources']);
  });

  it('reads keys from literals and from templates, also templates nested in Lit templates', () => {
    const usage = keyUsage([`html\`<p>\${t(\`errors.\${code}\`, { level })}</p><b>\${t("a.b")}</b>\`; x = 'c.d'; /* 'e.f' */`]);
    expect([...usage.literals]).toEqual(expect.arrayContaining(['a.b', 'c.d']));
    expect(usage.literals.has('e.f')).toBe(false);
    expect(usage.patterns.map(String)).toEqual(['/^errors\\..+$/']);
  });
});
