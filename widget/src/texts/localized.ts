// One element's language and texts: which locale it speaks (locale.ts: its `lang`, the address's
// `poort-lang`, the page's), the texts of that locale (its text sets, whose Flemish and English
// chunks load on demand, and, where asked, the texts the BFF serves with the editors' overrides),
// and the translator over them. Every Poort element holds one.
//
// The first render waits for the locale's texts: an English page sees nothing for the moment the
// English chunk takes (it loads beside /api/config, which the widget waits for anyway), never
// Dutch texts or raw keys first. A Dutch page waits for nothing (Dutch is bundled). After that, a
// change of language keeps the old texts on screen until the new ones are there.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale } from '../../../contract/locales.js';
import { createTranslator, type Translate } from '../i18n.js';
import { elementLocale, watchLanguage } from '../locale.js';
import { servedTexts } from '../served-texts.js';
import type { TextSet } from './text-set.js';

export interface LocalizedOptions {
  /** The BFF to ask for its served texts (`GET ${bff}/api/texts/:locale`); without it, the bundled texts only. */
  bff?: () => string;
  /** Called once the element speaks another locale (also the first). */
  onLocale?: (locale: Locale) => void;
}

export class Localized implements ReactiveController {
  /** The locale the element shows now. */
  locale: Locale = 'nl';
  t: Translate;
  /** Settles once the texts of the locale asked for last are in, bundled and served (or could not be loaded). */
  ready: Promise<void> = Promise.resolve();
  private wanted: Locale | undefined;
  private shown = false;
  private served: unknown;
  private preview: unknown;
  private stopWatching: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private sets: readonly TextSet[],
    private readonly options: LocalizedOptions = {},
  ) {
    this.t = createTranslator('nl', sets);
    host.addController(this);
  }

  hostConnected(): void {
    this.stopWatching = watchLanguage(() => elementLocale(this.host) !== this.wanted && this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.stopWatching?.();
  }

  /**
   * For the host's shouldUpdate: looks up the element's locale again (the page may have changed
   * it) and loads its texts when new. False until the first locale's texts are there.
   */
  check(): boolean {
    const locale = elementLocale(this.host);
    if (locale !== this.wanted) {
      this.wanted = locale;
      // Texts already here (always Dutch): shown in this very update, no wait.
      if (this.sets.every((set) => set.get(locale) !== undefined)) this.switchTo(locale, undefined);
      this.ready = this.load(locale);
    }
    return this.shown;
  }

  /** Adds a set (a lazily loaded step's, for the texts around the step) once its texts of this locale are in. */
  async add(set: TextSet): Promise<void> {
    if (this.sets.includes(set)) return;
    await set.load(this.locale);
    this.sets = [...this.sets, set];
    this.translate();
  }

  /** Texts to show instead of the served ones (the text editor's live preview), or undefined. */
  setPreview(texts: unknown): void {
    if (texts === this.preview) return;
    this.preview = texts;
    this.translate();
  }

  private async load(locale: Locale): Promise<void> {
    const served = this.options.bff ? servedTexts(this.options.bff(), locale) : undefined;
    // A chunk that cannot be loaded leaves the Dutch texts (the translator's fallback) and the
    // served ones, which are complete when the BFF answers: better than no widget at all.
    if (locale !== this.locale || !this.shown) {
      await Promise.allSettled(this.sets.map((set) => set.load(locale)));
      if (locale !== this.wanted) return;
      this.switchTo(locale, undefined);
    }
    if (!served) return;
    const texts = await served;
    if (locale !== this.wanted) return;
    this.switchTo(locale, texts);
  }

  private switchTo(locale: Locale, served: unknown): void {
    const changed = locale !== this.locale || !this.shown;
    this.locale = locale;
    this.served = served;
    this.shown = true;
    this.translate();
    if (changed) this.options.onLocale?.(locale);
  }

  private translate(): void {
    this.t = createTranslator(this.locale, this.sets, this.preview ?? this.served);
    this.host.requestUpdate();
  }
}
