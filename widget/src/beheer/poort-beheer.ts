import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Locale } from '../../../contract/locales.js';
import { BASE } from '../../../contract/paths.js';
import { resolveLocale } from '../locale.js';
import { servedTexts } from '../served-texts.js';
import type { Translate } from '../i18n.js';
import { fetchScope, type AdminScope, type BeheerSample } from './beheer-api.js';
import { beheerTranslator, errorText } from './beheer-i18n.js';
import { beheerStyles } from './beheer.styles.js';
import './beheer-people.js';
import './beheer-audit.js';
import './beheer-activation-codes.js';

/** The sections of the Beheer page, in tab order: a new section is one element of its own and one entry here. */
const sections = ['people', 'codes', 'audit'] as const;
type Section = (typeof sections)[number];

/**
 * The Beheer page for admins and the service desk (/poort/beheer/): the people of the
 * organisations they administer, and the audit log. The BFF serves it only to a person with the
 * admin role at the site's eHerkenning level, and checks every call again.
 */
@customElement('poort-beheer')
export class PoortBeheer extends LitElement {
  static override styles = [beheerStyles];

  /** Language: `nl`, `nl-BE` or `en`; defaults to the document's language, else Dutch. */
  @property({ reflect: true }) override lang = '';

  /** Base path of the Poort BFF on this site. */
  @property() bff = BASE;

  /** Texts to show instead of the served ones (the text editor's preview passes its drafts). */
  @property({ attribute: false }) texts: unknown;

  /**
   * Made-up data to show instead of asking the BFF: the text editor previews the page's texts with
   * it (nothing is fetched but the texts).
   */
  @property({ attribute: false }) sample: BeheerSample | undefined;

  @state() private served: unknown;
  @state() private section: Section = 'people';
  @state() private scope: AdminScope | undefined;
  @state() private errorCode = '';

  private locale: Locale = 'nl';
  private t: Translate = beheerTranslator('nl');

  override connectedCallback(): void {
    // eslint-disable-next-line wc/guard-super-call -- LitElement always implements connectedCallback.
    super.connectedCallback();
    if (this.sample) {
      this.scope = this.sample.scope;
      return;
    }
    void fetchScope(this.bff).then((result) => {
      if (result.ok) this.scope = result.value;
      else this.errorCode = result.code;
    });
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('lang')) {
      this.locale = resolveLocale(this.lang, document.documentElement.lang);
      const locale = this.locale;
      void servedTexts(this.bff, locale, 'beheer').then((served) => {
        if (locale === this.locale) this.served = served;
      });
    }
    if (changed.has('lang') || changed.has('texts') || changed.has('served')) this.t = beheerTranslator(this.locale, this.pageTexts);
  }

  /** What the sections read their texts from: the preview's drafts, else the served texts. */
  private get pageTexts(): unknown {
    return this.texts ?? this.served;
  }

  protected override render() {
    const t = this.t;
    return html`
      <header>
        <h1>${t('title')}</h1>
        ${this.scope ? html`<p>${this.scopeText(this.scope)}</p>` : nothing}
      </header>
      <div class="status alert" role="alert">${this.errorCode ? errorText(t, this.errorCode) : ''}</div>
      ${this.scope
        ? html`
            <div role="tablist" aria-label=${t('tabs.label')} @keydown=${this.onTabKey}>
              ${sections.map(
                (s) => html`<button
                  role="tab"
                  id="tab-${s}"
                  class=${this.section === s ? '' : 'secondary'}
                  aria-selected=${this.section === s ? 'true' : 'false'}
                  aria-controls="panel"
                  tabindex=${this.section === s ? 0 : -1}
                  @click=${() => (this.section = s)}
                >
                  ${t(`tabs.${s}`)}
                </button>`,
              )}
            </div>
            <section id="panel" role="tabpanel" aria-labelledby="tab-${this.section}">
              ${this.renderSection(this.section, this.scope)}
            </section>
          `
        : this.errorCode
          ? nothing
          : html`<p role="status">${t('loading')}</p>`}
    `;
  }

  private renderSection(section: Section, scope: AdminScope) {
    const texts = this.pageTexts;
    if (section === 'people') return html`<beheer-people .locale=${this.locale} .texts=${texts} .bff=${this.bff} .scope=${scope} .sample=${this.sample}></beheer-people>`;
    if (section === 'codes') return html`<beheer-activation-codes .locale=${this.locale} .texts=${texts} .bff=${this.bff} .scope=${scope} .sample=${this.sample}></beheer-activation-codes>`;
    return html`<beheer-audit .locale=${this.locale} .texts=${texts} .bff=${this.bff} .scope=${scope} .sample=${this.sample}></beheer-audit>`;
  }

  private scopeText(scope: AdminScope): string {
    if (scope.role === 'servicedesk') return this.t('scope.all');
    if (!scope.organisations.length) return this.t('scope.none');
    return this.t('scope.intro', { organisations: scope.organisations.map((o) => o.name).join(', ') });
  }

  /** WAI-ARIA tabs: arrow keys, Home and End move between tabs (automatic activation). */
  private onTabKey(event: KeyboardEvent): void {
    const index = sections.indexOf(this.section);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: sections.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.section = sections[(next + sections.length) % sections.length]!;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.section}`)?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'poort-beheer': PoortBeheer;
  }
}
