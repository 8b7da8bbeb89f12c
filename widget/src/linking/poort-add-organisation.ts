import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { MembershipAddedView } from '../../../contract/linking-schemas.js';
import { lightDomFormStyles } from '../email-form/poort-email-form.styles.js';
import { fire } from '../events.js';
import { LightDomForm } from '../light-dom-form.js';
import { coreTexts } from '../texts/core-texts.js';
import { linkTexts } from './link-texts.js';

/** Loaded with this element's chunk (lazy-elements.ts). */
export { linkTexts as stepTexts };

const styles = lightDomFormStyles('poort-add-organisation');

/**
 * "Account toevoegen" (DUO): a logged-in person adds another organisation to their account with
 * the activation code issued for it. For the site's own account page; needs a session.
 *
 * @fires poort-organisation-added - The membership was added; `detail` is `{ organisation: { id, name }, role }`.
 */
@customElement('poort-add-organisation')
export class PoortAddOrganisation extends LightDomForm {
  @state() private missing = false;
  @state() private added = '';

  constructor() {
    super('poort-add-organisation', [coreTexts, linkTexts], styles);
  }

  override render() {
    const t = this.t;
    const error = this.errorCode ? t(`errors.${this.errorCode}`) || t('email.commonErrors.unknown') : '';
    return html`<section lang=${this.locale} aria-labelledby="${this.ids}-title">
      <h2 id="${this.ids}-title">${t('link.addOrganisation.heading')}</h2>
      <p>${t('link.addOrganisation.intro')}</p>
      ${this.added ? html`<p class="poort-notice" role="status">${t('link.addOrganisation.done', { name: this.added })}</p>` : nothing}
      <form novalidate @submit=${this.submit}>
        ${this.field('code', 'text', t('link.addOrganisation.label'), 'off', {
          autocapitalize: 'characters',
          hint: t('link.addOrganisation.hint'),
          ...(this.missing && { problem: t('link.addOrganisation.required') }),
        })}
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
    const added = await this.call<MembershipAddedView>('/api/link/organisation', { code });
    if (!added) return;
    this.added = added.organisation.name;
    form.reset();
    fire(this, 'poort-organisation-added', added);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'poort-add-organisation': PoortAddOrganisation;
  }
}
