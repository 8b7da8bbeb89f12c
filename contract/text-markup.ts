// Which texts may carry markup, and which links they may hold: one rule for the BFF (that checks
// and sanitises an editor's text) and the widget (that renders it). Help texts are paragraphs an
// editor may want to structure (a list of steps, a link to the site's own help); every other text
// is a label, a button or a sentence inside other markup, and stays plain text.

/** The elements a help text may use: paragraphs, emphasis, lists and links (`<a href>` only). */
export const richTextTags = ['p', 'em', 'strong', 'ul', 'ol', 'li', 'a'] as const;

/** Block elements: a help text with one of these is not wrapped in a paragraph of its own. */
export const richTextBlockTags = ['p', 'ul', 'ol'] as const;

// The widget's help paragraphs (widget/src/login-chooser.ts renders them with richText()).
// `help.email.forgot` is a button label, `help.helpdesk` and friends sit inside the helpdesk line.
const richKey = /^help\.(method|broker|email)\.(?!forgot$)[A-Za-z]+$/;

export function isRichTextKey(key: string): boolean {
  return richKey.test(key);
}

/**
 * A link an editor may put in a help text: an absolute https URL, or a path on this site (`/…`,
 * never `//…`, which a browser reads as another host). Checked on what a browser makes of it.
 */
export function isAllowedLink(href: string): boolean {
  // Browsers drop tabs and newlines inside URLs and strip surrounding spaces: refuse them outright.
  if (href !== href.trim() || /[\s\\]/.test(href) || [...href].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return false;
  const base = 'https://site.invalid';
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return false;
  }
  if (href.startsWith('/')) return !href.startsWith('//') && url.origin === base && !url.pathname.startsWith('//');
  return /^https:\/\//i.test(href) && url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
}
