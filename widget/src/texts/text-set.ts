// A set of the widget's texts in its three locales. The Dutch texts are bundled with the code that
// uses them: every locale falls back to Dutch, so those must be there at once. The Flemish and the
// English texts are each a chunk of their own, loaded (`import()`) only when a page asks for that
// language: most pages need one language, and Dutch and Flemish are near copies that would double
// the download. The first-render texts are one set (core-texts.ts); each lazily loaded step has a
// set of its own beside its code (widget/locales/steps/<step>/, see docs/texts.md).
import type { Locale } from '../../../contract/locales.js';

type OtherLocale = Exclude<Locale, 'nl'>;
export type TextLoader = () => Promise<{ default: unknown }>;

export interface TextSet {
  /** The texts of `locale` when they are here (Dutch always is), else undefined. */
  get(locale: Locale): unknown;
  /** Loads the texts of `locale`; rejects when its chunk cannot be loaded (a later call tries again). */
  load(locale: Locale): Promise<void>;
}

export function textSet(nl: unknown, loaders: Record<OtherLocale, TextLoader>): TextSet {
  const loaded = new Map<Locale, unknown>([['nl', nl]]);
  const pending = new Map<Locale, Promise<void>>();
  return {
    get: (locale) => loaded.get(locale),
    load(locale) {
      if (loaded.has(locale)) return Promise.resolve();
      let request = pending.get(locale);
      if (!request) {
        request = loaders[locale as OtherLocale]().then(
          (module) => void loaded.set(locale, module.default),
          (error: unknown) => {
            pending.delete(locale);
            throw error;
          },
        );
        pending.set(locale, request);
      }
      return request;
    },
  };
}
