import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { MembershipView, OrganisationsView } from '../../../contract/api-schemas.js';
import { BASE } from '../../../contract/paths.js';
import { fire } from '../events.js';
import { coreTexts } from '../texts/core-texts.js';
import { Localized } from '../texts/localized.js';
import { fetchOrganisations, switchOrganisation } from './organisations-api.js';
import { organisationTexts } from './organisation-texts.js';
import { organisationChooserStyles } from './poort-organisation-chooser.styles.js';
import { rememberOrganisation, rememberedOrganisation } from './remembered-organisation.js';

/** Loaded with this element's chunk (lazy-elements.ts). */
export { organisationTexts as stepTexts };

/**
 * Asks a logged-in person who belongs to several organisations which one they act for now (name,
 * KvK or other number, role, capacity), and tells the BFF (`POST /api/organisations/switch`). The
 * last choice in this browser is preselected: only its id is kept (localStorage `poort.organisation`).
 * Renders nothing for a visitor who is not logged in, or (without `always`) when there is nothing to choose.
 *
 * @fires poort-organisation - The session acts for another organisation now; `detail.organisation` is it (as in `GET /api/session`'s `actingFor`).
 * @csspart form - The form with the organisations.
 * @csspart option - Each organisation (a label around its radio button).
 * @csspart button - The submit button.
 */
@customElement('poort-organisation-chooser')
export class PoortOrganisationChooser extends LitElement {
  static override styles = organisationChooserStyles;

  /** Language: `nl`, `nl-BE` or `en`; else the page's (see locale.ts), else Dutch. */
  @property() override lang = '';

  /** Base path of the Poort BFF on this site. */
  @property() bff = BASE;

  /** Also show the list when a choice has been made, to act for another organisation. */
  @property({ type: Boolean }) always = false;

  @state() private data: OrganisationsView | undefined;
  @state() private loaded = false;
  @state() private selected = '';
  @state() private busy = false;
  @state() private errorCode = '';
  @state() private done = '';

  private readonly i18n = new Localized(this, [coreTexts, organisationTexts]);
  private remembered: string | undefined;
  private loading: Promise<void> | undefined;

  private get t() {
    return this.i18n.t;
  }

  private get locale() {
    return this.i18n.locale;
  }

  override connectedCallback(): void {
    // eslint-disable-next-line wc/guard-super-call -- LitElement always implements connectedCallback.
    super.connectedCallback();
    this.loading ??= this.load();
  }

  protected override shouldUpdate(): boolean {
    return this.i18n.check();
  }

  // Tests and pages can await el.updateComplete to get an element that has loaded the list, in its language.
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await Promise.all([this.loading, this.i18n.ready]);
    return super.getUpdateComplete();
  }

  /** Whether the element shows a question (false: not logged in, or nothing to choose). */
  get asking(): boolean {
    const data = this.data;
    return !!data && data.organisations.length > 0 && (data.organisationChoiceNeeded || this.always);
  }

  private async load(): Promise<void> {
    const data = await fetchOrganisations(this.bff);
    this.remembered = rememberedOrganisation();
    const ids = data?.organisations.map((o) => o.id) ?? [];
    this.selected = data?.actingFor ?? (this.remembered && ids.includes(this.remembered) ? this.remembered : '');
    this.data = data;
    this.loaded = true;
  }

  override render() {
    const { t } = this;
    if (!this.loaded) return html`<p role="status">${t('organisations.loading')}</p>`;
    if (this.done) return html`<p role="status">${this.done}</p>`;
    if (!this.asking) return nothing;
    return html`<section lang=${this.locale} aria-labelledby="heading">
      <h2 id="heading" tabindex="-1">${t('organisations.heading')}</h2>
      <p>${t('organisations.intro')}</p>
      <form part="form" novalidate @submit=${this.submit}>
        <fieldset aria-describedby="problem">
          <legend>${t('organisations.legend')}</legend>
          ${this.data!.organisations.map((o) => this.renderOption(o))}
        </fieldset>
        <p id="problem" class="error" role="alert">${this.errorCode ? this.errorText() : nothing}</p>
        <button part="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? t('organisations.busy') : t('organisations.submit')}</button>
      </form>
    </section>`;
  }

  private renderOption(o: MembershipView) {
    const { t } = this;
    const numbers = Object.entries(o.identifiers).map(([kind, value]) =>
      ['kvk', 'rsin', 'vestigingsnr'].includes(kind) ? t(`organisations.identifier.${kind}`, { value }) : `${kind.toUpperCase()} ${value}`,
    );
    const details = [
      ...numbers,
      t('organisations.role', { role: t(`organisations.roles.${o.role}`) }),
      ...(o.capacity ? [t('organisations.capacity', { capacity: o.capacity })] : []),
      ...(o.id === this.remembered ? [t('organisations.lastChoice')] : []),
    ];
    return html`<label part="option">
      <input type="radio" name="organisation" .value=${o.id} .checked=${o.id === this.selected} @change=${() => (this.selected = o.id)} />
      <span class="name">${o.name}</span>
      <span class="details">${details.join(' · ')}</span>
    </label>`;
  }

  private errorText(): string {
    const code = this.errorCode;
    return this.t(`errors.${code}`) || this.t(code === 'required' ? 'organisations.required' : `email.commonErrors.${code}`) || this.t('email.commonErrors.unknown');
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    if (!this.selected) {
      this.errorCode = 'required';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
      return;
    }
    this.busy = true;
    this.errorCode = '';
    const result = await switchOrganisation(this.bff, this.selected);
    this.busy = false;
    if (!result.ok) {
      this.errorCode = result.code;
      return;
    }
    const organisation = result.value.actingFor!;
    rememberOrganisation(organisation.id);
    this.done = this.t('organisations.chosen', { name: organisation.name });
    fire(this, 'poort-organisation', { organisation });
  }

  /** Moves focus to the question's heading (the chooser step of <login-chooser> does so when it opens). */
  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'poort-organisation-chooser': PoortOrganisationChooser;
  }
}
