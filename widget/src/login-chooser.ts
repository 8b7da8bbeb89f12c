import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { BrokerCombobox } from './broker/broker-combobox.js';
import './email-form/poort-email-form.js';
import type { PoortEmailForm } from './email-form/poort-email-form.js';
import { rememberBroker, rememberedBroker } from './broker/remembered-broker.js';
import { levels, strongerLevel, type Level } from '../../contract/levels.js';
import { matchLocale, type Locale } from '../../contract/locales.js';
import { loginMethods, servedMethods, type LoginMethod } from '../../contract/login-methods.js';
import { BASE } from '../../contract/paths.js';
import { fetchConfig, type WidgetConfig } from './config.js';
import { cutOffNoticeKey, cutOffOf, formatCutOff } from './cut-off.js';
import './organisations/poort-organisation-chooser.js';
import type { PoortOrganisationChooser } from './organisations/poort-organisation-chooser.js';
import './capacities/poort-capacity-chooser.js';
import type { PoortCapacityChooser } from './capacities/poort-capacity-chooser.js';
import { fetchSession } from './session.js';
import { fire } from './events.js';
import { createTranslator, type Translate } from './i18n.js';
import { elementLocale, watchLanguage } from './locale.js';
import { richText } from './rich-text.js';
import { servedTexts } from './served-texts.js';
import { loginChooserStyles } from './login-chooser.styles.js';
import { isKnownError, takePoortError, unknownErrorCode } from './poort-error.js';
import { takeLinkPending } from './linking/link-pending.js';
import { errorView } from './views/error-view.js';
import { helpDisclosure, helpdeskContact } from './views/help.js';
import { methodList } from './views/method-list.js';
import { technicalInfo, technicalText, type CopyState } from './views/technical-info.js';

export type Step = 'loading' | 'method' | 'broker' | 'email' | 'link' | 'error' | 'organisation' | 'capacity';

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
   * Texts to show instead of the ones the BFF serves, as i18next JSON for the current language
   * (missing keys fall back to the served or bundled ones): the text editor's live preview.
   */
  @property({ attribute: false }) texts: unknown;

  @state() private step: Step = 'loading';
  @state() private config: WidgetConfig | undefined;
  @state() private locale: Locale = 'nl';
  @state() private errorCode = '';
  @state() private copy: CopyState = '';
  /** The texts the BFF served for this locale (with the editors' overrides), once they arrived. */
  @state() private served: unknown;
  @state() private helpOpen = false;
  private t: Translate = createTranslator('nl');
  private configReady: Promise<void> | undefined;
  private focusAfterRender = '';
  private lastMethod: LoginMethod | undefined;
  /** The e-mail form in the slot logged someone in: no way back, no help, only its result. */
  @state() private emailDone = false;
  private warned = new Set<string>();
  private stopWatchingLanguage: (() => void) | undefined;
  private readonly brokers = new BrokerCombobox(this, () => this.continueWithBroker());

  override connectedCallback(): void {
    // eslint-disable-next-line wc/guard-super-call -- LitElement always implements connectedCallback.
    super.connectedCallback();
    this.stopWatchingLanguage = watchLanguage(() => elementLocale(this) !== this.locale && this.requestUpdate());
  }

  override disconnectedCallback(): void {
    // eslint-disable-next-line wc/guard-super-call -- LitElement always implements disconnectedCallback.
    super.disconnectedCallback();
    this.stopWatchingLanguage?.();
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('lang') && this.lang && !matchLocale(this.lang)) this.warn('lang', this.lang);
    // Looked up on every update: the page may have changed its own language (watchLanguage).
    const locale = elementLocale(this);
    const newLocale = locale !== this.locale || !this.hasUpdated;
    if (newLocale) {
      this.locale = locale;
      this.served = undefined;
      // After the first load a new language fetches its texts; the first one loads with the configuration.
      if (this.hasUpdated) void this.loadTexts();
      // The e-mail form in light DOM speaks the chooser's language, also while it is open.
      this.querySelector(':scope > poort-email-form')?.setAttribute('lang', locale);
    }
    if (newLocale || changed.has('texts') || changed.has('served')) this.t = createTranslator(this.locale, this.texts ?? this.served);
    if (changed.has('level') && this.level && !(levels as readonly string[]).includes(this.level)) this.warn('level', this.level);
    if (changed.has('methods')) {
      for (const m of this.methodTokens()) if (!(loginMethods as readonly string[]).includes(m)) this.warn('methods', m);
    }
    if (changed.has('returnTo') && this.returnTo && !isLocalPath(this.returnTo)) this.warn('return-to', this.returnTo);
  }

  constructor() {
    super();
    this.addEventListener('poort-login', () => (this.emailDone = true));
  }

  override firstUpdated(): void {
    this.configReady = Promise.all([this.loadConfig(), this.loadTexts()]).then(() => undefined);
    // An e-mail login of someone with several organisations: ask which one next.
    this.addEventListener('poort-login', (event) => {
      if (event.detail.organisationChoiceNeeded) this.openOrganisationStep();
    });
  }

  override updated(): void {
    if (!this.focusAfterRender) return;
    this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender)?.focus();
    this.focusAfterRender = '';
  }

  // Tests and integrators can await el.updateComplete to get a widget that has loaded its
  // configuration.
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.configReady;
    return super.getUpdateComplete();
  }

  /** The level the broker must deliver: the stronger of the site's and this page's. */
  get requiredLevel(): Level {
    const site = this.config?.level ?? 'loa2';
    return (levels as readonly string[]).includes(this.level) ? strongerLevel(site, this.level as Level) : site;
  }

  /** The methods offered: the `methods` attribute's valid ones that the site offers, else the site's; only those the BFF serves. */
  get offeredMethods(): LoginMethod[] {
    const site = (this.config?.methods ?? []).filter((m) => servedMethods.includes(m));
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
    if (!config) return html`<h2 id="heading">${t('title')}</h2><p role="status">${t('loading')}</p>`;
    const help = (body: unknown) => helpDisclosure(t, html`${body}`, config.helpdesk, this.locale, this.helpOpen);
    const level = t(`levels.${this.requiredLevel}`);
    const levelMeaning = html`<p>${t(`levelMeaning.${this.requiredLevel}`)}</p>`;
    const demo = config.environment === 'demo';
    const cutOff = cutOffOf(config, new Date());
    const cutOffNotice = cutOff ? html`<p part="notice" class="notice">${t(cutOffNoticeKey(cutOff), { date: formatCutOff(cutOff.until, this.locale) })}</p>` : nothing;
    switch (this.step) {
      case 'organisation':
        return html`<poort-organisation-chooser bff=${this.bff} lang=${this.locale}></poort-organisation-chooser>`;
      case 'capacity':
        return html`<poort-capacity-chooser bff=${this.bff} lang=${this.locale}></poort-capacity-chooser>`;
      case 'broker':
        return html`<h2 id="heading" tabindex="-1">${t('broker.heading')}</h2>
          <p>${t('broker.intro', { level })}</p>
          ${levelMeaning}
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
          ${help(html`${richText(t('help.broker.which'))} ${richText(t('help.broker.steps'))} ${richText(t('help.broker.firstTime'))}
          ${this.technicalPanel()}`)}`;
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
          ${methodList(t, this.shownMethods(cutOff?.passed === true && !cutOff.linkedOnly), level, (m) => this.chooseMethod(m))}
          ${cutOff?.passed && this.offeredMethods.includes('email') ? cutOffNotice : nothing}
          ${help(html`${richText(t('help.method.what'))} ${levelMeaning} ${richText(t('help.method.who'))} ${richText(t('help.method.authorisation'))}
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

  private async loadTexts(): Promise<void> {
    const locale = this.locale;
    const served = await servedTexts(this.bff, locale);
    if (locale === this.locale) this.served = served;
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
    // Back from an eHerkenning login, the session may still need its organisation chosen.
    const session = fetchSession(this.bff);
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
    const choiceNeeded = Boolean(current?.organisationChoiceNeeded);
    this.config = config;
    if (code !== undefined) this.showError(code);
    else if (linking) this.showLinkStep();
    // After a Flemish government login the choice is a capacity (citizen, or for an organisation).
    else if (choiceNeeded && current?.method === 'acmidm') this.openChooserStep('capacity');
    else if (choiceNeeded) this.openOrganisationStep();
    else this.step = 'method';
  }

  /** The methods to show: the e-mail method goes once the site ended password login for everyone. */
  private shownMethods(passwordLoginEnded: boolean): LoginMethod[] {
    return this.offeredMethods.filter((m) => !(passwordLoginEnded && m === 'email'));
  }

  private openOrganisationStep(): void {
    this.openChooserStep('organisation');
  }

  /** The organisation or capacity step: its element takes the focus once it has loaded its list. */
  private openChooserStep(step: 'organisation' | 'capacity'): void {
    this.step = step;
    void this.updateComplete.then(async () => {
      const chooser = this.renderRoot.querySelector<PoortOrganisationChooser | PoortCapacityChooser>(step === 'organisation' ? 'poort-organisation-chooser' : 'poort-capacity-chooser');
      await chooser?.updateComplete;
      chooser?.focus();
    });
  }

  // `?poort-error=` is in the address anyone can link to: only a code this widget knows is shown
  // or passed on; anything else becomes the generic error without repeating what it said.
  private showError(given: string): void {
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
      location.assign(`${this.bff}/auth/acmidm/start?returnTo=${encodeURIComponent(this.returnPath())}&lang=${encodeURIComponent(this.locale)}`);
    } else if (method === 'eherkenning') {
      this.brokers.reset(this.config!.brokers, this.requiredLevel, rememberedBroker());
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
  private showLinkStep(): void {
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
    const url = `${this.bff}/auth/eherkenning/start?broker=${encodeURIComponent(broker.id)}&returnTo=${encodeURIComponent(this.returnPath())}&lang=${encodeURIComponent(this.locale)}`;
    rememberBroker(broker.id);
    // A full-page navigation, never a frame or popup: the eHerkenning rules forbid framing.
    if (fire(this, 'poort-broker', { broker: { id: broker.id, name: broker.name }, url }, true)) location.assign(url);
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
