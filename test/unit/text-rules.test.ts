// The rules an editor's text must meet (bff/src/texts/text-rules.ts, contract/text-markup.ts), as
// properties over generated texts: whatever passes the check is stored with only the allowed
// markup and links, normalised, and storing it again changes nothing.
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { isAllowedLink, isRichTextKey, richTextTags } from '../../contract/text-markup.js';
import { checkText, markupProblems, normaliseText, sanitiseRichText } from '../../bff/src/texts/text-rules.js';

const fragment = fc.oneof(
  fc.constantFrom('<p>', '</p>', '<em>', '</em>', '<strong>', '</strong>', '<ul>', '<li>', '</li>', '</ul>', '<ol>', '</ol>', '</a>'),
  fc.constantFrom('<script>', '</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '<iframe>', '<!-- c -->', '<style>', '<b>', '<p onclick="x">', '<a target="_blank" href="/x">'),
  fc.constantFrom('https://example.nl/a', '/hulp', '//evil.example', 'javascript:alert(1)', 'JaVaScRiPt:x', 'jav&#x61;script:x', 'data:text/html,x', 'http://x.nl', ' /x', '/\\evil', 'https:evil', 'https://user@x.nl').map((href) => `<a href="${href}">`),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('&amp;', '&', '<', '>', '"', "'", 'e\u0301', '\r\n', '{{name}}', '{{', '}}'),
);
const text = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(''));

function tagsAndLinks(html: string): { tags: string[]; links: string[]; attributes: string[] } {
  const found = { tags: [] as string[], links: [] as string[], attributes: [] as string[] };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        found.tags.push(name);
        for (const [attribute, value] of Object.entries(attributes)) {
          found.attributes.push(`${name} ${attribute}`);
          if (attribute === 'href') found.links.push(value);
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

describe('text rules, as properties', () => {
  it('store a help text only with allowed tags, links and attributes, and storing it again changes nothing', () => {
    fc.assert(
      fc.property(text, (value) => {
        const checked = checkText('help.method.who', value, 'default text');
        if (checked.problems.length) return;
        const found = tagsAndLinks(checked.value);
        expect(found.tags.every((t) => (richTextTags as readonly string[]).includes(t))).toBe(true);
        expect(found.links.every(isAllowedLink)).toBe(true);
        expect(found.attributes.every((a) => a === 'a href' || a === 'a rel')).toBe(true);
        expect(checkText('help.method.who', checked.value, 'default text')).toEqual({ value: checked.value, problems: [] });
      }),
      { numRuns: 2000 },
    );
  });

  it('let no markup at all into a plain text', () => {
    fc.assert(
      fc.property(text, (value) => {
        const checked = checkText('broker.heading', value, 'default text');
        if (!checked.problems.length) expect(/<[/!?]?[A-Za-z]/.test(checked.value)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('judge the normalised value: NFC, one kind of line break, idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const once = normaliseText(value);
        expect(normaliseText(once)).toBe(once);
        expect(once.includes('\r')).toBe(false);
        expect(once).toBe(once.normalize('NFC'));
      }),
    );
    expect(checkText('title', 'Caf\u0065\u0301\r\n', 'Inloggen').value).toBe('Caf\u00e9\n');
  });

  it('allow links only to https addresses and paths on this site', () => {
    for (const href of ['https://example.nl/', 'HTTPS://example.nl/x', '/hulp', '/hulp?x=1#y']) expect(isAllowedLink(href), href).toBe(true);
    for (const href of ['//evil.example', '/\\evil.example', 'http://example.nl', 'javascript:alert(1)', ' /x', '/x\n', 'https:evil', 'https://u:p@x.nl', 'mailto:a@b.nl', 'hulp', ''])
      expect(isAllowedLink(href), href).toBe(false);
    fc.assert(
      fc.property(fc.string(), (href) => {
        if (!isAllowedLink(href)) return;
        const url = new URL(href, 'https://site.invalid');
        expect(url.protocol).toBe('https:');
        if (href.startsWith('/')) expect(url.origin).toBe('https://site.invalid');
      }),
    );
  });

  it('name the markup problems of a plain and a help text', () => {
    expect(markupProblems('Kies <em>hier</em>', false)).toEqual([{ problem: 'markup_not_allowed', detail: '<em>' }]);
    expect(markupProblems('Kies <em>hier</em>', true)).toEqual([]);
    expect(isRichTextKey('help.method.who')).toBe(true);
    expect(isRichTextKey('help.email.forgot')).toBe(false);
    expect(isRichTextKey('help.helpdesk')).toBe(false);
    expect(sanitiseRichText('<a href="/x">x</a>')).toBe('<a href="/x" rel="noopener">x</a>');
  });
});
