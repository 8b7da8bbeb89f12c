import { html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { roles, type Role } from '../../../contract/roles.js';
import { callBff } from './beheer-api.js';
import { BeheerSection } from './beheer-section.js';
import { addressDomain, inAllowedDomain } from './email-domain-check.js';

/**
 * Invites a person into one of the admin's organisations. The organisation's e-mail domains are
 * shown before anything is sent, and an address outside them is pointed out while typing; the
 * BFF checks again (422 email_domain_not_allowed).
 *
 * @fires beheer-changed - An invitation went out; the people list reloads.
 */
@customElement('beheer-invite')
export class BeheerInvite extends BeheerSection {
  @state() private organisationId = '';
  @state() private email = '';
  @state() private touched = false;
  @state() private notice = '';

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('scope') && !this.scope.organisations.some((o) => o.id === this.organisationId)) this.organisationId = this.scope.organisations[0]?.id ?? '';
  }

  private get organisation() {
    return this.scope.organisations.find((o) => o.id === this.organisationId);
  }

  /** The problem with the address as typed, shown before submit; '' when there is none. */
  private addressProblem(): string {
    const org = this.organisation;
    if (!org) return '';
    if (!this.email.trim()) return this.touched ? this.t('invite.emailMissing', { domain: org.emailDomains[0] ?? 'organisatie.nl' }) : '';
    if (addressDomain(this.email) && !inAllowedDomain(this.email, org.emailDomains)) return this.t('invite.domainMismatch', { organisation: org.name, domains: org.emailDomains.join(', ') });
    return '';
  }

  protected override render() {
    const t = this.t;
    const org = this.organisation;
    if (!org) return nothing;
    const problem = this.addressProblem();
    const grantable = roles.slice(0, roles.indexOf(this.scope.role) + 1);
    return html`
      <h2 id="invite-heading">${t('invite.heading')}</h2>
      <p>${t('invite.intro')}</p>
      <form aria-labelledby="invite-heading" novalidate @submit=${this.submit}>
        <div class="field">
          <label for="organisation">${t('invite.organisation')}</label>
          <select id="organisation" name="organisation" @change=${(e: Event) => (this.organisationId = (e.target as HTMLSelectElement).value)}>
            ${this.scope.organisations.map((o) => html`<option value=${o.id} ?selected=${o.id === this.organisationId}>${o.name}</option>`)}
          </select>
        </div>
        <p class="hint" id="domains">
          ${org.emailDomains.length ? t('invite.domains', { organisation: org.name, domains: org.emailDomains.join(', ') }) : t('invite.noDomains', { organisation: org.name })}
        </p>
        <div class="field">
          <label for="email">${t('invite.email')}</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="off"
            size="40"
            required
            aria-describedby="domains email-problem"
            aria-invalid=${problem ? 'true' : 'false'}
            .value=${this.email}
            @input=${(e: Event) => (this.email = (e.target as HTMLInputElement).value)}
            @blur=${() => (this.touched = true)}
          />
          <p class="error" id="email-problem">${problem}</p>
        </div>
        <div class="field">
          <label for="name">${t('invite.name')}</label>
          <input id="name" name="name" type="text" autocomplete="off" size="40" maxlength="200" />
        </div>
        <div class="field">
          <label for="role">${t('invite.role')}</label>
          <select id="role" name="role">
            ${grantable.map((r) => html`<option value=${r}>${t(`roles.${r}`)}</option>`)}
          </select>
        </div>
        <button type="submit" ?disabled=${this.busy}>${t('invite.submit')}</button>
      </form>
      <div class="status" role="status">${this.notice}</div>
      ${this.renderAlert()}
    `;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.touched = true;
    this.notice = '';
    this.errorCode = '';
    if (!this.email.trim() || this.addressProblem()) {
      this.renderRoot.querySelector<HTMLInputElement>('#email')?.focus();
      return;
    }
    const form = event.target as HTMLFormElement;
    const displayName = (form.elements.namedItem('name') as HTMLInputElement).value.trim();
    const role = (form.elements.namedItem('role') as HTMLSelectElement).value as Role;
    this.busy = true;
    const result = await callBff<{ user: { email: string } }>(this.bff, '/api/admin/users', {
      email: this.email.trim(),
      organisationId: this.organisationId,
      role,
      locale: this.locale,
      ...(displayName ? { displayName } : {}),
    });
    this.busy = false;
    if (this.refused(result)) return;
    this.notice = this.t('invite.sent', { email: result.value.user.email });
    this.email = '';
    this.touched = false;
    form.reset();
    this.dispatchEvent(new CustomEvent('beheer-changed', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-invite': BeheerInvite;
  }
}
