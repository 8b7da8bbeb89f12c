// What an editor's text must be before it is stored (pure): normalised first (Unicode NFC, one kind
// of line break), then checked against the default text of the same key and locale. Every problem
// is named (a code and the offending detail), so the editor can fix it; a text with any problem is
// not stored. A help text's markup is then sanitised by sanitize-html with the same allow-list, so
// what is stored never holds more than the check let through, even if the check had a hole.
import { Parser } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';
import { isAllowedLink, isRichTextKey, richTextTags } from '../../../contract/text-markup.js';
import { placeholdersOf, withoutPlaceholders } from './text-tree.js';

export const TEXT_MAX_LENGTH = 10_000;

export const textProblemCodes = [
  'empty',
  'too_long',
  'placeholder_missing',
  'placeholder_unknown',
  'placeholder_broken',
  'nesting',
  'markup_not_allowed',
  'tag_not_allowed',
  'attribute_not_allowed',
  'link_not_allowed',
  'link_without_href',
  'hidden_markup',
  // Only in an import: a key no text has, or something other than text where a text belongs.
  'unknown_key',
  'not_text',
] as const;
export type TextProblemCode = (typeof textProblemCodes)[number];

export interface TextProblem {
  problem: TextProblemCode;
  /** What it is about: the placeholder, tag, attribute or link, as written. */
  detail?: string;
}

export interface CheckedText {
  /** The value to store: normalised, and for a help text sanitised. */
  value: string;
  problems: TextProblem[];
}

export function normaliseText(value: string): string {
  return value.normalize('NFC').replace(/\r\n?/g, '\n');
}

export function checkText(key: string, input: string, defaultValue: string): CheckedText {
  const value = normaliseText(input);
  const rich = isRichTextKey(key);
  // Problems are named on what the editor wrote; emptiness and length are judged on what would be stored.
  const problems = [...placeholderProblems(value, defaultValue), ...markupProblems(value, rich)];
  const stored = rich ? sanitiseRichText(value) : value;
  if (!(rich ? textOf(stored) : stored).trim()) problems.unshift({ problem: 'empty' });
  if (stored.length > TEXT_MAX_LENGTH) problems.push({ problem: 'too_long', detail: String(TEXT_MAX_LENGTH) });
  return { value: stored, problems };
}

export function placeholderProblems(value: string, defaultValue: string): TextProblem[] {
  const problems: TextProblem[] = [];
  const wanted = placeholdersOf(defaultValue);
  const used = placeholdersOf(value);
  for (const name of wanted) if (!used.includes(name)) problems.push({ problem: 'placeholder_missing', detail: `{{${name}}}` });
  for (const name of used) if (!wanted.includes(name)) problems.push({ problem: 'placeholder_unknown', detail: `{{${name}}}` });
  const rest = withoutPlaceholders(value);
  if (rest.includes('{{') || rest.includes('}}')) problems.push({ problem: 'placeholder_broken' });
  // i18next would read $t(key) as a reference to another text; the widget's translator does not.
  if (/\$t\(/.test(value)) problems.push({ problem: 'nesting', detail: '$t(' });
  return problems;
}

const allowedTags = new Set<string>(richTextTags);

/** `rel="noopener"` is what the sanitiser itself puts on links, so a stored text passes again. */
const isNoopener = (rel: string) => rel.split(/\s+/).every((token) => token === 'noopener' || token === 'noreferrer');

/** Markup problems: any markup in a plain text; in a help text, anything outside the allowed subset. */
export function markupProblems(value: string, rich: boolean): TextProblem[] {
  const problems: TextProblem[] = [];
  const opened = new Set<string>();
  const add = (problem: TextProblem) => {
    if (!problems.some((p) => p.problem === problem.problem && p.detail === problem.detail)) problems.push(problem);
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        opened.add(name);
        if (!rich) return add({ problem: 'markup_not_allowed', detail: `<${name}>` });
        if (!allowedTags.has(name)) return add({ problem: 'tag_not_allowed', detail: `<${name}>` });
        for (const [attribute, value] of Object.entries(attributes)) {
          if (name === 'a' && attribute === 'href') {
            if (!isAllowedLink(value)) add({ problem: 'link_not_allowed', detail: value });
          } else if (!(name === 'a' && attribute === 'rel' && isNoopener(value))) add({ problem: 'attribute_not_allowed', detail: `${attribute} (<${name}>)` });
        }
        if (name === 'a' && attributes.href === undefined) add({ problem: 'link_without_href' });
      },
      // A closing tag is named only when its opening tag was not (a stray one).
      onclosetag(name, implied) {
        if (implied || opened.has(name)) return;
        add({ problem: rich ? 'tag_not_allowed' : 'markup_not_allowed', detail: `</${name}>` });
      },
      oncomment() {
        add({ problem: 'hidden_markup', detail: '<!--' });
      },
      onprocessinginstruction(name) {
        add({ problem: 'hidden_markup', detail: `<${name}` });
      },
      oncdatastart() {
        add({ problem: 'hidden_markup', detail: '<![CDATA[' });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(value);
  parser.end();
  // What an HTML parser silently drops (a stray `</b>`) is still markup in a plain text.
  const tag = /<[/!?]?[A-Za-z][^<>]*>?/.exec(value);
  if (!rich && tag && !problems.length) add({ problem: 'markup_not_allowed', detail: tag[0] });
  return problems;
}

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [...richTextTags],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['https'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Links open in the same tab, and a page they lead to gets no handle on this one.
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener' }) },
  exclusiveFilter: (frame) => frame.tag === 'a' && !isAllowedLink(frame.attribs.href ?? ''),
};

/** The words of a help text, without its markup. */
function textOf(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} });
}

/** The stored form of a help text: only the allowed subset survives, links with rel="noopener". */
export function sanitiseRichText(value: string): string {
  return sanitizeHtml(value, sanitizeOptions);
}
