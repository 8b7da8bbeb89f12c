// The default texts: the widget's (widget/locales, bundled into the widget too, see widget-text-files.ts) and the BFF's own
// pages, mails and API messages (bff/src/texts/locales), one flat key space per locale. Read once
// at start-up from the JSON files next to the code, in the sources and in dist/ alike.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { locales, type Locale } from '../../../contract/locales.js';
import { flattenTexts, type TextTree } from './text-tree.js';
import { readWidgetTexts } from './widget-text-files.js';

export type TextSource = 'widget' | 'bff';

function readTree(source: TextSource, locale: Locale): TextTree {
  if (source === 'widget') return readWidgetTexts(locale);
  return JSON.parse(readFileSync(new URL(`./locales/${locale}.json`, import.meta.url), 'utf8')) as TextTree;
}

export interface DefaultTexts {
  /** Every default text of a locale, by dotted key. */
  byLocale: Record<Locale, Map<string, string>>;
  /** Which keys are the widget's: `GET /api/texts/:locale` serves those. */
  widgetKeys: ReadonlySet<string>;
  /** Changes whenever a default text does (a deploy): part of the texts' ETag. */
  fingerprint: string;
}

export function loadDefaultTexts(read: (source: TextSource, locale: Locale) => TextTree = readTree): DefaultTexts {
  const hash = createHash('sha256');
  const widgetKeys = new Set<string>();
  const byLocale = {} as Record<Locale, Map<string, string>>;
  for (const locale of locales) {
    const widget = flattenTexts(read('widget', locale));
    const bff = flattenTexts(read('bff', locale));
    for (const key of bff.keys()) if (widget.has(key)) throw new Error(`text key ${key} is both the widget's and the BFF's`);
    for (const key of widget.keys()) widgetKeys.add(key);
    byLocale[locale] = new Map([...widget, ...bff]);
    hash.update(JSON.stringify([locale, [...byLocale[locale]]]));
  }
  return { byLocale, widgetKeys, fingerprint: hash.digest('base64url').slice(0, 16) };
}

export const defaultTexts = loadDefaultTexts();

/** The default text of a key, or undefined when no such text exists. */
export function defaultText(locale: Locale, key: string): string | undefined {
  return defaultTexts.byLocale[locale].get(key);
}
