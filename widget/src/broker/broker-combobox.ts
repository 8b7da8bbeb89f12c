// The broker step's search field and list: an editable combobox with list autocomplete
// (WAI-ARIA APG "combobox" pattern). Focus stays in the field; the highlighted option is given by
// aria-activedescendant. The list is always shown, because people must be able to pick from it
// without typing (there are few eHerkenning brokers), and it is virtualised, because the same
// control must stay fast for a federation of 10,000: only the rows in view are in the DOM, while
// aria-setsize/aria-posinset still tell assistive technology where each row sits in the whole.
// Rows are placed absolutely at index × row height, and the list's ::after marks the end, so the
// scrollbar spans all rows. Both come from custom properties set through the CSSOM after each
// render: a strict CSP blocks style attributes (Lit's styleMap writes one on first render).
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Broker } from '../../../contract/api-schemas.js';
import { levelSatisfies, type Level } from '../../../contract/levels.js';
import type { Translate } from '../i18n.js';
import { indexForSearch, normalise, searchBrokers, type SearchIndex } from './broker-search.js';
import { rememberBroker } from './remembered-broker.js';

type Host = ReactiveControllerHost & { renderRoot: ParentNode };

// Rows rendered above and below the visible ones, so fast scrolling does not show gaps.
const overscan = 3;
// Screen readers are still reading the last keystroke; the count waits until typing pauses.
const announceDelayMs = 500;

export class BrokerCombobox implements ReactiveController {
  query = '';
  results: Broker[] = [];
  /** Index in `results` of the highlighted option, -1 for none. */
  active = -1;
  selected: Broker | undefined;
  remembered: Broker | undefined;
  /** The person forgot the remembered choice during this visit. */
  forgotten = false;
  /** "Verder" was pressed without a choice. */
  invalid = false;
  /** Result count last announced in the live region. */
  announced: number | undefined;

  private index: SearchIndex<Broker> = indexForSearch([]);
  private required: Level = 'loa2';
  private rowHeight = 48;
  private viewHeight = 6 * 48;
  private scrollTop = 0;
  private pendingScroll: number | undefined;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: Host,
    private readonly submit: () => void,
  ) {
    host.addController(this);
  }

  /** Starts the step over with these brokers; the remembered one comes first and is chosen. */
  reset(brokers: readonly Broker[], required: Level, rememberedId: string | undefined): void {
    this.index = indexForSearch(brokers);
    this.required = required;
    this.remembered = brokers.find((b) => b.id === rememberedId && this.canDeliver(b));
    this.selected = this.remembered;
    this.query = '';
    this.invalid = false;
    this.forgotten = false;
    this.filter();
  }

  canDeliver(broker: Broker): boolean {
    return broker.levels.some((l) => levelSatisfies(l, this.required));
  }

  hostDisconnected(): void {
    clearTimeout(this.announceTimer);
  }

  hostUpdated(): void {
    const list = this.host.renderRoot.querySelector<HTMLElement>('#listbox');
    if (!list) return;
    list.style.setProperty('--_n', String(this.results.length));
    for (const option of list.children as HTMLCollectionOf<HTMLElement>) option.style.setProperty('--_i', option.dataset.i!);
    const row = list.querySelector<HTMLElement>('[role=option]')?.offsetHeight;
    const view = list.clientHeight;
    // Row height comes from CSS (themes may change it); measure instead of assuming.
    if ((row && row !== this.rowHeight) || (view && view !== this.viewHeight)) {
      this.rowHeight = row || this.rowHeight;
      this.viewHeight = view || this.viewHeight;
      this.host.requestUpdate();
    }
    if (this.pendingScroll !== undefined) {
      list.scrollTop = this.pendingScroll;
      this.pendingScroll = undefined;
    }
  }

  choose(broker: Broker): void {
    if (!this.canDeliver(broker)) return;
    this.selected = broker;
    this.invalid = false;
    this.query = broker.name;
    // Nothing stays highlighted, so a second Enter means "Verder".
    this.filter();
  }

  forget(): void {
    rememberBroker(undefined);
    if (this.selected === this.remembered) this.selected = undefined;
    this.remembered = undefined;
    this.forgotten = true;
    this.filter();
  }

  private filter(): void {
    let results = searchBrokers(this.index, this.query);
    const first = this.remembered;
    if (!this.query && first) results = [first, ...results.filter((b) => b !== first)];
    // A broker that is down now stays choosable but goes last, so nobody is led into a dead end first.
    this.results = [...results.filter((b) => !b.unavailable), ...results.filter((b) => b.unavailable)];
    this.active = -1;
    this.scrollTop = this.pendingScroll = 0;
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      this.announced = this.results.length;
      this.host.requestUpdate();
    }, announceDelayMs);
    this.host.requestUpdate();
  }

  private moveTo(index: number): void {
    this.active = index;
    if (index >= 0) {
      const top = index * this.rowHeight;
      if (top < this.scrollTop) this.scrollTop = top;
      else if (top + this.rowHeight > this.scrollTop + this.viewHeight) this.scrollTop = top + this.rowHeight - this.viewHeight;
      this.pendingScroll = this.scrollTop;
    }
    this.host.requestUpdate();
  }

  private onInput = (e: Event): void => {
    this.query = (e.target as HTMLInputElement).value;
    if (this.selected && normalise(this.query) !== normalise(this.selected.name)) this.selected = undefined;
    this.filter();
  };

  // Keys as in the APG editable combobox. Home and End move through the list once an option is
  // highlighted; before that they move the text cursor, as in any text field.
  private onKeydown = (e: KeyboardEvent): void => {
    const last = this.results.length - 1;
    const { active } = this;
    let next: number | undefined;
    switch (e.key) {
      case 'ArrowDown':
        next = e.altKey ? active : Math.min(active + 1, last);
        break;
      case 'ArrowUp':
        next = active < 0 ? last : Math.max(active - 1, 0);
        break;
      case 'Home':
        if (active >= 0) next = 0;
        break;
      case 'End':
        if (active >= 0) next = last;
        break;
      case 'Enter':
        e.preventDefault();
        if (active >= 0) this.choose(this.results[active]!);
        else this.submit();
        return;
      case 'Escape':
        if (this.query || active >= 0) {
          e.preventDefault();
          this.query = '';
          this.filter();
        }
        return;
    }
    if (next === undefined) return;
    e.preventDefault();
    this.moveTo(next);
  };

  private onScroll = (e: Event): void => {
    this.scrollTop = (e.target as HTMLElement).scrollTop;
    this.host.requestUpdate();
  };

  private onClick = (e: Event): void => {
    const option = (e.target as Element).closest<HTMLElement>('[role=option]');
    if (option) this.choose(this.results[Number(option.dataset.i)]!);
  };

  render(t: Translate) {
    const { results, rowHeight, active, selected } = this;
    const n = results.length;
    const first = Math.max(0, Math.floor(this.scrollTop / rowHeight) - overscan);
    const end = Math.min(n, Math.ceil((this.scrollTop + this.viewHeight) / rowHeight) + overscan);
    const level = t(`levels.${this.required}`);
    const describedBy = this.invalid ? 'hint invalid' : 'hint';
    return html`
      <label for="search" part="label">${t('broker.label')}</label>
      <p id="hint" class="hint">${t('broker.hint')}</p>
      ${this.invalid ? html`<p id="invalid" class="invalid" part="invalid">${t('broker.required')}</p>` : nothing}
      <input
        id="search"
        part="search"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        aria-autocomplete="list"
        aria-expanded=${n > 0 ? 'true' : 'false'}
        aria-controls="listbox"
        aria-activedescendant=${active >= 0 ? `o${active}` : nothing}
        aria-describedby=${describedBy}
        aria-invalid=${this.invalid ? 'true' : nothing}
        .value=${live(this.query)}
        @input=${this.onInput}
        @keydown=${this.onKeydown}
      />
      <ul
        id="listbox"
        role="listbox"
        part="listbox"
        aria-label=${t('broker.listLabel')}
        ?hidden=${n === 0}
        @scroll=${this.onScroll}
        @mousedown=${(e: Event) => e.preventDefault()}
        @click=${this.onClick}
      >
        ${results.slice(first, end).map((b, k) => {
          const i = first + k;
          const disabled = !this.canDeliver(b);
          const parts = ['option', i === active && 'option-active', b === selected && 'option-selected', disabled && 'option-disabled', b.unavailable && 'option-unavailable'];
          return html`<li
            id="o${i}"
            data-i=${i}
            role="option"
            part=${parts.filter(Boolean).join(' ')}
            class=${i === active ? 'active' : ''}
            aria-selected=${b === selected ? 'true' : 'false'}
            aria-disabled=${disabled ? 'true' : nothing}
            aria-setsize=${n}
            aria-posinset=${i + 1}
          >
            ${b.logo ? html`<img src=${b.logo} alt="" />` : nothing}<span class="name">${b.name}</span
            ><span class="note"
              >${disabled ? t('broker.tooLow', { level }) : b.unavailable ? t('broker.unavailable') : b === this.remembered ? t('broker.lastChoice') : ''}</span
            >
          </li>`;
        })}
      </ul>
      ${n === 0 ? html`<p class="none">${t('broker.none')}</p>` : nothing}
      <p role="status" class="visually-hidden">
        ${this.announced === undefined ? '' : this.announced ? t('broker.count', { count: this.announced }) : t('broker.none')}
      </p>
    `;
  }
}
