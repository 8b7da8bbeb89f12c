import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CapacitiesView, CapacityView } from '../../../contract/api-schemas.js';
import { BASE } from '../../../contract/paths.js';
import { fire } from '../events.js';
import { coreTexts } from '../texts/core-texts.js';
import { Localized } from '../texts/localized.js';
import { organisationChooserStyles } from '../organisations/poort-organisation-chooser.styles.js';
import { switchOrganisation } from '../organisations/organisations-api.js';
import { fetchCapacities } from './capacities-api.js';
import { capacityTexts } from './capacity-texts.js';

/** Loaded with this element's chunk (lazy-elements.ts). */
export { capacityTexts as stepTexts };

/** The radio value of the citizen capacity (an organisation id is a uuid, so none can be this). */
const CITIZEN_VALUE = 'citizen';

/**
 * After a login with the Flemish government (ACM/IDM) that offered several capacities
 * ("hoedanigheden"), asks which one the person acts in now: as a citizen, or as an employee of
 * one of the organisations, as the Flemish login itself does. Tells the BFF through the
 * organisations switch (`POST /api/organisations/switch`, `organisationId: null` for the citizen).
 * Renders nothing for a visitor who is not logged in, or (without `always`) when there is nothing to choose.
 *
 * @fires poort-capacity - The session acts in the chosen capacity now; `detail.capacity` is it (code and organisation).
 * @csspart form - The form with the capacities.
 * @csspart option - Each capacity (a label around its radio button).
 * @csspart button - The submit button.
 */
@customElement('poort-capacity-chooser')
export class PoortCapacityChooser extends LitElement {
  static override styles = organisationChooserStyles;

  /** Language: `nl`, `nl-BE` or `en`; else the page's (see locale.ts), else Dutch. */
  @property() override lang = '';

  /** Base path of the Poort BFF on this site. */
  @property() bff = BASE;

  /** Also show the list when a capacity has been chosen, to switch to another one. */
  @property({ type: Boolean }) always = false;

  @state() private data: CapacitiesView | undefined;
  @state() private loaded = false;
  @state() private selected = '';
  @state() private busy = false;
  @state() private errorCode = '';
  @state() private done = '';

  private readonly i18n = new Localized(this, [coreTexts, capacityTexts]);
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
    return !!data && data.capacities.length > 1 && (data.choiceNeeded || this.always);
  }

  private async load(): Promise<void> {
    const data = await fetchCapacities(this.bff);
    this.selected = data?.capacity ? valueOf({ code: data.capacity, organisation: data.actingFor ? { id: data.actingFor, name: '', identifiers: {} } : null }) : '';
    this.data = data;
    this.loaded = true;
  }

  override render() {
    const { t } = this;
    if (!this.loaded) return html`<p role="status">${t('capacities.loading')}</p>`;
    if (this.done) return html`<p role="status">${this.done}</p>`;
    if (!this.asking) return nothing;
    return html`<section lang=${this.locale} aria-labelledby="heading">
      <h2 id="heading" tabindex="-1">${t('capacities.heading')}</h2>
      <p>${t('capacities.intro')}</p>
      <form part="form" novalidate @submit=${this.submit}>
        <fieldset aria-describedby="problem">
          <legend>${t('capacities.legend')}</legend>
          ${this.data!.capacities.map((c) => this.renderOption(c))}
        </fieldset>
        <p id="problem" class="error" role="alert">${this.errorCode ? this.errorText() : nothing}</p>
        <button part="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? t('capacities.busy') : t('capacities.submit')}</button>
      </form>
    </section>`;
  }

  private renderOption(c: CapacityView) {
    const value = valueOf(c);
    return html`<label part="option">
      <input type="radio" name="capacity" .value=${value} .checked=${value === this.selected} @change=${() => (this.selected = value)} />
      <span class="name">${this.nameOf(c)}</span>
      <span class="details">${this.detailsOf(c)}</span>
    </label>`;
  }

  /** "Als burger", or "Als medewerker van <organisation>". */
  private nameOf(c: CapacityView): string {
    return c.organisation ? this.t('capacities.employee', { name: c.organisation.name }) : this.t('capacities.citizen');
  }

  private detailsOf(c: CapacityView): string {
    const kind = this.t(`capacities.codes.${c.code}`);
    if (!c.organisation) return kind;
    const numbers = Object.entries(c.organisation.identifiers).map(([k, value]) => (k === 'kbo' ? this.t('capacities.kbo', { value }) : `${k.toUpperCase()} ${value}`));
    return [kind, ...numbers].join(' · ');
  }

  private errorText(): string {
    const code = this.errorCode;
    return this.t(`errors.${code}`) || this.t(code === 'required' ? 'capacities.required' : `email.commonErrors.${code}`) || this.t('email.commonErrors.unknown');
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const chosen = this.data?.capacities.find((c) => valueOf(c) === this.selected);
    if (!chosen) {
      this.errorCode = 'required';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
      return;
    }
    this.busy = true;
    this.errorCode = '';
    const result = await switchOrganisation(this.bff, chosen.organisation?.id ?? null);
    this.busy = false;
    if (!result.ok) {
      this.errorCode = result.code;
      return;
    }
    this.done = this.t('capacities.chosen', { capacity: this.nameOf(chosen) });
    fire(this, 'poort-capacity', { capacity: chosen });
  }

  /** Moves focus to the question's heading (the capacity step of <login-chooser> does so when it opens). */
  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
  }
}

function valueOf(c: CapacityView): string {
  return c.organisation ? c.organisation.id : CITIZEN_VALUE;
}

declare global {
  interface HTMLElementTagNameMap {
    'poort-capacity-chooser': PoortCapacityChooser;
  }
}
