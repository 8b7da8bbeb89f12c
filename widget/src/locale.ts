// Which of Poort's locales an element speaks, and when to look again. The order: the element's own
// `lang`, then the `poort-lang` of the address the page was opened with (Poort's mail links carry
// the mail's language), then the language the element inherits (the nearest ancestor with a
// `lang`, the document's), else Dutch.
import { languageParameter, matchLocale, type Locale } from '../../contract/locales.js';

/** The first of `tags` that is one of Poort's locales, else Dutch. */
export function resolveLocale(...tags: (string | null | undefined)[]): Locale {
  for (const tag of tags) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return 'nl';
}

export function elementLocale(element: HTMLElement): Locale {
  const inherited = element.parentElement?.closest('[lang]')?.getAttribute('lang');
  return resolveLocale(element.lang, new URLSearchParams(location.search).get(languageParameter), inherited, document.documentElement.lang);
}

// One observer for the whole document, however many elements listen: a page that switches its
// language (on <html> or on any ancestor) is followed at once, at whatever step the widget is.
const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;

/** Calls `onChange` after any `lang` attribute in the document changes; returns the way to stop. */
export function watchLanguage(onChange: () => void): () => void {
  listeners.add(onChange);
  if (!observer) {
    observer = new MutationObserver(() => listeners.forEach((listener) => listener()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    listeners.delete(onChange);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
