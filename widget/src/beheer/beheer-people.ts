import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { roles, type Role } from '../../../contract/roles.js';
import { callBff, fetchPeople, type Person } from './beheer-api.js';
import { BeheerList } from './beheer-section.js';
import './beheer-invite.js';

const PAGE_SIZE = 25;

/**
 * An action on one person: which persons it applies to, and how it runs: at once, after a
 * confirmation (it cannot be undone by an admin), or through a small form of its own.
 */
interface PersonAction {
  id: 'unblock' | 'reinvite' | 'disable' | 'endDate';
  path: string;
  appliesTo(person: Person): boolean;
  run: 'now' | 'confirm' | 'form';
}

// A further action is an entry here (docs/beheer.md).
const actions: PersonAction[] = [
  { id: 'unblock', path: 'unlock', appliesTo: (p) => p.status === 'blocked', run: 'now' },
  { id: 'reinvite', path: 'invite', appliesTo: (p) => p.status === 'invited', run: 'now' },
  // An end date concerns password login: people with an e-mail address.
  { id: 'endDate', path: 'local-account-until', appliesTo: (p) => p.status !== 'disabled' && p.email !== null, run: 'form' },
  { id: 'disable', path: 'disable', appliesTo: (p) => p.status !== 'disabled', run: 'confirm' },
];

/** The calendar date of a moment in Dutch time (the zone end dates are set in), as YYYY-MM-DD. */
function dutchDate(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/**
 * The people of the admin's organisations: search, pages, login methods, role, status and last
 * login, and per person the actions that fit their status. Results and errors are announced.
 */
@customElement('beheer-people')
export class BeheerPeople extends BeheerList {
  @state() private search = '';
  @state() private offset = 0;
  @state() private people: Person[] | undefined;
  @state() private total = 0;
  @state() private notice = '';
  /** The person whose disabling awaits confirmation. */
  @state() private confirming: Person | undefined;
  /** The person whose end date is being set. */
  @state() private endDateFor: Person | undefined;
  @state() private endDateProblem = '';

  protected async load(): Promise<void> {
    if (this.sample) {
      this.people = this.sample.people;
      this.total = this.sample.people.length;
      return;
    }
    const result = await fetchPeople(this.bff, { search: this.search, offset: this.offset, limit: PAGE_SIZE });
    if (this.refused(result)) return;
    this.people = result.value.people;
    this.total = result.value.total;
  }

  protected override render() {
    const t = this.t;
    const pages = Math.max(1, Math.ceil(this.total / PAGE_SIZE));
    const page = Math.floor(this.offset / PAGE_SIZE) + 1;
    return html`
      <beheer-invite .locale=${this.locale} .texts=${this.texts} .bff=${this.bff} .scope=${this.scope} @beheer-changed=${() => void this.load()}></beheer-invite>
      <h2 id="people-heading">${t('people.heading')}</h2>
      <form role="search" aria-labelledby="people-heading" class="row" @submit=${this.onSearch}>
        <div>
          <label for="search">${t('people.search')}</label>
          <input id="search" name="search" type="search" autocomplete="off" .value=${this.search} />
        </div>
        <button type="submit">${t('people.searchButton')}</button>
      </form>
      <div class="status" role="status">${this.notice}</div>
      ${this.renderAlert()}
      ${this.confirming ? this.renderConfirmation(this.confirming) : nothing} ${this.endDateFor ? this.renderEndDate(this.endDateFor) : nothing}
      ${this.people === undefined
        ? html`<p>${t('loading')}</p>`
        : html`
            <p aria-live="polite">${this.people.length ? t('people.count', { count: this.total }) : t('people.empty')}</p>
            ${this.people.length ? this.renderTable(this.people) : nothing}
            ${pages > 1
              ? html`<nav aria-label=${t('people.pages')} class="row">
                  <button class="secondary" ?disabled=${page <= 1} @click=${() => this.goTo(this.offset - PAGE_SIZE)}>${t('people.previous')}</button>
                  <span>${t('people.page', { page, pages })}</span>
                  <button class="secondary" ?disabled=${page >= pages} @click=${() => this.goTo(this.offset + PAGE_SIZE)}>${t('people.next')}</button>
                </nav>`
              : nothing}
          `}
    `;
  }

  private renderTable(people: Person[]) {
    const t = this.t;
    const when = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' });
    const grantable = roles.slice(0, roles.indexOf(this.scope.role) + 1);
    return html`<div class="table-wrap" role="region" aria-label=${t('people.caption')} tabindex="0">
      <table>
        <caption>
          ${t('people.caption')}
        </caption>
        <thead>
          <tr>
            ${(['person', 'organisations', 'method', 'role', 'status', 'lastLogin', 'actions'] as const).map((c) => html`<th scope="col">${t(`people.columns.${c}`)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${people.map((p) => {
            const name = this.nameOf(p);
            return html`<tr data-person=${p.id}>
              <th scope="row">${p.displayName ? html`${p.displayName}<br />` : nothing}${p.email ?? t('people.noEmail')}</th>
              <td>${p.organisations.join(', ')}</td>
              <td>${p.methods.length ? p.methods.map((m) => t(`people.method.${m}`)).join(', ') : t('people.method.none')}</td>
              <td>
                ${p.status === 'disabled' || !grantable.includes(p.role)
                  ? t(`roles.${p.role}`)
                  : html`<form class="row" @submit=${(e: SubmitEvent) => this.onRole(e, p)}>
                      <select name="role" aria-label=${t('people.roleFor', { name })}>
                        ${grantable.map((r) => html`<option value=${r} ?selected=${r === p.role}>${t(`roles.${r}`)}</option>`)}
                      </select>
                      <button class="secondary" type="submit" aria-label=${t('people.actionFor', { action: t('people.saveRole'), name })} ?disabled=${this.busy}>${t('people.saveRole')}</button>
                    </form>`}
              </td>
              <td>${this.statusText(p)}</td>
              <td>${p.lastLoginAt ? html`<time datetime=${p.lastLoginAt}>${when.format(new Date(p.lastLoginAt))}</time>` : t('people.never')}</td>
              <td>
                <div class="row">
                  ${actions
                    .filter((a) => a.appliesTo(p))
                    .map(
                      (a) => html`<button
                        class=${a.run === 'now' ? '' : 'secondary'}
                        aria-label=${t('people.actionFor', { action: t(`people.actions.${a.id}`), name })}
                        ?disabled=${this.busy}
                        @click=${() => this.onAction(a, p)}
                      >
                        ${t(`people.actions.${a.id}`)}
                      </button>`,
                    )}
                </div>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }

  /** The status, and for a temporary account until when (Dutch calendar date, as it was set). */
  private statusText(p: Person) {
    const t = this.t;
    if (!p.localAccountUntil) return t(`people.status.${p.status}`);
    const date = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeZone: 'Europe/Amsterdam' }).format(new Date(p.localAccountUntil));
    const ended = new Date(p.localAccountUntil).getTime() <= Date.now();
    if (p.status === 'temporary') return html`<span data-until>${t(ended ? 'people.status.temporaryEnded' : 'people.status.temporary', { date })}</span>`;
    return html`${t(`people.status.${p.status}`)}<br /><span class="hint" data-until>${t('people.untilNote', { date })}</span>`;
  }

  private renderEndDate(person: Person) {
    const t = this.t;
    const name = this.nameOf(person);
    return html`<form class="status" aria-labelledby="end-date-heading" novalidate @submit=${(e: SubmitEvent) => this.saveEndDate(e, person)} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.closeEndDate()}>
      <h3 id="end-date-heading">${t('people.endDate.heading', { name })}</h3>
      <p id="end-date-intro">${t('people.endDate.intro')}</p>
      <div class="field">
        <label for="end-date">${t('people.endDate.label')}</label>
        <input
          id="end-date"
          name="date"
          type="date"
          required
          .value=${person.localAccountUntil ? dutchDate(person.localAccountUntil) : ''}
          aria-describedby="end-date-intro end-date-problem"
          aria-invalid=${this.endDateProblem ? 'true' : 'false'}
        />
        <p class="error" id="end-date-problem">${this.endDateProblem}</p>
      </div>
      <div class="row">
        <button type="submit" ?disabled=${this.busy}>${t('people.endDate.save')}</button>
        ${person.localAccountUntil ? html`<button type="button" class="secondary" ?disabled=${this.busy} @click=${() => this.clearEndDate(person)}>${t('people.endDate.clear')}</button>` : nothing}
        <button type="button" class="secondary" @click=${() => this.closeEndDate()}>${t('people.endDate.cancel')}</button>
      </div>
    </form>`;
  }

  private renderConfirmation(person: Person) {
    const t = this.t;
    const disable = actions.find((a) => a.run === 'confirm')!;
    return html`<div class="status alert" role="alertdialog" aria-labelledby="confirm-text" aria-modal="false" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.cancelConfirmation()}>
      <p id="confirm-text">${t('people.confirm.disable', { name: this.nameOf(person) })}</p>
      <div class="row">
        <button id="confirm-yes" @click=${() => this.run(disable, person)}>${t('people.confirm.yes')}</button>
        <button class="secondary" @click=${() => this.cancelConfirmation()}>${t('people.confirm.cancel')}</button>
      </div>
    </div>`;
  }

  private nameOf(p: Person): string {
    return p.displayName ?? p.email ?? p.id;
  }

  private onSearch(event: SubmitEvent): void {
    event.preventDefault();
    this.search = ((event.target as HTMLFormElement).elements.namedItem('search') as HTMLInputElement).value;
    this.goTo(0);
  }

  private goTo(offset: number): void {
    this.offset = Math.max(0, offset);
    void this.load();
  }

  private onAction(action: PersonAction, person: Person): void {
    if (action.run === 'now') {
      void this.run(action, person);
      return;
    }
    this.confirming = undefined;
    this.endDateFor = undefined;
    this.endDateProblem = '';
    if (action.run === 'form') this.endDateFor = person;
    else this.confirming = person;
    const target = action.run === 'form' ? '#end-date' : '#confirm-yes';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(target)?.focus());
  }

  private closeEndDate(): void {
    const id = this.endDateFor?.id;
    this.endDateFor = undefined;
    this.endDateProblem = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`tr[data-person="${id}"] button`)?.focus());
  }

  private async saveEndDate(event: SubmitEvent, person: Person): Promise<void> {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('date') as HTMLInputElement;
    if (!input.value) {
      this.endDateProblem = this.t('people.endDate.missing');
      input.focus();
      return;
    }
    const date = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${input.value}T00:00:00Z`));
    await this.change(`/api/admin/users/${encodeURIComponent(person.id)}/local-account-until`, { localAccountUntil: input.value }, this.t('people.done.endDate', { name: this.nameOf(person), date }), 'PUT');
  }

  private async clearEndDate(person: Person): Promise<void> {
    await this.change(`/api/admin/users/${encodeURIComponent(person.id)}/local-account-until`, { localAccountUntil: null }, this.t('people.done.endDateCleared', { name: this.nameOf(person) }), 'PUT');
  }

  private cancelConfirmation(): void {
    const id = this.confirming?.id;
    this.confirming = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`tr[data-person="${id}"] button`)?.focus());
  }

  private async run(action: PersonAction, person: Person): Promise<void> {
    await this.change(`/api/admin/users/${encodeURIComponent(person.id)}/${action.path}`, {}, this.t(`people.done.${action.id}`, { name: this.nameOf(person) }));
  }

  private async onRole(event: SubmitEvent, person: Person): Promise<void> {
    event.preventDefault();
    const role = ((event.target as HTMLFormElement).elements.namedItem('role') as HTMLSelectElement).value as Role;
    if (role === person.role) return;
    await this.change(`/api/admin/users/${encodeURIComponent(person.id)}/role`, { role }, this.t('people.done.role', { name: this.nameOf(person), role: this.t(`roles.${role}`) }));
  }

  private async change(path: string, body: unknown, done: string, method: 'POST' | 'PUT' = 'POST'): Promise<void> {
    this.busy = true;
    this.notice = '';
    this.errorCode = '';
    const result = await callBff(this.bff, path, body, method);
    this.busy = false;
    this.confirming = undefined;
    this.endDateFor = undefined;
    if (this.refused(result)) return;
    this.notice = done;
    await this.load();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-people': BeheerPeople;
  }
}
