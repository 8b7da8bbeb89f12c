// `npm run texts:check`: checks the default texts (widget/locales, widget/locales/beheer,
// bff/src/texts/locales) against
// each other and against the code (catalogue-check.ts); prints every problem and exits 1 on any.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { locales, type Locale } from '../../../contract/locales.js';
import { checkCatalogue } from './catalogue-check.js';
import { textSources } from './default-texts.js';
import { readWidgetTexts } from './widget-text-files.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));
const perLocale = (dir: string) => Object.fromEntries(locales.map((l) => [l, readJson(`${dir}/${l}.json`)])) as Record<Locale, unknown>;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
}

const problems = checkCatalogue({
  sources: {
    widget: Object.fromEntries(locales.map((l) => [l, readWidgetTexts(l)])) as Record<Locale, unknown>,
    beheer: perLocale(textSources.beheer.dir),
    bff: perLocale(textSources.bff.dir),
  },
  prefixes: Object.fromEntries(Object.entries(textSources).map(([source, { prefix }]) => [source, prefix])),
  code: [...sourceFiles('widget/src'), ...sourceFiles('bff/src'), ...sourceFiles('editor/src')],
});
for (const p of problems) console.error(`${p.source} ${p.locale ?? '*'} ${p.key}: ${p.message}`);
if (problems.length) {
  console.error(`texts:check: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  process.exit(1);
}
console.log('texts:check: every text is in every locale, used, with the same placeholders and allowed markup only');
