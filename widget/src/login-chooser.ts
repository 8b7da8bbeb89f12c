import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { createTranslator, type Translate } from './i18n.js';
import { resolveLocale, type Locale } from './locale.js';
import { loginChooserStyles } from './login-chooser.styles.js';

export type LoginMethod = 'eherkenning' | 'email';
export type Level = 'loa2' | 'loa2plus' | 'loa3' | 'loa4';

/**
 * Lets a person choose how to log in to a government site: eHerkenning or e-mail.
 *
 * @fires poort-method - The person chose a method; `detail.method` names it.
 * @csspart method - Each method button.
 */
@customElement('login-chooser')
export class LoginChooser extends LitElement {
  static override styles = loginChooserStyles;

  /** Language: `nl`, `nl-BE` or `en`; defaults to the document's language, else Dutch. */
  @property({ reflect: true }) override lang = '';

  /** Base path of the Poort BFF on this site. */
  @property() bff = '/poort';

  /** eHerkenning level this site requires. */
  @property() level: Level = 'loa2plus';

  @state() private locale: Locale = 'nl';
  private t: Translate = createTranslator('nl');

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('lang') || !this.hasUpdated) {
      const locale = resolveLocale(this.lang, document.documentElement.lang);
      if (locale !== this.locale || !this.hasUpdated) {
        this.locale = locale;
        this.t = createTranslator(locale);
      }
    }
  }

  override render() {
    const t = this.t;
    const levelText = t(`levels.${this.level}`);
    return html`
      <section aria-labelledby="title" lang=${this.locale}>
        <h2 id="title">${t('title')}</h2>
        <p>${t('intro')}</p>
        <ul class="methods" aria-label=${t('methods.label')}>
          <li class="method">
            <button part="method" data-method="eherkenning" @click=${() => this.choose('eherkenning')}>
              ${t('methods.eherkenning.button')}
              <span class="level">(${t('methods.eherkenning.level', { level: levelText })})</span>
            </button>
            <p class="help">${t('methods.eherkenning.help')}</p>
          </li>
          <li class="method">
            <button part="method" data-method="email" @click=${() => this.choose('email')}>
              ${t('methods.email.button')}
            </button>
            <p class="help">${t('methods.email.help')}</p>
          </li>
        </ul>
      </section>
    `;
  }

  private choose(method: LoginMethod): void {
    this.dispatchEvent(new CustomEvent('poort-method', { detail: { method }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'login-chooser': LoginChooser;
  }
}
