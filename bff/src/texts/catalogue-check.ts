// `npm run texts:check` (check-texts.ts) in pure form: the default texts of every locale, and the
// source code that asks for them, in; every problem out. A key missing in a locale (plural forms
// by each locale's plural rules), a key no code asks for, placeholders that differ between
// locales, markup outside the allowed subset, and anything that is not i18next JSON v4.
import { locales, type Locale } from '../../../contract/locales.js';
import { isRichTextKey } from '../../../contract/text-markup.js';
import { markupProblems } from './text-rules.js';
import { flattenTexts, isPluralForm, placeholdersOf, pluralBase, withoutPlaceholders, type TextTree } from './text-tree.js';

export interface CatalogueProblem {
  source: string;
  key: string;
  locale?: Locale;
  message: string;
}

export interface Catalogue {
  /** Where the texts come from (`widget`, `bff`), each with one tree per locale. */
  sources: Record<string, Record<Locale, unknown>>;
  /** The code that uses the texts: file contents, searched for the keys. */
  code: string[];
  /**
   * A source whose keys sit under a prefix in the one key space (the Beheer page's: `beheer.`),
   * while its code asks for them without it.
   */
  prefixes?: Record<string, string>;
}

export function checkCatalogue({ sources, code, prefixes = {} }: Catalogue): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const usage = keyUsage(code);
  const owner = new Map<string, string>();
  for (const [source, trees] of Object.entries(sources)) {
    const flat = {} as Record<Locale, Map<string, string>>;
    for (const locale of locales) {
      const shape = shapeProblems(trees[locale], '');
      problems.push(...shape.map((message) => ({ source, key: message.key, locale, message: message.text })));
      flat[locale] = shape.length ? new Map() : flattenTexts(trees[locale] as TextTree);
    }
    const bases = new Set(locales.flatMap((l) => [...flat[l].keys()].map(pluralBase)));
    const prefix = prefixes[source] ?? '';
    for (const base of [...bases].sort()) {
      const other = owner.get(prefix + base);
      if (other) problems.push({ source, key: base, message: `also a key of ${other}: keys must be unique across sources` });
      owner.set(prefix + base, source);
      const placeholders = new Map<Locale, string>();
      for (const locale of locales) {
        const forms = formsOf(flat[locale], base);
        if (!forms.length) {
          problems.push({ source, key: base, locale, message: 'missing in this locale' });
          continue;
        }
        if (forms.some(([key]) => isPluralForm(key))) {
          const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
          for (const category of categories)
            if (!flat[locale].has(`${base}_${category}`)) problems.push({ source, key: `${base}_${category}`, locale, message: `plural form "${category}" missing in this locale` });
        }
        placeholders.set(locale, [...new Set(forms.flatMap(([, value]) => placeholdersOf(value)))].sort().join(', '));
        for (const [key, value] of forms) problems.push(...valueProblems(key, value).map((message) => ({ source, key, locale, message })));
      }
      const distinct = new Set(placeholders.values());
      if (distinct.size > 1)
        problems.push({ source, key: base, message: `placeholders differ between locales: ${[...placeholders].map(([l, p]) => `${l} {${p || 'none'}}`).join(', ')}` });
      if (!usage.literals.has(base) && !usage.patterns.some((p) => p.test(base))) problems.push({ source, key: base, message: 'no code uses this key' });
    }
  }
  return problems;
}

function formsOf(flat: Map<string, string>, base: string): Array<[string, string]> {
  return [...flat].filter(([key]) => key === base || (isPluralForm(key) && pluralBase(key) === base));
}

function valueProblems(key: string, value: string): string[] {
  const messages: string[] = [];
  if (!value.trim()) messages.push('empty text');
  const rest = withoutPlaceholders(value);
  if (rest.includes('{{') || rest.includes('}}')) messages.push('a broken placeholder ({{ or }} left over)');
  if (value.includes('$t(')) messages.push('nesting ($t(…)) is not supported by the widget translator');
  const rich = isRichTextKey(key);
  // A help text is parsed as HTML in the widget: a value interpolated before parsing could carry markup.
  if (rich && placeholdersOf(value).length) messages.push('help texts (markup allowed) take no placeholders');
  for (const p of markupProblems(value, rich)) messages.push(`markup outside the allowed subset: ${p.problem} ${p.detail ?? ''}`.trim());
  return messages;
}

function shapeProblems(tree: unknown, path: string): Array<{ key: string; text: string }> {
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) return [{ key: path || '(file)', text: 'not an object of texts (i18next JSON v4)' }];
  return Object.entries(tree).flatMap(([name, value]) => {
    const key = path ? `${path}.${name}` : name;
    if (name.includes('.') || !name) return [{ key, text: 'a key part must be non-empty and without dots' }];
    if (typeof value === 'string') return [];
    return shapeProblems(value, key);
  });
}

/**
 * The keys code may ask for: every string literal, and every template literal that starts with a
 * fixed part (`errors.${code}` stands for any key under `errors.`), templates inside templates too
 * (Lit's html`…` holding t(`method.${m}.button`)).
 */
export function keyUsage(code: string[]): { literals: Set<string>; patterns: RegExp[] } {
  const literals = new Set<string>();
  const patterns: RegExp[] = [];
  for (const file of code) {
    for (const { parts } of scanStrings(file)) {
      if (parts.length === 1) literals.add(parts[0]!);
      else if (/^[A-Za-z][\w-]*\./.test(parts[0]!)) patterns.push(new RegExp(`^${parts.map(escapeRegExp).join('.+')}$`));
    }
  }
  return { literals, patterns };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The string and template literals of a source file, a template as its fixed parts around each `${…}`. */
function scanStrings(source: string): Array<{ parts: string[] }> {
  const found: Array<{ parts: string[] }> = [];
  let i = 0;
  const quoted = (quote: string) => {
    let text = '';
    for (i++; i < source.length && source[i] !== quote && source[i] !== '\n'; i++) text += source[i] === '\\' ? source[++i] : source[i];
    i++;
    found.push({ parts: [text] });
  };
  // From just after `${` to its closing brace, finding the literals inside.
  const expression = () => {
    let depth = 1;
    while (i < source.length && depth > 0) {
      const ch = source[i]!;
      if (ch === "'" || ch === '"') quoted(ch);
      else if (ch === '`') template();
      else {
        if (ch === '{') depth++;
        else if (ch === '}') depth--;
        i++;
      }
    }
  };
  const template = () => {
    const parts = [''];
    for (i++; i < source.length && source[i] !== '`'; ) {
      if (source[i] === '\\') {
        parts[parts.length - 1] += source[i + 1] ?? '';
        i += 2;
      } else if (source[i] === '$' && source[i + 1] === '{') {
        i += 2;
        expression();
        parts.push('');
      } else parts[parts.length - 1] += source[i++];
    }
    i++;
    found.push({ parts });
  };
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '/' && source[i + 1] === '/') i = source.indexOf('\n', i) === -1 ? source.length : source.indexOf('\n', i);
    else if (ch === '/' && source[i + 1] === '*') i = source.indexOf('*/', i) === -1 ? source.length : source.indexOf('*/', i) + 2;
    else if (ch === "'" || ch === '"') quoted(ch);
    else if (ch === '`') template();
    else i++;
  }
  return found;
}
