// The default texts: the widget's (widget/locales, bundled into the widget too, see widget-text-files.ts), the Beheer page's
// (widget/locales/beheer, keys under `beheer.`) and the BFF's own pages, mails and API messages
// (bff/src/texts/locales), one flat key space per locale. Read once at start-up from the JSON files
// next to the code, in the sources and in dist/ alike. A site's own texts (its helpdesk, from the
// site configuration: site-texts.ts) are laid over these per site by `textDefaultsFor`.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { locales, type Locale } from '../../../contract/locales.js';
import { flattenTexts, type TextTree } from './text-tree.js';
import { readWidgetTexts } from './widget-text-files.js';

export type TextSource = 'widget' | 'beheer' | 'bff';

/** Where each source's files are, and the prefix its keys get in the one key space. */
export const textSources: Record<TextSource, { dir: string; prefix: string }> = {
  widget: { dir: 'widget/locales', prefix: '' },
  beheer: { dir: 'widget/locales/beheer', prefix: 'beheer.' },
  bff: { dir: 'bff/src/texts/locales', prefix: '' },
};

function readTree(source: TextSource, locale: Locale): TextTree {
  if (source === 'widget') return readWidgetTexts(locale);
  const url = source === 'bff' ? new URL(`./locales/${locale}.json`, import.meta.url) : new URL(`../../../${textSources[source].dir}/${locale}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as TextTree;
}

export interface DefaultTexts {
  /** Every default text of a locale, by dotted key. */
  byLocale: Record<Locale, Map<string, string>>;
  /** Which keys are the widget's: `GET /api/texts/:locale` serves those. */
  widgetKeys: ReadonlySet<string>;
  /** Which keys are the Beheer page's (`beheer.…`): `GET /api/texts/:locale?for=beheer` serves those. */
  beheerKeys: ReadonlySet<string>;
  /** Changes whenever a default text does (a deploy, a site's configuration): part of the texts' ETag. */
  fingerprint: string;
}

export function loadDefaultTexts(read: (source: TextSource, locale: Locale) => TextTree = readTree): DefaultTexts {
  const hash = createHash('sha256');
  const widgetKeys = new Set<string>();
  const beheerKeys = new Set<string>();
  const byLocale = {} as Record<Locale, Map<string, string>>;
  for (const locale of locales) {
    const merged = new Map<string, string>();
    for (const source of Object.keys(textSources) as TextSource[]) {
      for (const [key, value] of flattenTexts(read(source, locale), textSources[source].prefix.slice(0, -1))) {
        if (merged.has(key)) throw new Error(`text key ${key} is in two sources`);
        merged.set(key, value);
        if (source === 'widget') widgetKeys.add(key);
        if (source === 'beheer') beheerKeys.add(key);
      }
    }
    byLocale[locale] = merged;
    hash.update(JSON.stringify([locale, [...merged]]));
  }
  return { byLocale, widgetKeys, beheerKeys, fingerprint: hash.digest('base64url').slice(0, 16) };
}

export const defaultTexts = loadDefaultTexts();

/**
 * Default texts with extra texts laid over them (a site's own: site-texts.ts), as widget texts.
 * The fingerprint covers them, so the widget's cached texts change when the configuration does.
 */
export function withExtraTexts(base: DefaultTexts, extra: Record<Locale, Map<string, string>>): DefaultTexts {
  if (locales.every((l) => extra[l].size === 0)) return base;
  const byLocale = Object.fromEntries(locales.map((l) => [l, new Map([...base.byLocale[l], ...extra[l]])])) as Record<Locale, Map<string, string>>;
  const widgetKeys = new Set([...base.widgetKeys, ...locales.flatMap((l) => [...extra[l].keys()])]);
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([base.fingerprint, locales.map((l) => [...extra[l]])]))
    .digest('base64url')
    .slice(0, 16);
  return { byLocale, widgetKeys, beheerKeys: base.beheerKeys, fingerprint };
}
