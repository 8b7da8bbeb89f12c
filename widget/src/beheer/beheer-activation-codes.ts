import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { roles, type Role } from '../../../contract/roles.js';
import { callBff, fetchCodes, type CodeListing, type IssuedCode } from './beheer-api.js';
import { BeheerList } from './beheer-section.js';

const MAX_DAYS = 365;

/**
 * Activation codes of the admin's organisations: make one (organisation, role, days valid; the
 * code is shown once, with a copy button), and the list of codes made, newest first, with their
 * status and who used them. Revoking asks for confirmation first: it cannot be undone.
 */
@customElement('beheer-activation-codes')
export class BeheerActivationCodes extends BeheerList {
  @state() private codes: CodeListing[] | undefined;
  @state() private issued: IssuedCode | undefined;
  @state() private notice = '';
  @state() private daysProblem = '';
  @state() private copyNote = '';
  /** The code whose revoking awaits confirmation. */
  @state() private confirming: CodeListing | undefined;

  protected async load(): Promise<void> {
    if (this.sample) {
      // The preview shows its first open code as one just issued.
      this.codes = this.sample.codes;
      const open = this.sample.codes.find((c) => c.status === 'open');
      if (open) this.issued = { id: open.id, code: '7K3M-Q9TA-XW2E-5HJB', organisationId: open.organisationId, role: open.role, expiresAt: open.expiresAt };
      return;
    }
    const result = await fetchCodes(this.bff);
    if (this.refused(result)) return;
    this.codes = result.value.codes;
  }

  private date(iso: string, withTime = false): string {
    return new Intl.DateTimeFormat(this.locale, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(new Date(iso));
  }

  protected override render() {
    const t = this.t;
    const grantable = roles.slice(0, roles.indexOf(this.scope.role) + 1);
    return html`
      <h2 id="codes-heading">${t('codes.heading')}</h2>
      <p>${t('codes.intro')}</p>
      ${this.scope.organisations.length
        ? html`<h3 id="issue-heading">${t('codes.issueHeading')}</h3>
            <form aria-labelledby="issue-heading" novalidate @submit=${this.issue}>
              <div class="row">
                <div class="field">
                  <label for="code-organisation">${t('codes.organisation')}</label>
                  <select id="code-organisation" name="organisation">
                    ${this.scope.organisations.map((o) => html`<option value=${o.id}>${o.name}</option>`)}
                  </select>
                </div>
                <div class="field">
                  <label for="code-role">${t('codes.role')}</label>
                  <select id="code-role" name="role">
                    ${grantable.filter((r) => r !== 'servicedesk').map((r) => html`<option value=${r}>${t(`roles.${r}`)}</option>`)}
                  </select>
                </div>
                <div class="field">
                  <label for="code-days">${t('codes.days')}</label>
                  <input
                    id="code-days"
                    name="days"
                    type="number"
                    inputmode="numeric"
                    min="1"
                    max=${MAX_DAYS}
                    size="5"
                    .value=${String(this.scope.activationCodeDays)}
                    aria-describedby="code-days-hint code-days-problem"
                    aria-invalid=${this.daysProblem ? 'true' : 'false'}
                  />
                  <p class="hint" id="code-days-hint">${t('codes.daysHint')}</p>
                  <p class="error" id="code-days-problem">${this.daysProblem}</p>
                </div>
              </div>
              <button type="submit" ?disabled=${this.busy}>${t('codes.issue')}</button>
            </form>`
        : nothing}
      <div class="status" role="status">${this.notice}</div>
      ${this.renderAlert()}
      ${this.issued ? this.renderIssued(this.issued) : nothing} ${this.confirming ? this.renderConfirmation(this.confirming) : nothing}
      <h3 id="codes-list-heading">${t('codes.listHeading')}</h3>
      ${this.codes === undefined ? html`<p>${t('loading')}</p>` : this.codes.length ? this.renderTable(this.codes) : html`<p>${t('codes.empty')}</p>`}
    `;
  }

  private renderIssued(issued: IssuedCode) {
    const t = this.t;
    return html`<section class="issued" aria-labelledby="new-code-label">
      <p id="new-code-label"><strong>${t('codes.newCode')}</strong></p>
      <p><code id="new-code" class="code" tabindex="-1">${issued.code}</code></p>
      <button type="button" class="secondary" @click=${() => this.copy(issued.code)}>${t('codes.copy')}</button>
      <p role="status" class="hint">${this.copyNote}</p>
    </section>`;
  }

  private renderTable(codes: CodeListing[]) {
    const t = this.t;
    const columns = ['created', 'organisation', 'role', 'expires', 'status', 'actions'] as const;
    return html`<div class="table-wrap" role="region" aria-labelledby="codes-list-heading" tabindex="0">
      <table>
        <caption>
          ${t('codes.caption')}
        </caption>
        <thead>
          <tr>
            ${columns.map((c) => html`<th scope="col">${t(`codes.columns.${c}`)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${codes.map(
            (c) => html`<tr data-code=${c.id} data-status=${c.status}>
              <th scope="row">
                <time datetime=${c.createdAt}>${this.date(c.createdAt, true)}</time>${c.createdBy ? html`<br /><span class="hint">${t('codes.by', { name: c.createdBy })}</span>` : nothing}
              </th>
              <td>${c.organisation}</td>
              <td>${t(`roles.${c.role}`)}</td>
              <td><time datetime=${c.expiresAt}>${this.date(c.expiresAt, true)}</time></td>
              <td>${c.status === 'used' && c.usedBy ? t('codes.status.usedBy', { name: c.usedBy }) : t(`codes.status.${c.status}`)}</td>
              <td>
                ${c.status === 'open'
                  ? html`<button class="secondary" aria-label=${t('codes.revokeFor', { date: this.date(c.createdAt, true) })} ?disabled=${this.busy} @click=${() => this.askRevoke(c)}>
                      ${t('codes.revoke')}
                    </button>`
                  : nothing}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderConfirmation(code: CodeListing) {
    const t = this.t;
    return html`<div class="status alert" role="alertdialog" aria-labelledby="revoke-text" aria-modal="false" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.cancelRevoke()}>
      <p id="revoke-text">${t('codes.confirm', { date: this.date(code.createdAt, true), organisation: code.organisation })}</p>
      <div class="row">
        <button id="revoke-yes" @click=${() => this.revoke(code)}>${t('codes.confirmYes')}</button>
        <button class="secondary" @click=${() => this.cancelRevoke()}>${t('codes.confirmCancel')}</button>
      </div>
    </div>`;
  }

  private async issue(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
    const days = Number(field('days').value.trim());
    this.notice = '';
    this.errorCode = '';
    this.copyNote = '';
    if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
      this.daysProblem = this.t('codes.daysInvalid');
      field('days').focus();
      return;
    }
    this.daysProblem = '';
    const organisationId = field('organisation').value;
    this.busy = true;
    const result = await callBff<IssuedCode>(this.bff, `/api/admin/organisations/${encodeURIComponent(organisationId)}/activation-codes`, {
      role: field('role').value as Role,
      validDays: days,
    });
    this.busy = false;
    if (this.refused(result)) return;
    this.issued = result.value;
    const organisation = this.scope.organisations.find((o) => o.id === result.value.organisationId)?.name ?? '';
    this.notice = this.t('codes.issued', { organisation, date: this.date(result.value.expiresAt) });
    await this.load();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#new-code')?.focus();
  }

  private async copy(code: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(code);
      this.copyNote = this.t('codes.copied');
    } catch {
      this.copyNote = this.t('codes.copyFailed');
      // Select the code so the person can copy it with the keyboard.
      const element = this.renderRoot.querySelector('#new-code');
      const selection = window.getSelection();
      if (element && selection) {
        selection.selectAllChildren(element);
      }
    }
  }

  private askRevoke(code: CodeListing): void {
    this.confirming = code;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#revoke-yes')?.focus());
  }

  private cancelRevoke(): void {
    const id = this.confirming?.id;
    this.confirming = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`tr[data-code="${id}"] button`)?.focus());
  }

  private async revoke(code: CodeListing): Promise<void> {
    this.busy = true;
    this.notice = '';
    this.errorCode = '';
    const result = await callBff(this.bff, `/api/admin/activation-codes/${encodeURIComponent(code.id)}/revoke`, {});
    this.busy = false;
    this.confirming = undefined;
    if (!result.ok) this.errorCode = result.code;
    else this.notice = this.t('codes.revoked', { date: this.date(code.createdAt, true) });
    await this.load();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-activation-codes': BeheerActivationCodes;
  }
}
