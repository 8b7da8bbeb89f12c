// The base of the two questions "for whom do you act now": <poort-organisation-chooser> (which
// organisation) and <poort-capacity-chooser> (which ACM/IDM capacity: citizen, or an organisation's
// employee). Both load their choices when connected, render a radio list in the same form, and
// answer through the organisations switch (`POST /api/organisations/switch`); a subclass says what
// the choices are and what follows a switch. Their texts have the same keys under their own group.
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SessionView } from '../../../contract/api-schemas.js';
import { BASE } from '../../../contract/paths.js';
import type { Translate } from '../i18n.js';
import { Localized } from '../texts/localized.js';
import type { TextSet } from '../texts/text-set.js';
import { switchOrganisation } from './organisations-api.js';
import { organisationChooserStyles } from './poort-organisation-chooser.styles.js';

/** The keys of a chooser's own texts (each element has them in its own group). */
export interface ChooserTextKeys {
  loading: string;
  heading: string;
  intro: string;
  legend: string;
  required: string;
  busy: string;
  submit: string;
}

export abstract class ActingForChooser<Data, Choice> extends LitElement {
  static override styles = organisationChooserStyles;

  /** Language: `nl`, `nl-BE` or `en`; else the page's (see locale.ts), else Dutch. */
  @property() override lang = '';

  /** Base path of the Poort BFF on this site. */
  @property() bff = BASE;

  /** Also show the list when a choice has been made, to choose another. */
  @property({ type: Boolean }) always = false;

  @state() protected data: Data | undefined;
  /** The radio value that is checked. */
  @state() protected selected = '';
  /** What the element says once the switch is done; it then shows only that. */
  @state() protected done = '';
  @state() private loaded = false;
  @state() private busy = false;
  @state() private errorCode = '';

  private readonly i18n: Localized;
  private loading: Promise<void> | undefined;

  /** `keys`: the element's own texts, each key written out where the element names it, so the texts check sees it used. */
  constructor(
    private readonly keys: ChooserTextKeys,
    sets: readonly TextSet[],
  ) {
    super();
    this.i18n = new Localized(this, sets);
  }

  /** Whether the element shows a question (false: not logged in, or nothing to choose). */
  abstract get asking(): boolean;

  /** The choices from the BFF (undefined: nobody logged in), and the radio value to check first. */
  protected abstract fetchChoices(): Promise<{ data: Data | undefined; selected: string }>;

  /** The radio buttons of the choices in `data`. */
  protected abstract renderChoices(data: Data): TemplateResult[];

  /** The choice whose radio is checked, if any. */
  protected abstract selectedChoice(): Choice | undefined;

  /** The organisation the session acts for with that choice (null: for nobody, as a citizen). */
  protected abstract organisationOf(choice: Choice): string | null;

  /** After a switch to the choice: sets `done` and tells the page. */
  protected abstract switched(choice: Choice, session: SessionView): void;

  protected get t(): Translate {
    return this.i18n.t;
  }

  override connectedCallback(): void {
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

  private async load(): Promise<void> {
    const { data, selected } = await this.fetchChoices();
    this.selected = selected;
    this.data = data;
    this.loaded = true;
  }

  override render() {
    const { t, keys } = this;
    if (!this.loaded) return html`<p role="status">${t(keys.loading)}</p>`;
    if (this.done) return html`<p role="status">${this.done}</p>`;
    if (!this.asking) return nothing;
    return html`<section lang=${this.i18n.locale} aria-labelledby="heading">
      <h2 id="heading" tabindex="-1">${t(keys.heading)}</h2>
      <p>${t(keys.intro)}</p>
      <form part="form" novalidate @submit=${this.submit}>
        <fieldset aria-describedby="problem">
          <legend>${t(keys.legend)}</legend>
          ${this.renderChoices(this.data!)}
        </fieldset>
        <p id="problem" class="error" role="alert">${this.errorCode ? this.errorText() : nothing}</p>
        <button part="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? t(keys.busy) : t(keys.submit)}</button>
      </form>
    </section>`;
  }

  private errorText(): string {
    const code = this.errorCode;
    return this.t(`errors.${code}`) || this.t(code === 'required' ? this.keys.required : `email.commonErrors.${code}`) || this.t('email.commonErrors.unknown');
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const choice = this.selectedChoice();
    if (choice === undefined) {
      this.errorCode = 'required';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
      return;
    }
    this.busy = true;
    this.errorCode = '';
    const result = await switchOrganisation(this.bff, this.organisationOf(choice));
    this.busy = false;
    if (!result.ok) {
      this.errorCode = result.code;
      return;
    }
    this.switched(choice, result.value);
  }

  /** Moves focus to the question's heading (the steps of <login-chooser> do so when they open). */
  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
  }
}
