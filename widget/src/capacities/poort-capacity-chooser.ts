import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { CapacitiesView, CapacityView } from '../../../contract/api-schemas.js';
import { fire } from '../events.js';
import { coreTexts } from '../texts/core-texts.js';
import { ActingForChooser } from '../organisations/acting-for-chooser.js';
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
export class PoortCapacityChooser extends ActingForChooser<CapacitiesView, CapacityView> {
  constructor() {
    super({ loading: 'capacities.loading', heading: 'capacities.heading', intro: 'capacities.intro', legend: 'capacities.legend', required: 'capacities.required', busy: 'capacities.busy', submit: 'capacities.submit' }, [coreTexts, capacityTexts]);
  }

  get asking(): boolean {
    const data = this.data;
    return !!data && data.capacities.length > 1 && (data.choiceNeeded || this.always);
  }

  protected async fetchChoices() {
    const data = await fetchCapacities(this.bff);
    return { data, selected: data?.capacity ? valueOf({ code: data.capacity, organisation: data.actingFor ? { id: data.actingFor, name: '', identifiers: {} } : null }) : '' };
  }

  protected renderChoices(data: CapacitiesView) {
    return data.capacities.map((c) => this.renderOption(c));
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

  protected selectedChoice(): CapacityView | undefined {
    return this.data?.capacities.find((c) => valueOf(c) === this.selected);
  }

  protected organisationOf(c: CapacityView): string | null {
    return c.organisation?.id ?? null;
  }

  protected switched(capacity: CapacityView): void {
    this.done = this.t('capacities.chosen', { capacity: this.nameOf(capacity) });
    fire(this, 'poort-capacity', { capacity });
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
