import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { MembershipView, OrganisationsView, SessionView } from '../../../contract/api-schemas.js';
import { fire } from '../events.js';
import { coreTexts } from '../texts/core-texts.js';
import { ActingForChooser } from './acting-for-chooser.js';
import { fetchOrganisations } from './organisations-api.js';
import { organisationTexts } from './organisation-texts.js';
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
export class PoortOrganisationChooser extends ActingForChooser<OrganisationsView, string> {
  private remembered: string | undefined;

  constructor() {
    super({ loading: 'organisations.loading', heading: 'organisations.heading', intro: 'organisations.intro', legend: 'organisations.legend', required: 'organisations.required', busy: 'organisations.busy', submit: 'organisations.submit' }, [coreTexts, organisationTexts]);
  }

  get asking(): boolean {
    const data = this.data;
    return !!data && data.organisations.length > 0 && (data.organisationChoiceNeeded || this.always);
  }

  protected async fetchChoices() {
    const data = await fetchOrganisations(this.bff);
    this.remembered = rememberedOrganisation();
    const ids = data?.organisations.map((o) => o.id) ?? [];
    return { data, selected: data?.actingFor ?? (this.remembered && ids.includes(this.remembered) ? this.remembered : '') };
  }

  protected renderChoices(data: OrganisationsView) {
    return data.organisations.map((o) => this.renderOption(o));
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

  protected selectedChoice(): string | undefined {
    return this.selected || undefined;
  }

  protected organisationOf(id: string): string {
    return id;
  }

  protected switched(_id: string, session: SessionView): void {
    const organisation = session.actingFor!;
    rememberOrganisation(organisation.id);
    this.done = this.t('organisations.chosen', { name: organisation.name });
    fire(this, 'poort-organisation', { organisation });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'poort-organisation-chooser': PoortOrganisationChooser;
  }
}
