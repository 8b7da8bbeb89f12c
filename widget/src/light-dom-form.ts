// The base of Poort's light-DOM forms: <poort-email-form>, <poort-link-step> and
// <poort-add-organisation>. They render into their own light DOM, where the page's password
// manager sees and fills their inputs; their styles are adopted by the document (or the shadow
// root they are in), scoped to their tag, which works under a strict CSP. Each speaks its locale
// (texts/localized.ts), renders once its texts are there, and posts to the BFF with one busy flag
// and one alert.
import { LitElement, type CSSResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Locale } from '../../contract/locales.js';
import { BASE } from '../../contract/paths.js';
import { callBff, type ApiResult } from './email-form/email-api.js';
import { adoptLightDomStyles } from './email-form/poort-email-form.styles.js';
import type { Translate } from './i18n.js';
import { Localized, type LocalizedOptions } from './texts/localized.js';
import type { TextSet } from './texts/text-set.js';
import { formField, type FormField } from './views/form-field.js';

let instances = 0;

export type Refusal = Extract<ApiResult<unknown>, { ok: false }>;

export abstract class LightDomForm extends LitElement {
  /** Language: `nl`, `nl-BE` or `en`; defaults to the document's language, else Dutch. */
  @property({ reflect: true }) override lang = '';

  /** Base path of the Poort BFF on this site. */
  @property() bff = BASE;

  @state() protected busy = false;
  /** A BFF error code or `network`/`unknown`: shown in the alert region. */
  @state() protected errorCode = '';

  protected readonly i18n: Localized;
  /** Unique per instance: the ids that labels, hints and errors point at start with it. */
  protected readonly ids: string;

  constructor(
    tag: string,
    sets: readonly TextSet[],
    private readonly styles: CSSResult,
    options: { servedTexts?: boolean; onLocale?: LocalizedOptions['onLocale'] } = {},
  ) {
    super();
    this.ids = `${tag}-${++instances}`;
    this.i18n = new Localized(this, sets, { ...(options.servedTexts && { bff: () => this.bff }), ...(options.onLocale && { onLocale: options.onLocale }) });
  }

  protected get t(): Translate {
    return this.i18n.t;
  }

  protected get locale(): Locale {
    return this.i18n.locale;
  }

  /** Light DOM: the inputs must be in the page's own DOM for password managers. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptLightDomStyles(this, this.styles);
  }

  protected override shouldUpdate(): boolean {
    return this.i18n.check();
  }

  // Tests and pages can await el.updateComplete to get a form rendered in its language.
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.i18n.ready;
    return super.getUpdateComplete();
  }

  /** One labelled input (views/form-field.ts), its id made of this form's `ids` and its name. */
  protected field(name: string, type: string, label: string, autocomplete: string, rest: Omit<FormField, 'id' | 'name' | 'type' | 'label' | 'autocomplete'>) {
    return formField({ id: `${this.ids}-${name}`, name, type, label, autocomplete, ...rest });
  }

  /** Posts to the BFF unless a post is under way; the answer, or undefined after a refusal (see `refused`). */
  protected async call<T>(path: string, body: unknown): Promise<T | undefined> {
    if (this.busy) return undefined;
    this.busy = true;
    this.errorCode = '';
    try {
      const result = await callBff<T>(this.bff, path, body);
      if (result.ok) return result.value;
      this.refused(result);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  /** What a refusal shows: its code in the alert region (a form may show some at a field instead). */
  protected refused(refusal: Refusal): void {
    this.errorCode = refusal.code;
  }
}
