import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { MembershipAddedView } from '../../../contract/linking-schemas.js';
import type { Locale } from '../../../contract/locales.js';
import { BASE } from '../../../contract/paths.js';
import { callBff } from '../email-form/email-api.js';
import { adoptLightDomStyles, lightDomFormStyles } from '../email-form/poort-email-form.styles.js';
import { fire } from '../events.js';
import { createTranslator, type Translate } from '../i18n.js';
import { elementLocale, watchLanguage } from '../locale.js';

const styles = lightDomFormStyles('poort-add-organisation');
let instances = 0;

/**
 * "Account toevoegen" (DUO): a logged-in person adds another organisation to their account with
 * the activation code issued for it. For the site's own account page; needs a session.
 *
 * @fires poort-organisation-added - The membership was added; `detail` is `{ organisation: { id, name }, role }`.
 */
@customElement('poort-add-organisation')
export class PoortAddOrganisation extends LitElement {
  /** Language: `nl`, `nl-BE` or `en`; defaults to the document's language, else Dutch. */
  @property({ reflect: true }) override lang = '';

  /** Base path of the Poort BFF on this site. */
  @property() bff = BASE;

  @state() private busy = false;
  @state() private errorCode = '';
  @state() private missing = false;
  @state() private added = '';

  private locale: Locale = 'nl';
  private t: Translate = createTranslator('nl');
  private stopWatchingLanguage: (() => void) | undefined;
  private readonly ids = `poort-add-organisation-${++instances}`;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    // eslint-disable-next-line wc/guard-super-call -- LitElement always implements connectedCallback.
    super.connectedCallback();
    adoptLightDomStyles(this, styles);
    this.stopWatchingLanguage = watchLanguage(() => elementLocale(this) !== this.locale && this.requestUpdate());
  }

  override disconnectedCallback(): void {
    // eslint-disable-next-line wc/guard-super-call -- LitElement always implements disconnectedCallback.
    super.disconnectedCallback();
    this.stopWatchingLanguage?.();
  }

  override willUpdate(): void {
    // Looked up on every update: the page may have changed its own language (watchLanguage).
    const locale = elementLocale(this);
    if (locale !== this.locale || !this.hasUpdated) {
      this.locale = locale;
      this.t = createTranslator(locale);
    }
  }

  override render() {
    const t = this.t;
    const id = `${this.ids}-code`;
    const error = this.errorCode ? t(`errors.${this.errorCode}`) || t('email.commonErrors.unknown') : '';
    return html`<section lang=${this.locale} aria-labelledby="${this.ids}-title">
      <h2 id="${this.ids}-title">${t('link.addOrganisation.heading')}</h2>
      <p>${t('link.addOrganisation.intro')}</p>
      ${this.added ? html`<p class="poort-notice" role="status">${t('link.addOrganisation.done', { name: this.added })}</p>` : nothing}
      <form novalidate @submit=${this.submit}>
        <div class="poort-field">
          <label for=${id}>${t('link.addOrganisation.label')}</label>
          <p class="poort-hint" id="${id}-hint">${t('link.addOrganisation.hint')}</p>
          <input id=${id} name="code" type="text" autocomplete="off" spellcheck="false" autocapitalize="characters" required aria-invalid=${this.missing ? 'true' : 'false'} aria-describedby="${id}-hint${this.missing ? ` ${id}-error` : ''}" />
          ${this.missing ? html`<p class="poort-error" id="${id}-error">${t('link.addOrganisation.required')}</p>` : nothing}
        </div>
        <div class="poort-error" role="alert">${error}</div>
        <button class="poort-submit" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? t('link.addOrganisation.busy') : t('link.addOrganisation.submit')}</button>
      </form>
    </section>`;
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    const form = event.target as HTMLFormElement;
    const code = String(new FormData(form).get('code') ?? '').trim();
    this.missing = !code;
    this.errorCode = '';
    this.added = '';
    if (!code) return;
    this.busy = true;
    try {
      const result = await callBff<MembershipAddedView>(this.bff, '/api/link/organisation', { code });
      if (!result.ok) {
        this.errorCode = result.code;
        return;
      }
      this.added = result.value.organisation.name;
      form.reset();
      fire(this, 'poort-organisation-added', result.value);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'poort-add-organisation': PoortAddOrganisation;
  }
}
