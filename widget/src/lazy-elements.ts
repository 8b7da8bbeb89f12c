// The elements few people see are chunks of their own, loaded when needed, each with its texts:
// the linking step (after a first eHerkenning login), "Account toevoegen" (an account page), the
// organisation chooser (people with several organisations) and the capacity chooser (a Flemish
// government login that offered several capacities). <login-chooser> loads a step's
// element before it shows the step (and shows its error view when the chunk does not load). A
// page that uses one of them on its own gets it defined as soon as the element is in the document.
// The chunks lie next to login-chooser.js and are imported relative to it, so they come from
// wherever the widget came from (same origin under the CSP's script-src 'self', or a CDN).
import type { TextSet } from './texts/text-set.js';

/** What a lazily loaded element's module gives besides defining the element: its texts. */
export interface LazyElementModule {
  stepTexts: TextSet;
}

/** How each lazy element's chunk is loaded; a test may swap one for an import that fails. */
export const lazyElementLoaders: Record<LazyTag, () => Promise<LazyElementModule>> = {
  'poort-link-step': () => import('./linking/poort-link-step.js'),
  'poort-add-organisation': () => import('./linking/poort-add-organisation.js'),
  'poort-organisation-chooser': () => import('./organisations/poort-organisation-chooser.js'),
  'poort-capacity-chooser': () => import('./capacities/poort-capacity-chooser.js'),
};

export type LazyTag = 'poort-link-step' | 'poort-add-organisation' | 'poort-organisation-chooser' | 'poort-capacity-chooser';

const loading = new Map<LazyTag, Promise<LazyElementModule>>();

/** Loads and defines a lazy element; rejects when its chunk cannot be loaded (a later call tries again). */
export function loadElement(tag: LazyTag): Promise<LazyElementModule> {
  let request = loading.get(tag);
  if (!request) {
    request = lazyElementLoaders[tag]().catch((error: unknown) => {
      loading.delete(tag);
      throw error;
    });
    loading.set(tag, request);
  }
  return request;
}

const tags = Object.keys(lazyElementLoaders) as LazyTag[];

function defineFound(root: Element | Document): void {
  for (const tag of tags) {
    if (customElements.get(tag) || loading.has(tag)) continue;
    if ((root instanceof Element && root.localName === tag) || root.querySelector(tag)) {
      loadElement(tag).catch(() => console.warn(`<${tag}>: its module could not be loaded`));
    }
  }
}

/**
 * Defines each lazy element once the document has one, now or later; the watching stops when all
 * are defined. Elements inside another element's shadow root are not seen: load those with
 * `loadPoortElement(tag)` (exported by the package).
 */
export function defineLazyElementsOnUse(): void {
  defineFound(document);
  if (tags.every((tag) => loading.has(tag))) return;
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) defineFound(node);
    if (tags.every((tag) => loading.has(tag))) observer.disconnect();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}
