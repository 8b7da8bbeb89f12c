import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { BrokerCombobox } from './broker/broker-combobox.js';
import './email-form/poort-email-form.js';
import type { PoortEmailForm } from './email-form/poort-email-form.js';
import { rememberBroker, rememberedBroker } from './broker/remembered-broker.js';
import { eidasMinimumLevel, levels, strongerLevel, type Level } from '../../contract/levels.js';
import { matchLocale, type Locale } from '../../contract/locales.js';
import { loginMethods, servedMethods, type BrokerMethod, type LoginMethod } from '../../contract/login-methods.js';
import { BASE } from '../../contract/paths.js';
import { fetchConfig, type WidgetConfig } from './config.js';
import { cutOffNoticeKey, cutOffOf, formatCutOff } from './cut-off.js';
import type { PoortOrganisationChooser } from './organisations/poort-organisation-chooser.js';
import type { PoortCapacityChooser } from './capacities/poort-capacity-chooser.js';
import { fetchSession } from './session.js';
import { fetchApplicationAccess } from './application-access.js';
import type { ApplicationView } from '../../contract/api-schemas.js';
import type { UpstreamMethod } from '../../contract/applications.js';
import { fire } from './events.js';
import type { Translate } from './i18n.js';
import { loadElement, type LazyTag } from './lazy-elements.js';
import { richText } from './rich-text.js';
import { coreTexts } from './texts/core-texts.js';
import { Localized } from './texts/localized.js';
import { loginChooserStyles } from './login-chooser.styles.js';
import { isKnownError, takePoortError, unknownErrorCode } from './poort-error.js';
import { takeLinkPending } from './linking/link-pending.js';
import { errorView } from './views/error-view.js';
import { helpDisclosure, helpdeskContact } from './views/help.js';
import { methodList } from './views/method-list.js';
import { technicalInfo, technicalText, type CopyState } from './views/technical-info.js';

export type Step = 'loading' | 'method' | 'broker' | 'email' | 'link' | 'error' | 'organisation' | 'capacity' | 'stepUp' | 'refused';

/**
 * Lets a person choose how to log in to a government site: eHerkenning (through the broker of
 * their choice), the Flemish government's login, or a local e-mail account. Everything but the
 * attributes below comes from `GET ${bff}/api/config`.
 *
 * @fires poort-method - A method was chosen; `detail.method` names it. Cancelable.
 * @fires poort-broker - "Verder" with a broker chosen, just before the page goes to the broker; `detail.broker`, `detail.url`. Cancel it to stay on the page.
 * @fires poort-error - An error view is shown (`?poort-error=<code>` on return, or the configuration did not load); `detail.code`, `detail.known`.
 * @fires poort-login - Fired by `<poort-email-form>` after a successful e-mail login, and by `<poort-link-step>` once a first eHerkenning login is linked (both in this element's light DOM); bubbles through this element.
 * @fires poort-organisation - Fired by the organisation step's `<poort-organisation-chooser>` once the person chose whom to act for (after a login with several memberships).
 * @fires poort-capacity - Fired by the capacity step's `<poort-capacity-chooser>` once the person chose the capacity of a Flemish government (ACM/IDM) login that offered several.
 * @slot email - Where the e-mail step shows `<poort-email-form>`; the widget creates it there itself.
 * @slot link - Where the linking step shows `<poort-link-step>` after a first eHerkenning login (`?poort-link=pending`); created there by the widget.
 * @csspart base - The whole widget.
 * @csspart banner - The demo-environment banner.
 * @csspart method - Each method button.
 * @csspart mark - The eHerkenning mark in its method button.
 * @csspart label - The label of the broker search field.
 * @csspart search - The broker search field (combobox).
 * @csspart listbox - The broker list.
 * @csspart option - Each broker in the list; also `option-active`, `option-selected`, `option-disabled`.
 * @csspart remembered - The note about the broker remembered on this device.
 * @csspart button - Every other button; also `continue`, `back`, `copy`, `retry`, `forget`.
 * @csspart help - Each "Hulp nodig?" disclosure.
 * @csspart technical - The panel with details for the eHerkenning administrator.
 * @csspart error - The error view.
 * @csspart cancelled - The note shown after the person cancelled at their eHerkenning supplier.
 * @csspart notice - The note about the end of password login (e-mail step, method step).
 * @csspart step-up - The step that asks an application's stronger login (`app`).
 * @csspart refused - The note that the person lacks an application's rights, with its helpdesk text.
 * @cssprop --poort-color - Text colour.
 * @cssprop --poort-font-family - Font.
 * @cssprop --poort-accent - Buttons, the active option and links.
 * @cssprop --poort-focus-color - Outer ring of the focus indicator (dark by default).
 * @cssprop --poort-focus-inner-color - Inner ring of the focus indicator, between the element and the outer ring (light by default); keep 9:1 or more against the outer ring.
 * @cssprop --poort-focus-width - Width of the outer ring (3px).
 * @cssprop --poort-focus-gap - Width of the inner ring (2px).
 * @cssprop --poort-muted-color - Hints and notes.
 * @cssprop --poort-on-accent - Text on buttons.
 * @cssprop --poort-border-color - Borders of the search field and the list.
 * @cssprop --poort-radius - Corner radius.
 * @cssprop --poort-option-block-size - Height of a broker row (fixed: the list is virtualised).
 * @cssprop --poort-visible-options - Broker rows visible before the list scrolls.
 */
@customElement('login-chooser')
export class LoginChooser extends LitElement {
  static override styles = loginChooserStyles;

  /** Language: `nl`, `nl-BE` or `en`; defaults to the document's language, else Dutch. */
  // Not reflected: an empty lang attribute on the host would mark its light DOM (the e-mail
  // form) as "language unknown"; the rendered section carries the resolved language instead.
  @property() override lang = '';

  /** Base path of the Poort BFF on this site. */
  @property() bff = BASE;

  /** Methods to offer and their order, space-separated (`eherkenning acmidm email`); default: all the site offers. */
  @property() methods = '';

  /** Path to come back to after logging in; default: this page. */
  @property({ attribute: 'return-to' }) returnTo = '';

  /** eHerkenning level required on this page (`loa2`, `loa2plus`, `loa3`, `loa4`); the site's level if stronger. */
  @property() level = '';

  /**
   * The application this page belongs to (an id from the site's `applications`): the widget offers
   * the methods it takes at its minimum levels, asks the BFF whether the session opens it, and shows
   * the step-up or the refusal (with its helpdesk text) when it does not.
   */
  @property() app = '';

  /**
   * Texts to show instead of the ones the BFF serves, as i18next JSON for the current language
   * (missing keys fall back to the served or bundled ones): the text editor's live preview.
   */
  @property({ attribute: false }) texts: unknown;

  @state() private step: Step = 'loading';
  @state() private config: WidgetConfig | undefined;
  @state() private errorCode = '';
  @state() private copy: CopyState = '';
  @state() private helpOpen = false;
  /** The language and texts: the served ones (with the editors' overrides) once they arrived. */
  private readonly i18n = new Localized(this, [coreTexts], {
    bff: () => this.bff,
    // The e-mail form in light DOM speaks the chooser's language, also while it is open.
    onLocale: (locale) => this.querySelector(':scope > poort-email-form')?.setAttribute('lang', locale),
  });
  private configReady: Promise<void> | undefined;
  /** What the error view's retry button does: open the step whose module did not load, else the method step. */
  private retryStep: (() => void) | undefined;
  private focusAfterRender = '';
  private lastMethod: LoginMethod | undefined;
  /** The application's step-up: the method and minimum level of the new login (with ForceAuthn). */
  @state() private stepUp: { method: LoginMethod; level: string } | undefined;
  /** Which broker service the broker step leads to: eHerkenning, or eIDAS (a European company). */
  @state() private brokerService: BrokerMethod = 'eherkenning';
  /** The e-mail form in the slot logged someone in: no way back, no help, only its result. */
  @state() private emailDone = false;
  private warned = new Set<string>();
  private readonly brokers = new BrokerCombobox(this, () => this.continueWithBroker());

  private get t(): Translate {
    return this.i18n.t;
  }

  private get locale(): Locale {
    return this.i18n.locale;
  }

  // The first render waits for the texts of the element's language (texts/localized.ts); the
  // configuration loads meanwhile.
  protected override shouldUpdate(): boolean {
    this.configReady ??= this.loadConfig();
    return this.i18n.check();
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('lang') && this.lang && !matchLocale(this.lang)) this.warn('lang', this.lang);
    if (changed.has('texts')) this.i18n.setPreview(this.texts);
    if (changed.has('level') && this.level && !(levels as readonly string[]).includes(this.level)) this.warn('level', this.level);
    if (changed.has('methods')) {
      for (const m of this.methodTokens()) if (!(loginMethods as readonly string[]).includes(m)) this.warn('methods', m);
    }
    if (changed.has('returnTo') && this.returnTo && !isLocalPath(this.returnTo)) this.warn('return-to', this.returnTo);
  }

  constructor() {
    super();
    this.addEventListener('poort-login', (event) => {
      this.emailDone = true;
      // An e-mail login of someone with several organisations: ask which one next.
      if (event.detail.organisationChoiceNeeded) void this.openChooserStep('organisation');
    });
  }

  override updated(): void {
    if (!this.focusAfterRender) return;
    this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender)?.focus();
    this.focusAfterRender = '';
  }

  // Tests and integrators can await el.updateComplete to get a widget that has loaded its
  // configuration and its texts.
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await Promise.all([this.configReady, this.i18n.ready]);
    return super.getUpdateComplete();
  }

  /** The level the broker must deliver: the stronger of the site's and this page's. */
  get requiredLevel(): Level {
    let level = this.config?.level ?? 'loa2';
    for (const asked of [this.level, this.application?.levels.eherkenning, this.stepUp?.method === 'eherkenning' ? this.stepUp.level : undefined]) {
      if (asked && (levels as readonly string[]).includes(asked)) level = strongerLevel(level, asked as Level);
    }
    return level;
  }

  /** The application named by `app`, as the site's configuration describes it. */
  get application(): ApplicationView | undefined {
    return this.app ? this.config?.applications?.find((a) => a.id === this.app) : undefined;
  }

  /** The level an eIDAS login asks for: the site's eIDAS level (EH3 or more), or this page's, the application's or a step-up's if stronger. */
  get eidasLevel(): Level {
    let level = strongerLevel(this.config?.eidas?.level ?? eidasMinimumLevel, eidasMinimumLevel);
    for (const asked of [this.level, this.application?.levels.eidas, this.stepUp?.method === 'eidas' ? this.stepUp.level : undefined]) {
      if (asked && (levels as readonly string[]).includes(asked)) level = strongerLevel(level, asked as Level);
    }
    return level;
  }

  /** The methods offered: the `methods` attribute's valid ones that the site offers, else the site's; only those the BFF serves. */
  get offeredMethods(): LoginMethod[] {
    const app = this.application;
    const site = (this.config?.methods ?? []).filter((m) => servedMethods.includes(m) && (!app || app.levels[m] !== undefined));
    const asked = this.methodTokens().filter((m): m is LoginMethod => site.includes(m as LoginMethod));
    return asked.length ? [...new Set(asked)] : site;
  }

  override render() {
    const { config } = this;
    // In the e-mail step the heading, and the named region, are the form's own.
    return html`<section part="base" class="base" lang=${this.locale} aria-labelledby=${this.step === 'email' ? nothing : 'heading'}>
      ${config?.environment === 'demo' ? html`<p part="banner" class="banner">${this.t('banner.demo')}</p>` : nothing}
      ${this.renderStep()}
    </section>`;
  }

  private renderStep() {
    const { t, config } = this;
    if (this.step === 'error') return this.renderError();
    // 'loading' lasts until the configuration is here and, when a step's module is needed, that too.
    if (!config || this.step === 'loading') return html`<h2 id="heading">${t('title')}</h2><p role="status">${t('loading')}</p>`;
    const help = (body: unknown) => helpDisclosure(t, html`${body}`, config.helpdesk, this.locale, this.helpOpen);
    const level = t(`levels.${this.requiredLevel}`);
    const levelMeaning = html`<p>${t(`levelMeaning.${this.requiredLevel}`)}</p>`;
    const eidasLevel = t(`eidasLevels.${this.eidasLevel}`);
    const eidas = this.step === 'broker' && this.brokerService === 'eidas';
    const demo = config.environment === 'demo';
    const cutOff = cutOffOf(config, new Date());
    const cutOffNotice = cutOff ? html`<p part="notice" class="notice">${t(cutOffNoticeKey(cutOff), { date: formatCutOff(cutOff.until, this.locale) })}</p>` : nothing;
    switch (this.step) {
      case 'stepUp':
        return html`<div part="step-up" class="step-up">
          <h2 id="heading" tabindex="-1">${t('application.stepUp.heading')}</h2>
          <p>${t('application.stepUp.intro', { app: this.application?.name[this.locale] ?? '' })}</p>
          <div class="actions">
            <button type="button" part="button continue" @click=${this.continueStepUp}>${t('application.stepUp.continue')}</button>
          </div>
        </div>`;
      case 'refused':
        return html`<div part="refused" class="error">
          <h2 id="heading" tabindex="-1">${t('application.refused.heading', { app: this.application?.name[this.locale] ?? '' })}</h2>
          <p>${t('application.refused.intro')}</p>
          <p>${this.application?.helpdesk[this.locale] ?? ''}</p>
        </div>`;
      case 'organisation':
        return html`<poort-organisation-chooser bff=${this.bff} lang=${this.locale}></poort-organisation-chooser>`;
      case 'capacity':
        return html`<poort-capacity-chooser bff=${this.bff} lang=${this.locale}></poort-capacity-chooser>`;
      case 'broker':
        return html`<h2 id="heading" tabindex="-1">${t(eidas ? 'broker.eidasHeading' : 'broker.heading')}</h2>
          <p>${eidas ? t('broker.eidasIntro', { level: eidasLevel }) : t('broker.intro', { level })}</p>
          ${eidas ? html`<p>${t('broker.eidasLevelMeaning')}</p>` : levelMeaning}
          <p part="remembered" class="remembered" role="status">
            ${this.brokers.remembered
              ? html`${t('broker.remembered', { name: this.brokers.remembered.name })}
                  <button type="button" part="button forget" class="link" @click=${this.forgetBroker}>${t('broker.forget')}</button>`
              : this.brokers.forgotten
                ? t('broker.forgotten')
                : ''}
          </p>
          ${this.brokers.render(t)}
          <div class="actions">
            <button type="button" part="button continue" @click=${this.continueWithBroker}>${t('broker.continue')}</button>
            ${this.backButton()}
          </div>
          ${help(
            eidas
              ? richText(t('help.method.eidas'))
              : html`${richText(t('help.broker.which'))} ${richText(t('help.broker.steps'))} ${richText(t('help.broker.firstTime'))}
                ${this.technicalPanel()}`,
          )}`;
      case 'link':
        return html`<slot name="link"></slot>
          ${help(html`<p>${t('link.help')}</p>`)}`;
      case 'email':
        // The form brings its own heading, lockout explanation and steps; this step adds the one
        // back button (which steps back inside the form first) and the help around it.
        if (this.emailDone) return html`<slot name="email"></slot>`;
        return html`${cutOffNotice}
          <slot name="email"></slot>
          <div class="actions">${this.backButton()}</div>
          ${help(html`<p><button type="button" part="link" class="link" @click=${this.openForgotPassword}>${t('help.email.forgot')}</button></p>
            ${richText(t('help.method.email'))} ${richText(t('help.email.environment'))}
            ${demo ? richText(t('help.method.demo')) : nothing} ${richText(t('help.email.notifications'))}`)}`;
      default:
        return html`<h2 id="heading" tabindex="-1">${t('title')}</h2>
          <p>${t('intro', { site: config.siteName[this.locale] })}</p>
          ${methodList(t, this.shownMethods(cutOff?.passed === true && !cutOff.linkedOnly), { eherkenning: level, eidas: eidasLevel }, (m) => this.chooseMethod(m))}
          ${cutOff?.passed && this.offeredMethods.includes('email') ? cutOffNotice : nothing}
          ${help(html`${richText(t('help.method.what'))} ${levelMeaning} ${richText(t('help.method.who'))} ${richText(t('help.method.authorisation'))}
          ${this.offeredMethods.includes('eidas') ? richText(t('help.method.eidas')) : nothing}
          ${richText(t('help.method.admins'))} ${richText(t('help.method.email'))} ${richText(t('help.method.environments'))}
          ${demo ? richText(t('help.method.demo')) : nothing}`)}`;
    }
  }

  private renderError() {
    const { t, config } = this;
    return errorView(t, this.errorCode, t(`levels.${this.requiredLevel}`), {
      ...(config && { technical: this.technicalPanel(), retry: this.retry }),
      ...(config?.helpdesk && { helpdesk: helpdeskContact(t, config.helpdesk, this.locale) }),
    });
  }

  private technicalPanel() {
    const eh = this.config!.eherkenning;
    return technicalInfo(this.t, eh, this.locale, this.copy, async () => {
      try {
        await navigator.clipboard.writeText(technicalText(this.t, eh, this.locale));
        this.copy = 'copied';
      } catch {
        this.copy = 'copyFailed';
      }
    });
  }

  private backButton() {
    return html`<button type="button" part="button back" class="secondary" @click=${this.back}>${this.t('back')}</button>`;
  }

  /**
   * Shows a step as it is, without a login: for the text editor's live preview. `error` shows the
   * error view for `code`; `help` opens the step's help.
   */
  async preview(step: 'method' | 'broker' | 'email' | 'error', options: { code?: string; help?: boolean } = {}): Promise<void> {
    await this.configReady;
    this.helpOpen = !!options.help;
    if (step === 'error') return this.showError(options.code ?? 'unknown');
    if (step === 'broker' && this.config) this.brokers.reset(this.config.brokers, this.requiredLevel, rememberedBroker());
    if (step === 'email') this.attachEmailForm();
    this.step = step;
  }

  private async loadConfig(): Promise<void> {
    const code = takePoortError();
    const linking = takeLinkPending();
    // Back from an eHerkenning login, the session may still need its organisation chosen; on an
    // application's page, the BFF says whether the session opens it.
    const session = fetchSession(this.bff);
    const access = this.app ? fetchApplicationAccess(this.bff, this.app) : undefined;
    let config: WidgetConfig;
    try {
      config = await fetchConfig(this.bff);
    } catch {
      this.showError('service_unavailable');
      return;
    }
    // Decided before the configuration is set: with it the methods show, and a step chosen by then
    // must not be taken back when the session answers later.
    const current = code === undefined && !linking ? await session : undefined;
    const decided = code === undefined && !linking ? await access : undefined;
    const choiceNeeded = Boolean(current?.organisationChoiceNeeded) || decided?.outcome === 'choose_organisation';
    this.config = config;
    if (code !== undefined) this.showError(code);
    else if (linking) await this.showLinkStep();
    // After a Flemish government login the choice is a capacity (citizen, or for an organisation).
    else if (choiceNeeded) await this.openChooserStep(current?.method === 'acmidm' ? 'capacity' : 'organisation');
    else if (decided?.outcome === 'refused' && this.application) this.step = 'refused';
    else if (decided?.outcome === 'step_up' && this.application && (loginMethods as readonly string[]).includes(decided.method)) {
      this.stepUp = { method: decided.method as LoginMethod, level: decided.level };
      this.step = 'stepUp';
    } else this.step = 'method';
  }

  /** The methods to show: the e-mail method goes once the site ended password login for everyone. */
  private shownMethods(passwordLoginEnded: boolean): LoginMethod[] {
    return this.offeredMethods.filter((m) => !(passwordLoginEnded && m === 'email'));
  }

  /**
   * The organisation or capacity step, its module loaded first: its element takes the focus once
   * it has loaded its list.
   */
  private async openChooserStep(step: 'organisation' | 'capacity'): Promise<void> {
    const tag = step === 'organisation' ? 'poort-organisation-chooser' : 'poort-capacity-chooser';
    if (!(await this.loadStep(tag, () => void this.openChooserStep(step)))) return;
    this.step = step;
    // Not awaited: while the configuration loads, updateComplete waits for this very step.
    void this.updateComplete.then(async () => {
      const chooser = this.renderRoot.querySelector<PoortOrganisationChooser | PoortCapacityChooser>(tag);
      await chooser?.updateComplete;
      chooser?.focus();
    });
  }

  /**
   * Loads the module of a step few people see, with its texts in this element's language; when it
   * does not load (offline, a deploy replaced it), the error view, whose retry tries `again`.
   */
  private async loadStep(tag: LazyTag, again: () => void): Promise<boolean> {
    try {
      const { stepTexts } = await loadElement(tag);
      await this.i18n.add(stepTexts);
      return true;
    } catch {
      this.showError('service_unavailable', again);
      return false;
    }
  }

  // `?poort-error=` is in the address anyone can link to: only a code this widget knows is shown
  // or passed on; anything else becomes the generic error without repeating what it said.
  private showError(given: string, retry?: () => void): void {
    this.retryStep = retry;
    const known = isKnownError(given);
    const code = known ? given : unknownErrorCode;
    this.errorCode = code;
    this.step = 'error';
    this.focusAfterRender = '#heading';
    fire(this, 'poort-error', { code, known });
  }

  private chooseMethod(method: LoginMethod): void {
    this.lastMethod = method;
    if (!fire(this, 'poort-method', { method }, true)) return;
    if (method === 'acmidm') {
      location.assign(this.startUrl('acmidm'));
    } else if (method === 'eherkenning' || method === 'eidas') {
      this.brokerService = method;
      this.brokers.reset(this.config!.brokers, method === 'eidas' ? this.eidasLevel : this.requiredLevel, rememberedBroker());
      this.step = 'broker';
      this.focusAfterRender = '#search';
    } else {
      const form = this.attachEmailForm();
      this.step = 'email';
      // After this element rendered the slot: an unslotted form is not displayed, so not focusable.
      void this.updateComplete.then(() => form.focusHeading());
    }
  }

  // Like the e-mail form, the linking step lives in light DOM (password managers fill its inputs).
  private async showLinkStep(): Promise<void> {
    if (!(await this.loadStep('poort-link-step', () => void this.showLinkStep()))) return;
    let step = this.querySelector(':scope > poort-link-step');
    if (!step) {
      step = document.createElement('poort-link-step');
      step.slot = 'link';
      step.setAttribute('bff', this.bff);
      step.setAttribute('lang', this.locale);
      this.append(step);
    }
    this.step = 'link';
  }

  // The e-mail form lives in light DOM so password managers see its inputs; it is created once
  // and shown through the `email` slot.
  private attachEmailForm(): PoortEmailForm {
    let form = this.emailForm();
    if (!form) {
      form = document.createElement('poort-email-form');
      form.slot = 'email';
      this.append(form);
    }
    form.setAttribute('bff', this.bff);
    form.setAttribute('lang', this.locale);
    form.setAttribute('return-to', this.returnPath());
    (form as HTMLElement & { texts?: unknown }).texts = this.texts;
    return form;
  }

  private emailForm(): PoortEmailForm | null {
    return this.querySelector(':scope > poort-email-form');
  }

  private continueWithBroker = (): void => {
    const broker = this.brokers.selected;
    if (!broker) {
      this.brokers.invalid = true;
      this.focusAfterRender = '#search';
      this.requestUpdate();
      return;
    }
    // lang: Poort's own pages on the way (and any refusal) speak the widget's language.
    const url = this.startUrl(this.brokerService === 'eidas' ? 'eidas' : 'eherkenning', { broker: broker.id });
    rememberBroker(broker.id);
    // A full-page navigation, never a frame or popup: the eHerkenning rules forbid framing.
    if (fire(this, 'poort-broker', { broker: { id: broker.id, name: broker.name }, url }, true)) location.assign(url);
  };

  /**
   * Where a login of an upstream starts (docs/decisions/applications-and-sso.md): the return path
   * and language, and for an application its id, the minimum level and, for a step-up, ForceAuthn.
   */
  private startUrl(method: UpstreamMethod, extra: Record<string, string> = {}): string {
    // eIDAS is the eHerkenning brokers' second service: their start route, with `service=eidas`.
    const query = new URLSearchParams({ ...extra, ...(method === 'eidas' ? { service: 'eidas' } : {}), returnTo: this.returnPath(), lang: this.locale });
    if (this.application) query.set('app', this.application.id);
    const level =
      method === 'eherkenning' ? (this.app || this.level ? this.requiredLevel : undefined) : method === 'eidas' ? (this.app || this.level || this.stepUp ? this.eidasLevel : undefined) : this.stepUp?.method === method ? this.stepUp.level : undefined;
    if (level) query.set('level', level);
    if (this.stepUp?.method === method) query.set('forceAuthn', 'true');
    return `${this.bff}/auth/${method === 'eidas' ? 'eherkenning' : method}/start?${query}`;
  }

  /** The step-up's "continue": a new login with the method the application asks, at its minimum. */
  private continueStepUp = (): void => {
    const method = this.stepUp?.method;
    if (method && this.offeredMethods.includes(method)) this.chooseMethod(method);
    else {
      this.step = 'method';
      this.focusAfterRender = '#heading';
    }
  };

  private forgetBroker = (): void => {
    this.brokers.forget();
    this.focusAfterRender = '#search';
  };

  private back = (): void => {
    if (this.step === 'email' && this.emailForm()?.stepBack()) return;
    this.step = 'method';
    this.focusAfterRender = this.lastMethod ? `[data-method="${this.lastMethod}"]` : '#heading';
  };

  private retry = (): void => {
    this.copy = '';
    if (this.retryStep) {
      this.step = 'loading';
      this.retryStep();
      return;
    }
    this.step = 'method';
    this.focusAfterRender = '#heading';
  };

  private returnPath(): string {
    if (isLocalPath(this.returnTo)) return this.returnTo;
    // The page's own address can be odd too (`https://site//evil.example`): then the site root.
    const here = location.pathname + location.search;
    return isLocalPath(here) ? here : '/';
  }

  /** The forgot-password form lives in `<poort-email-form>` (light DOM); open it there. */
  private openForgotPassword = (): void => {
    this.emailForm()?.showForgotPassword();
  };

  private methodTokens(): string[] {
    return this.methods.split(/\s+/).filter(Boolean);
  }

  // Invalid attribute values are ignored with one warning each, never a broken element.
  private warn(attribute: string, value: string): void {
    const key = `${attribute}=${value}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    console.warn(`<login-chooser>: ignoring ${attribute}="${value}"`);
  }
}

/**
 * Only a path on this site: an open redirect to another origin must not be possible. Judged on
 * what a browser makes of it (`/.//evil.example` resolves to `//evil.example`); the BFF applies
 * the full rule again (bff/src/saml/return-to.ts).
 */
function isLocalPath(path: string): boolean {
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return false;
  try {
    const url = new URL(path, location.origin);
    return url.origin === location.origin && !url.pathname.startsWith('//');
  } catch {
    return false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'login-chooser': LoginChooser;
  }
}
