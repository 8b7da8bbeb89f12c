import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { AuditEventView } from '../../../contract/audit-schemas.js';
import { levels } from '../../../contract/levels.js';
import { servedMethods } from '../../../contract/login-methods.js';
import { auditCsvUrl, fetchAudit } from './beheer-api.js';
import { auditFilterQuery, type AuditFilterForm } from './audit-filters.js';
import { beheerTexts } from './beheer-i18n.js';
import { BeheerList } from './beheer-section.js';

const eventTypes = Object.keys(beheerTexts.nl.audit.types);

/**
 * The audit log with the API's filters: newest first, more on request (the API's cursor), and a
 * CSV download of everything the filters select.
 */
@customElement('beheer-audit')
export class BeheerAudit extends BeheerList {
  @state() private events: AuditEventView[] | undefined;
  @state() private nextCursor: string | null = null;
  @state() private query: Record<string, string> = {};

  /** The first page of what the filters select, or with `more` the next one after those shown. */
  protected async load(more = false): Promise<void> {
    if (this.sample) {
      this.events = this.sample.events;
      return;
    }
    this.busy = true;
    this.errorCode = '';
    const result = await fetchAudit(this.bff, { ...this.query, ...(more && this.nextCursor ? { cursor: this.nextCursor } : {}) });
    this.busy = false;
    if (this.refused(result)) return;
    this.events = more ? [...(this.events ?? []), ...result.value.events] : result.value.events;
    this.nextCursor = result.value.nextCursor;
  }

  protected override render() {
    const t = this.t;
    return html`
      <h2 id="audit-heading">${t('audit.heading')}</h2>
      <p>${t('audit.intro')}</p>
      ${this.renderFilters()}
      ${this.renderAlert()}
      <p class="row">
        <a class="button" href=${auditCsvUrl(this.bff, this.query)} download>${t('audit.export')}</a>
      </p>
      ${this.events === undefined
        ? html`<p>${t('loading')}</p>`
        : html`<p aria-live="polite">${this.events.length ? t('audit.shown', { count: this.events.length }) : t('audit.empty')}</p>
            ${this.events.length ? this.renderTable(this.events) : nothing}
            ${this.nextCursor ? html`<button class="secondary" ?disabled=${this.busy} @click=${() => void this.load(true)}>${t('audit.more')}</button>` : nothing}`}
    `;
  }

  private renderFilters() {
    const t = this.t;
    const select = (name: string, label: string, options: [string, string][]) =>
      html`<div class="field">
        <label for="f-${name}">${label}</label>
        <select id="f-${name}" name=${name}>
          <option value="">${t('audit.any')}</option>
          ${options.map(([value, text]) => html`<option value=${value}>${text}</option>`)}
        </select>
      </div>`;
    const input = (name: string, label: string, type = 'text') =>
      html`<div class="field">
        <label for="f-${name}">${label}</label>
        <input id="f-${name}" name=${name} type=${type} autocomplete="off" />
      </div>`;
    return html`<form aria-labelledby="filters-heading" @submit=${this.onFilter} @reset=${this.onReset}>
      <fieldset>
        <legend id="filters-heading">${t('audit.filters')}</legend>
        <div class="row">
          ${input('from', t('audit.from'), 'date')} ${input('to', t('audit.to'), 'date')} ${input('person', t('audit.person'))}
          ${this.scope.organisations.length > 1 || this.scope.role === 'servicedesk'
            ? select(
                'organisation',
                t('audit.organisation'),
                this.scope.organisations.map((o) => [o.id, o.name]),
              )
            : nothing}
          ${select(
            'type',
            t('audit.type'),
            eventTypes.map((type) => [type, t(`audit.types.${type}`)]),
          )}
          ${select(
            'outcome',
            t('audit.outcome'),
            (['success', 'failure'] as const).map((o) => [o, t(`audit.outcomes.${o}`)]),
          )}
          ${select(
            'method',
            t('audit.method'),
            servedMethods.map((m) => [m, t(`people.method.${m}`)]),
          )}
          ${select(
            'level',
            t('audit.level'),
            levels.map((l) => [l, l]),
          )}
          ${input('application', t('audit.application'))}
        </div>
        <div class="row">
          <button type="submit" ?disabled=${this.busy}>${t('audit.apply')}</button>
          <button type="reset" class="secondary">${t('audit.reset')}</button>
        </div>
      </fieldset>
    </form>`;
  }

  private renderTable(events: AuditEventView[]) {
    const t = this.t;
    const when = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'medium' });
    const columns = ['when', 'event', 'who', 'by', 'method', 'level', 'organisation', 'application', 'outcome', 'reason', 'requestId', 'network'] as const;
    const who = (p: AuditEventView['person']) => (p ? (p.email ?? p.displayName ?? p.id) : '');
    return html`<div class="table-wrap" role="region" aria-label=${t('audit.caption')} tabindex="0">
      <table>
        <caption>
          ${t('audit.caption')}
        </caption>
        <thead>
          <tr>
            ${columns.map((c) => html`<th scope="col">${t(`audit.columns.${c}`)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${events.map(
            (e) => html`<tr data-event=${e.id}>
              <th scope="row"><time datetime=${e.at}>${when.format(new Date(e.at))}</time></th>
              <td>${t(`audit.types.${e.type}`) || e.type}</td>
              <td>${who(e.person)}</td>
              <td>${who(e.actor)}</td>
              <td>${e.method ? t(`people.method.${e.method}`) || e.method : ''}${e.broker ? html` (${e.broker})` : nothing}</td>
              <td>${e.level ?? ''}</td>
              <td>${e.organisation?.name ?? ''}</td>
              <td>${e.application ?? ''}</td>
              <td>${t(`audit.outcomes.${e.outcome}`)}</td>
              <td>${e.reason ?? ''}</td>
              <td>${e.requestId ?? ''}</td>
              <td>${e.clientNetwork ?? ''}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private onFilter(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '';
    const filters: AuditFilterForm = {
      from: value('from'),
      to: value('to'),
      person: value('person'),
      organisation: value('organisation'),
      type: value('type'),
      outcome: value('outcome'),
      method: value('method'),
      level: value('level'),
      application: value('application'),
    };
    this.query = auditFilterQuery(filters);
    void this.load(false);
  }

  private onReset(): void {
    this.query = {};
    void this.load(false);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-audit': BeheerAudit;
  }
}
