// Texts as i18next JSON v4 resources (nested objects of strings) and as flat dotted keys, the
// form the editor, the overrides and the checks work on. Pure.

export interface TextTree {
  [key: string]: string | TextTree;
}

export function flattenTexts(tree: TextTree, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [name, value] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof value === 'string') flat.set(key, value);
    else for (const [k, v] of flattenTexts(value, key)) flat.set(k, v);
  }
  return flat;
}

export function unflattenTexts(flat: Iterable<readonly [string, string]>): TextTree {
  const tree: TextTree = {};
  for (const [key, value] of flat) {
    const parts = key.split('.');
    let node = tree;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      node = typeof next === 'object' ? next : (node[part] = {});
    }
    node[parts.at(-1)!] = value;
  }
  return tree;
}

const placeholder = /\{\{\s*([A-Za-z_$][\w$]*)\s*\}\}/g;

/** The interpolation names a text uses (`{{name}}`), sorted, each once. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(placeholder)].map((m) => m[1]!))].sort();
}

/** The text without its well-formed placeholders: a `{{` or `}}` left in it is a broken one. */
export function withoutPlaceholders(text: string): string {
  return text.replace(placeholder, '');
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** `broker.count_one` → `broker.count`: the key code asks for, with a `count`. */
export function pluralBase(key: string): string {
  return key.replace(pluralSuffix, '');
}

export function isPluralForm(key: string): boolean {
  return pluralSuffix.test(key);
}
