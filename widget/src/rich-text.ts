// A help text may hold a little markup (paragraphs, emphasis, lists, links: contract/text-markup.ts).
// The BFF checks and sanitises every editor's text before storing it; this renders it a second time
// from scratch, never as innerHTML: the text is parsed inert (DOMParser runs no script and loads
// nothing), and only allowed elements are rebuilt, with text as text, links only when
// isAllowedLink() says so, and rel="noopener". Anything else keeps only its text.
import { Directive, directive } from 'lit/directive.js';
import { isAllowedLink, richTextBlockTags, richTextTags } from '../../contract/text-markup.js';

const allowed = new Set<string>(richTextTags);
const blocks = new Set<string>(richTextBlockTags);

function rebuild(from: Node, to: Node): void {
  for (const node of Array.from(from.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) {
      to.appendChild(document.createTextNode(node.textContent ?? ''));
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const name = (node as Element).localName;
    if (!allowed.has(name)) {
      rebuild(node, to);
      continue;
    }
    const copy = document.createElement(name);
    if (name === 'a') {
      const href = (node as Element).getAttribute('href') ?? '';
      if (!isAllowedLink(href)) {
        rebuild(node, to);
        continue;
      }
      copy.setAttribute('href', href);
      copy.setAttribute('rel', 'noopener');
    }
    rebuild(node, copy);
    to.appendChild(copy);
  }
}

/** A help text as nodes: its own blocks, or one paragraph when it has none. */
export function richTextNodes(source: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(`<body>${source}</body>`, 'text/html').body;
  const fragment = document.createDocumentFragment();
  const hasBlocks = Array.from(parsed.children).some((child) => blocks.has(child.localName));
  const target = hasBlocks ? fragment : fragment.appendChild(document.createElement('p'));
  rebuild(parsed, target);
  return fragment;
}

// Rebuilt only when the text changes: a re-render (each key typed in the broker search) keeps the
// same nodes, so a focused link in a help text stays focused.
class RichText extends Directive {
  private source: string | undefined;
  private nodes: Node[] = [];

  render(source: string): Node[] {
    if (source !== this.source) {
      this.source = source;
      this.nodes = Array.from(richTextNodes(source).childNodes);
    }
    return this.nodes;
  }
}

/** Renders a help text (`${richText(t('help.method.who'))}`) in place of a `<p>`. */
export const richText = directive(RichText);
