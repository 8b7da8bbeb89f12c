import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { locales, type Locale } from '../../contract/locales.js';
import { BASE } from '../../contract/paths.js';
import type { SessionUser } from '../../contract/api-schemas.js';
import { unflattenTexts } from '../../bff/src/texts/text-tree.js';
import en from '../../bff/src/texts/locales/en.json';
import nlBE from '../../bff/src/texts/locales/nl-BE.json';
import nl from '../../bff/src/texts/locales/nl.json';
import '../../widget/src/login-chooser.js';
import '../../widget/src/beheer/poort-beheer.js';
import { beheerSample } from './beheer-sample.js';
import type { LoginChooser } from '../../widget/src/login-chooser.js';
import { translatorFor, type Translate } from '../../widget/src/i18n.js';
import { resolveLocale } from '../../widget/src/locale.js';
import { poortErrorCodes } from '../../widget/src/poort-error.js';
import { call, textPath, type HistoryVersion, type Problem, type TextEntry } from './editor-api.js';
import { textEditorStyles } from './poort-text-editor.styles.js';

const editorTexts: Record<Locale, unknown> = { nl, 'nl-BE': nlBE, en };
const languageKey: Record<Locale, string> = { nl: 'nl', 'nl-BE': 'nlBE', en: 'en' };
type Step = 'method' | 'broker' | 'email' | 'error';
const steps: Step[] = ['method', 'broker', 'email', 'error'];

interface Note {
  kind: 'ok' | 'problem';
  text: string;
  problems?: string[];
  current?: string;
}

/**
 * The text editor (`/poort/editor`): find a text, change it in Dutch, Flemish and English side by
 * side with a live preview of the real `<login-chooser>`, see its history and take changes back,
 * and export or import a whole language. Only for editors (and roles above); the texts API checks
 * that, this element only shows the way in.
 */
@customElement('poort-text-editor')
export class PoortTextEditor extends LitElement {
  static override styles = textEditorStyles;

  /** Language of the editor itself: `nl`, `nl-BE` or `en`; default the document's. */
  @property() override lang = '';

  /** Base path of the Poort BFF. */
  @property() bff = BASE;

  @state() private access: 'loading' | 'login' | 'forbidden' | 'failed' | 'ready' = 'loading';
  @state() private entries: TextEntry[] = [];
  @state() private query = '';
  @state() private selected = '';
  @state() private drafts: Record<string, string> = {};
  @state() private notes: Partial<Record<Locale, Note>> = {};
  @state() private history: { locale: Locale; versions: HistoryVersion[] } | undefined;
  @state() private previewLocale: Locale = 'nl';
  @state() private previewStep: Step = 'method';
  @state() private previewHelp = true;
  @state() private previewError = 'no_authorisation';
  @state() private transferLocale: Locale = 'nl';
  @state() private transferNote: Note | undefined;
  private locale: Locale = 'nl';
  private readonly sample = beheerSample();
  private t: Translate = translatorFor(editorTexts, 'nl');

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('lang') || !this.hasUpdated) {
      this.locale = resolveLocale(this.lang, document.documentElement.lang);
      this.t = translatorFor(editorTexts, this.locale);
      if (!this.hasUpdated) this.previewLocale = this.locale;
    }
  }

  override connectedCallback(): void {
    // eslint-disable-next-line wc/guard-super-call -- LitElement always implements connectedCallback.
    super.connectedCallback();
    void this.load();
  }

  override updated(changed: Map<PropertyKey, unknown>): void {
    if (['previewStep', 'previewHelp', 'previewError', 'previewLocale', 'access'].some((p) => changed.has(p))) void this.showPreviewStep();
  }

  private async load(): Promise<void> {
    try {
      const session = await call<{ user: SessionUser }>(this.bff, '/api/session');
      if (!session.ok) {
        this.access = session.status === 401 ? 'login' : 'failed';
        return;
      }
      const overview = await call<{ texts: TextEntry[] }>(this.bff, '/api/admin/texts');
      if (overview.status === 403) this.access = 'forbidden';
      else if (!overview.ok) this.access = 'failed';
      else {
        this.entries = overview.body.texts;
        this.access = 'ready';
      }
    } catch {
      this.access = 'failed';
    }
  }

  private e(key: string, options?: Record<string, unknown>): string {
    return this.t(key, options);
  }

  private languageName(locale: Locale): string {
    return this.e(`editor.language.${languageKey[locale]}`);
  }

  override render() {
    const e = this.e.bind(this);
    return html`<main lang=${this.locale}>
      <h1>${e('editor.title')}</h1>
      ${this.access === 'ready'
        ? this.renderEditor()
        : this.access === 'login'
          ? html`<p>${e('editor.login')}</p>
              <login-chooser lang=${this.locale} bff=${this.bff} return-to="${this.bff}/editor" @poort-login=${() => this.load()}></login-chooser>`
          : html`<p role="status">${e(this.access === 'loading' ? 'editor.loading' : this.access === 'forbidden' ? 'editor.forbidden' : 'editor.failed')}</p>`}
    </main>`;
  }

  private renderEditor() {
    const e = this.e.bind(this);
    const found = this.filtered();
    const entry = this.entries.find((x) => x.key === this.selected);
    return html`<p>${e('editor.intro')}</p>
      <div class="layout">
        <section aria-labelledby="list-heading">
          <h2 id="list-heading">${e('editor.listLabel')}</h2>
          <label for="search">${e('editor.search.label')}</label>
          <input id="search" type="search" aria-describedby="search-hint" .value=${this.query} @input=${(ev: Event) => (this.query = (ev.target as HTMLInputElement).value)} />
          <p id="search-hint" class="hint">${e('editor.search.hint')}</p>
          <p role="status">${e('editor.count', { count: found.length })}</p>
          <ul class="keys" aria-labelledby="list-heading">
            ${found.map(
              (x) => html`<li>
                <button type="button" data-key=${x.key} aria-current=${x.key === this.selected ? 'true' : 'false'} @click=${() => this.select(x.key)}>
                  ${x.key}${this.markers(x)}
                </button>
              </li>`,
            )}
          </ul>
        </section>
        <section aria-labelledby="text-heading">
          <h2 id="text-heading">${entry ? entry.key : e('editor.choose')}</h2>
          ${entry ? this.renderEntry(entry) : nothing} ${this.renderPreview()} ${this.renderTransfer()}
        </section>
      </div>`;
  }

  private markers(entry: TextEntry) {
    const overridden = locales.filter((l) => entry.values[l].overridden).map((l) => this.languageName(l));
    const missing = locales.filter((l) => !entry.values[l].default).map((l) => this.languageName(l));
    return html`${overridden.length ? html`<span class="marker overridden">${this.e('editor.overridden', { languages: overridden.join(', ') })}</span>` : nothing}
    ${missing.length ? html`<span class="marker missing">${this.e('editor.missing', { languages: missing.join(', ') })}</span>` : nothing}`;
  }

  private renderEntry(entry: TextEntry) {
    const e = this.e.bind(this);
    return html`<p class="hint">${e(entry.rich ? 'editor.rich' : 'editor.plain')}</p>
      ${entry.placeholders.length ? html`<p class="hint">${e('editor.placeholders', { list: entry.placeholders.map((p) => `{{${p}}}`).join(', ') })}</p>` : nothing}
      <div class="locales">${locales.map((locale) => this.renderLocale(entry, locale))}</div>
      ${this.renderHistory(entry)}`;
  }

  private renderLocale(entry: TextEntry, locale: Locale) {
    const e = this.e.bind(this);
    const value = entry.values[locale];
    const id = `value-${languageKey[locale]}`;
    const note = this.notes[locale];
    return html`<div class="locale" lang=${locale} data-locale=${locale}>
      <h3 lang=${this.locale}>${this.languageName(locale)}</h3>
      <p class="hint" lang=${this.locale}>${value.overridden ? e('editor.version', { version: value.version }) : e('editor.isDefault')}</p>
      <label for=${id} lang=${this.locale}>${entry.key}</label>
      <textarea id=${id} .value=${this.drafts[`${locale} ${entry.key}`] ?? value.value ?? ''} @input=${(ev: Event) => this.draft(locale, entry.key, (ev.target as HTMLTextAreaElement).value)}></textarea>
      <details lang=${this.locale}>
        <summary>${e('editor.defaultText')}</summary>
        <pre lang=${locale}>${value.default ?? ''}</pre>
      </details>
      <div lang=${this.locale}>
        <button type="button" class="action" data-action="save" @click=${() => this.save(entry, locale)}>${e('editor.save')}</button>
        ${value.overridden ? html`<button type="button" class="action secondary" data-action="revert" @click=${() => this.revert(entry, locale, 0)}>${e('editor.revert')}</button>` : nothing}
        <button type="button" class="action secondary" data-action="history" @click=${() => this.showHistory(entry, locale)}>${e('editor.history')}</button>
        <div role="status" aria-live="polite">${note ? this.renderNote(note) : nothing}</div>
      </div>
    </div>`;
  }

  private renderNote(note: Note) {
    return html`<p class=${note.kind}>${note.text}</p>
      ${note.problems?.length ? html`<ul class="problem">${note.problems.map((p) => html`<li>${p}</li>`)}</ul>` : nothing}
      ${note.current !== undefined ? html`<p>${this.e('editor.current')}</p><pre>${note.current}</pre>` : nothing}`;
  }

  private renderHistory(entry: TextEntry) {
    const e = this.e.bind(this);
    const history = this.history;
    if (!history) return nothing;
    const current = entry.values[history.locale].version;
    return html`<section aria-labelledby="history-heading">
      <h3 id="history-heading">${e('editor.historyHeading', { language: this.languageName(history.locale) })}</h3>
      ${history.versions.length
        ? html`<ol reversed>
            ${history.versions.map(
              (v) => html`<li>
                <p>${e('editor.historyEntry', { version: v.version, at: new Date(v.at).toLocaleString(this.locale), who: v.editor?.displayName || v.editor?.email || e('editor.unknownEditor') })}</p>
                <p>${e('editor.before')}: <span lang=${history.locale}>${v.previous ?? e('editor.theDefault')}</span></p>
                <p>${e('editor.after')}: <span lang=${history.locale}>${v.value ?? e('editor.theDefault')}</span></p>
                ${v.version !== current ? html`<button type="button" class="action secondary" @click=${() => this.revert(entry, history.locale, v.version)}>${e('editor.restore', { version: v.version })}</button>` : nothing}
              </li>`,
            )}
          </ol>`
        : html`<p>${e('editor.historyEmpty')}</p>`}
    </section>`;
  }

  private renderPreview() {
    const e = this.e.bind(this);
    // A Beheer page text is previewed on the Beheer page, with made-up people, codes and events.
    if (this.entries.find((x) => x.key === this.selected)?.part === 'beheer') {
      return html`<section class="preview" aria-labelledby="preview-heading">
        <h2 id="preview-heading">${e('editor.preview.heading')}</h2>
        <p class="hint">${e('editor.preview.beheerIntro')}</p>
        <div class="preview-controls">
          <div>
            <label for="preview-locale">${e('editor.preview.language')}</label>
            <select id="preview-locale" @change=${(ev: Event) => (this.previewLocale = (ev.target as HTMLSelectElement).value as Locale)}>
              ${locales.map((l) => html`<option value=${l} ?selected=${l === this.previewLocale}>${this.languageName(l)}</option>`)}
            </select>
          </div>
        </div>
        <poort-beheer id="beheer-preview" lang=${this.previewLocale} bff=${this.bff} .sample=${this.sample} .texts=${this.previewBeheerTexts()}></poort-beheer>
      </section>`;
    }
    return html`<section class="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">${e('editor.preview.heading')}</h2>
      <p class="hint">${e('editor.preview.intro')}</p>
      <div class="preview-controls">
        <div>
          <label for="preview-locale">${e('editor.preview.language')}</label>
          <select id="preview-locale" @change=${(ev: Event) => (this.previewLocale = (ev.target as HTMLSelectElement).value as Locale)}>
            ${locales.map((l) => html`<option value=${l} ?selected=${l === this.previewLocale}>${this.languageName(l)}</option>`)}
          </select>
        </div>
        <div>
          <label for="preview-step">${e('editor.preview.step')}</label>
          <select id="preview-step" @change=${(ev: Event) => (this.previewStep = (ev.target as HTMLSelectElement).value as Step)}>
            ${steps.map((s) => html`<option value=${s} ?selected=${s === this.previewStep}>${e(`editor.preview.steps.${s}`)}</option>`)}
          </select>
        </div>
        ${this.previewStep === 'error'
          ? html`<div>
              <label for="preview-error">${e('editor.preview.errorCode')}</label>
              <select id="preview-error" @change=${(ev: Event) => (this.previewError = (ev.target as HTMLSelectElement).value)}>
                ${poortErrorCodes.map((c) => html`<option value=${c} ?selected=${c === this.previewError}>${c}</option>`)}
              </select>
            </div>`
          : nothing}
        <div>
          <label><input type="checkbox" id="preview-help" .checked=${this.previewHelp} @change=${(ev: Event) => (this.previewHelp = (ev.target as HTMLInputElement).checked)} /> ${e('editor.preview.help')}</label>
        </div>
      </div>
      <login-chooser id="preview" lang=${this.previewLocale} bff=${this.bff} .texts=${this.previewTexts()}></login-chooser>
    </section>`;
  }

  private renderTransfer() {
    const e = this.e.bind(this);
    return html`<section aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">${e('editor.transfer.heading')}</h2>
      <p class="hint">${e('editor.transfer.intro')}</p>
      <label for="transfer-locale">${e('editor.transfer.language')}</label>
      <select id="transfer-locale" @change=${(ev: Event) => (this.transferLocale = (ev.target as HTMLSelectElement).value as Locale)}>
        ${locales.map((l) => html`<option value=${l} ?selected=${l === this.transferLocale}>${this.languageName(l)}</option>`)}
      </select>
      <p><a href="${this.bff}/api/admin/texts/${this.transferLocale}/export" download="poort-texts-${this.transferLocale}.json">${e('editor.transfer.export')}</a></p>
      <label for="import-file">${e('editor.transfer.file')}</label>
      <input id="import-file" type="file" accept="application/json,.json" />
      <button type="button" class="action" @click=${this.importFile}>${e('editor.transfer.import')}</button>
      <div role="status" aria-live="polite">${this.transferNote ? this.renderNote(this.transferNote) : nothing}</div>
    </section>`;
  }

  private filtered(): TextEntry[] {
    const q = this.query.trim().toLowerCase();
    if (!q) return this.entries;
    return this.entries.filter((x) => x.key.toLowerCase().includes(q) || locales.some((l) => (x.values[l].value ?? '').toLowerCase().includes(q)));
  }

  private select(key: string): void {
    this.selected = key;
    this.notes = {};
    this.history = undefined;
  }

  private draft(locale: Locale, key: string, value: string): void {
    this.drafts = { ...this.drafts, [`${locale} ${key}`]: value };
  }

  /** The Beheer page's texts in the preview's language (keys without `beheer.`), with every unsaved change. */
  private previewBeheerTexts(): unknown {
    const locale = this.previewLocale;
    const prefix = 'beheer.';
    return unflattenTexts(this.entries.filter((x) => x.part === 'beheer').map((x) => [x.key.slice(prefix.length), this.drafts[`${locale} ${x.key}`] ?? x.values[locale].value ?? ''] as const));
  }

  /** The widget's texts in the preview's language, with every unsaved change in it. */
  private previewTexts(): unknown {
    const locale = this.previewLocale;
    return unflattenTexts(this.entries.filter((x) => x.widget).map((x) => [x.key, this.drafts[`${locale} ${x.key}`] ?? x.values[locale].value ?? ''] as const));
  }

  private async showPreviewStep(): Promise<void> {
    await this.updateComplete;
    const chooser = this.renderRoot.querySelector<LoginChooser>('#preview');
    await chooser?.preview(this.previewStep, { help: this.previewHelp, code: this.previewError });
  }

  private replace(entry: TextEntry, locale: Locale, state: { value: string; version: number; overridden: boolean }): void {
    const values = { ...entry.values, [locale]: { ...entry.values[locale], ...state } };
    this.entries = this.entries.map((x) => (x.key === entry.key ? { ...x, values } : x));
  }

  private describe(problems: Problem[] = []): string[] {
    return problems.map((p) => this.t(`textProblem.${p.problem}`, { detail: p.detail ?? '' }));
  }

  private async save(entry: TextEntry, locale: Locale): Promise<void> {
    const draft = this.drafts[`${locale} ${entry.key}`] ?? entry.values[locale].value ?? '';
    await this.change(entry, locale, 'PUT', textPath(locale, entry.key), { value: draft, version: entry.values[locale].version }, (v) => this.e('editor.saved', { version: v }));
  }

  private async revert(entry: TextEntry, locale: Locale, to: number): Promise<void> {
    const said = (v: number) => (to === 0 ? this.e('editor.reverted') : this.e('editor.saved', { version: v }));
    await this.change(entry, locale, 'POST', `${textPath(locale, entry.key)}/revert`, { to, version: entry.values[locale].version }, said);
  }

  private async change(entry: TextEntry, locale: Locale, method: string, path: string, body: unknown, said: (version: number) => string): Promise<void> {
    try {
      const answer = await call<{ value: string; version: number; overridden: boolean }>(this.bff, path, method, body);
      if (answer.ok) {
        this.replace(entry, locale, answer.body);
        const { [`${locale} ${entry.key}`]: _, ...rest } = this.drafts;
        this.drafts = rest;
        this.notes = { ...this.notes, [locale]: { kind: 'ok', text: said(answer.body.version) } };
        if (this.history?.locale === locale) await this.showHistory(this.entries.find((x) => x.key === entry.key)!, locale);
      } else if (answer.status === 409) {
        const current = answer.body.error?.problems?.[0]?.current;
        if (current) this.replace(entry, locale, current);
        this.notes = { ...this.notes, [locale]: { kind: 'problem', text: this.e('editor.conflict'), ...(current ? { current: current.value } : {}) } };
      } else if (answer.status === 422) {
        this.notes = { ...this.notes, [locale]: { kind: 'problem', text: this.e('editor.problems'), problems: this.describe(answer.body.error?.problems) } };
      } else this.notes = { ...this.notes, [locale]: { kind: 'problem', text: this.e('editor.unknown') } };
    } catch {
      this.notes = { ...this.notes, [locale]: { kind: 'problem', text: this.e('editor.network') } };
    }
  }

  private async showHistory(entry: TextEntry, locale: Locale): Promise<void> {
    const answer = await call<{ versions: HistoryVersion[] }>(this.bff, `${textPath(locale, entry.key)}/history`).catch(() => undefined);
    if (answer?.ok) this.history = { locale, versions: answer.body.versions };
    else this.notes = { ...this.notes, [locale]: { kind: 'problem', text: this.e(answer ? 'editor.unknown' : 'editor.network') } };
  }

  private importFile = async (): Promise<void> => {
    const file = this.renderRoot.querySelector<HTMLInputElement>('#import-file')?.files?.[0];
    if (!file) return void (this.transferNote = { kind: 'problem', text: this.e('editor.transfer.noFile') });
    let content: unknown;
    try {
      content = JSON.parse(await file.text());
    } catch {
      return void (this.transferNote = { kind: 'problem', text: this.e('editor.transfer.notJson') });
    }
    const answer = await call<{ changed: number }>(this.bff, `/api/admin/texts/${this.transferLocale}/import`, 'POST', content).catch(() => undefined);
    if (!answer) this.transferNote = { kind: 'problem', text: this.e('editor.network') };
    else if (answer.ok) {
      this.transferNote = { kind: 'ok', text: this.e('editor.transfer.done', { count: answer.body.changed }) };
      await this.load();
    } else
      this.transferNote = {
        kind: 'problem',
        text: this.e(answer.status === 422 ? 'editor.transfer.failed' : 'editor.unknown'),
        problems: (answer.body.error?.problems ?? []).map((p, i) => `${p.key}: ${this.describe([p])[0] ?? i}`),
      };
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'poort-text-editor': PoortTextEditor;
  }
}
