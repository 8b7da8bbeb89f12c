// The widget's default texts are several files per locale, one key space: widget/locales/<locale>.json
// holds what the widget bundles for its first render, and widget/locales/steps/<step>/<locale>.json
// the texts of a step the widget loads on demand together with the step (docs/texts.md, "Texts of
// a lazily loaded step"). Each step file holds its own top-level sections only. The BFF (served
// texts, the editor) and `npm run texts:check` read them as one tree per locale, through here.
import { readFileSync, readdirSync } from 'node:fs';
import type { Locale } from '../../../contract/locales.js';
import type { TextTree } from './text-tree.js';

/** Where the widget's texts are, next to this module in the sources and in dist/ alike. */
export const widgetLocalesDir = new URL('../../../widget/locales/', import.meta.url);

/** The steps with texts of their own: the folders under widget/locales/steps/. */
export function widgetTextSteps(dir: URL = widgetLocalesDir): string[] {
  return readdirSync(new URL('steps/', dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Every file of a locale's widget texts: the first-render file, then each step's. */
export function widgetTextFiles(locale: Locale, dir: URL = widgetLocalesDir): URL[] {
  return [new URL(`${locale}.json`, dir), ...widgetTextSteps(dir).map((step) => new URL(`steps/${step}/${locale}.json`, dir))];
}

/** A locale's widget texts as one tree; a top-level section in two files is an error (one would hide the other). */
export function readWidgetTexts(locale: Locale, dir: URL = widgetLocalesDir): TextTree {
  const tree: TextTree = {};
  for (const file of widgetTextFiles(locale, dir)) {
    const part = JSON.parse(readFileSync(file, 'utf8')) as TextTree;
    for (const [section, value] of Object.entries(part)) {
      if (section in tree) throw new Error(`widget texts: section "${section}" is in more than one file (${file.pathname})`);
      tree[section] = value;
    }
  }
  return tree;
}
