// The base of the Beheer page's sections (<beheer-people>, <beheer-invite>,
// <beheer-activation-codes>, <beheer-audit>): <poort-beheer> hands each its locale, the page's
// texts, the BFF and the admin's scope; each translates with those texts and shows a refusal of
// the BFF in its alert region. The lists among them load when connected, or show the sample.
import { LitElement, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Locale } from '../../../contract/locales.js';
import { BASE } from '../../../contract/paths.js';
import type { Translate } from '../i18n.js';
import type { AdminScope, ApiResult, BeheerSample } from './beheer-api.js';
import { beheerTranslator, errorText } from './beheer-i18n.js';
import { beheerStyles } from './beheer.styles.js';

export abstract class BeheerSection extends LitElement {
  static override styles = [beheerStyles];

  @property({ attribute: false }) locale: Locale = 'nl';
  /** The page's texts as the BFF serves them (editors' changes); the bundled ones until then. */
  @property({ attribute: false }) texts: unknown;
  @property({ attribute: false }) bff = BASE;
  @property({ attribute: false }) scope: AdminScope = { role: 'admin', organisations: [], activationCodeDays: 30 };

  @state() protected busy = false;
  /** A BFF error code: shown in the alert region. */
  @state() protected errorCode = '';

  protected t: Translate = beheerTranslator('nl');

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') || changed.has('texts')) this.t = beheerTranslator(this.locale, this.texts);
  }

  /** Whether the BFF refused: then its code is in the alert region. */
  protected refused<T>(result: ApiResult<T>): result is Extract<ApiResult<T>, { ok: false }> {
    if (!result.ok) this.errorCode = result.code;
    return !result.ok;
  }

  protected renderAlert() {
    return html`<div class="status alert" role="alert">${this.errorCode ? errorText(this.t, this.errorCode) : ''}</div>`;
  }
}

/** A section with a list from the BFF: loaded when connected, or taken from the sample. */
export abstract class BeheerList extends BeheerSection {
  /** Made-up data to show instead of asking the BFF (the text editor's preview). */
  @property({ attribute: false }) sample: BeheerSample | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  protected abstract load(): Promise<void>;
}
