import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { LinkedView } from '../../../contract/linking-schemas.js';
import { fetchConfig, type WidgetConfig } from '../config.js';
import { checkEmail } from '../email-form/form-checks.js';
import { lightDomFormStyles } from '../email-form/poort-email-form.styles.js';
import { fire } from '../events.js';
import { LightDomForm } from '../light-dom-form.js';
import { coreTexts } from '../texts/core-texts.js';
import { fetchPendingLink } from './link-api.js';
import { helpdeskDetails, phoneLink } from '../views/help.js';
import { linkTexts } from './link-texts.js';

/** Loaded with this element's chunk (lazy-elements.ts); <login-chooser> shows `link.help` around the step. */
export { linkTexts as stepTexts };

type View = 'loading' | 'password' | 'pin' | 'code' | 'forgot' | 'forgot-sent' | 'done' | 'ended';
type Field = 'email' | 'password' | 'pin' | 'code';

const styles = lightDomFormStyles('poort-link-step');

/**
 * The linking step (site policy `unknownIdentity: link`, DUO's "eHerkenning koppelen aan
 * account"): a first eHerkenning login is linked (a) to an existing account with its e-mail
 * address and password, then a PIN mailed to the account's address; or (b) to a new account made
 * with an activation code and the address to use. With "Wachtwoord vergeten?" and the helpdesk
 * for who has no code. Renders into its own light DOM, so password managers fill its inputs.
 *
 * @fires poort-login - Linked and logged in; `detail` is `{ method: 'eherkenning', user, returnTo }` (PoortLoginDetail), `returnTo` the path the eHerkenning login was started for.
 */
@customElement('poort-link-step')
export class PoortLinkStep extends LightDomForm {
  @state() private view: View = 'loading';
  @state() private fieldError: Field | '' = '';
  @state() private email = '';
  @state() private config: WidgetConfig | undefined;

  constructor() {
    // The served texts: editors' changes, and the site's helpdesk (help.contact.*) for who has no code.
    super('poort-link-step', [coreTexts, linkTexts], styles, { servedTexts: true });
  }

  override connectedCallback(): void {
    // eslint-disable-next-line wc/guard-super-call -- LitElement always implements connectedCallback.
    super.connectedCallback();
    void fetchConfig(this.bff).then(
      (config) => (this.config = config),
      () => undefined,
    );
    void this.load();
  }

  private async load(): Promise<void> {
    const pending = await fetchPendingLink(this.bff);
    if (pending.ok) this.go(pending.value.pinSent ? 'pin' : 'password');
    else this.end(pending.code);
  }

  override render() {
    const t = this.t;
    const views: Record<View, () => TemplateResult> = {
      loading: () => html`<h2 id="${this.ids}-title" tabindex="-1">${t('link.heading')}</h2><p role="status">${t('link.loading')}</p>`,
      password: () => this.renderPassword(),
      pin: () => this.renderPin(),
      code: () => this.renderCode(),
      forgot: () => this.renderForgot(),
      'forgot-sent': () => this.renderMessage('link.forgot.heading', t('link.forgot.sent'), true),
      done: () => this.renderMessage('link.heading', t('link.done'), false),
      ended: () => this.renderMessage('link.heading', '', false),
    };
    return html`<section class="poort-link-step" lang=${this.locale} aria-labelledby="${this.ids}-title">${views[this.view]()}</section>`;
  }

  private renderPassword() {
    const t = this.t;
    return html`<h2 id="${this.ids}-title" tabindex="-1">${t('link.heading')}</h2>
      <p>${t('link.intro')}</p>
      <form novalidate @submit=${this.submitPassword}>
        ${this.input('email', 'email', t('link.emailLabel'), 'username', { value: this.email })}
        ${this.input('password', 'password', t('link.passwordLabel'), 'current-password')} ${this.alert()}
        ${this.submit(t('link.submit'))}
        <p class="poort-after-submit"><button class="poort-link" type="button" @click=${() => this.go('forgot')}>${t('link.forgotLink')}</button></p>
        <p class="poort-after-submit"><button class="poort-link" type="button" data-action="code" @click=${() => this.go('code')}>${t('link.codeLink')}</button></p>
      </form>`;
  }

  private renderPin() {
    const t = this.t;
    return html`<h2 id="${this.ids}-title" tabindex="-1">${t('link.pin.heading')}</h2>
      <p class="poort-notice" role="status">${t('link.pin.intro')}</p>
      <form novalidate @submit=${this.submitPin}>
        ${this.input('pin', 'text', t('link.pin.label'), 'one-time-code', { hint: t('link.pin.hint'), inputmode: 'numeric' })} ${this.alert()}
        ${this.submit(t('link.pin.submit'))}
        <p class="poort-after-submit"><button class="poort-link" type="button" @click=${() => this.go('password')}>${t('link.pin.again')}</button></p>
      </form>`;
  }

  private renderCode() {
    const t = this.t;
    const helpdesk = this.config?.helpdesk;
    const contact = helpdesk && helpdeskDetails(t, helpdesk, this.locale);
    return html`<h2 id="${this.ids}-title" tabindex="-1">${t('link.code.heading')}</h2>
      <p>${t('link.code.intro')}</p>
      <form novalidate @submit=${this.submitCode}>
        ${this.input('code', 'text', t('link.code.label'), 'off', { hint: t('link.code.hint') })}
        ${this.input('email', 'email', t('link.code.emailLabel'), 'email', { value: this.email })} ${this.alert()} ${this.submit(t('link.code.submit'))}
        <p class="poort-after-submit"><button class="poort-link" type="button" @click=${() => this.go('password')}>${t('link.back')}</button></p>
      </form>
      <p class="poort-hint">
        ${contact ? t('link.code.noCode', { name: contact.name }) : t('link.code.noCodeGeneric')} ${contact?.phone ? phoneLink(t, contact.phone) : nothing}
        ${helpdesk?.email ? html`<a href="mailto:${helpdesk.email}">${t('help.mail', { email: helpdesk.email })}</a>` : nothing}
      </p>`;
  }

  private renderForgot() {
    const t = this.t;
    return html`<h2 id="${this.ids}-title" tabindex="-1">${t('link.forgot.heading')}</h2>
      <p>${t('link.forgot.intro')}</p>
      <form novalidate @submit=${this.submitForgot}>
        ${this.input('email', 'email', t('link.emailLabel'), 'username', { value: this.email })} ${this.alert()} ${this.submit(t('link.forgot.submit'))}
        <p class="poort-after-submit"><button class="poort-link" type="button" @click=${() => this.go('password')}>${t('link.back')}</button></p>
      </form>`;
  }

  private renderMessage(titleKey: string, text: string, withBack: boolean) {
    return html`<h2 id="${this.ids}-title" tabindex="-1">${this.t(titleKey)}</h2>
      ${text ? html`<p class="poort-notice" role="status">${text}</p>` : nothing} ${this.alert()}
      ${withBack ? html`<p><button class="poort-link" type="button" @click=${() => this.go('password')}>${this.t('link.back')}</button></p>` : nothing}`;
  }

  private input(name: Field, type: string, label: string, autocomplete: string, options: { value?: string; hint?: string; inputmode?: string } = {}) {
    return this.field(name, type, label, autocomplete, {
      autocapitalize: name === 'code' ? 'characters' : 'none',
      ...options,
      ...(this.fieldError === name && { problem: this.t(`link.checks.${name}`) }),
    });
  }

  private submit(label: string) {
    return html`<button class="poort-submit" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? this.t('link.busy') : label}</button>`;
  }

  private alert() {
    const code = this.errorCode;
    const text = code ? this.t(`errors.${code}`, { level: this.config ? this.t(`levels.${this.config.level}`) : '' }) || this.t('email.commonErrors.unknown') : '';
    return html`<div class="poort-error" role="alert">${text}</div>`;
  }

  private async submitPassword(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const email = (this.email = String(form.get('email') ?? '').trim());
    const password = String(form.get('password') ?? '');
    if (!this.check(checkEmail(email) ? 'email' : !password ? 'password' : '')) return;
    if (await this.call('/api/link/password', { email, password })) this.go('pin');
  }

  private async submitPin(event: SubmitEvent) {
    event.preventDefault();
    const pin = String(new FormData(event.target as HTMLFormElement).get('pin') ?? '').replace(/[\s-]/g, '');
    if (!this.check(/^\d{6}$/.test(pin) ? '' : 'pin')) return;
    this.finish(await this.call<LinkedView>('/api/link/pin', { pin }));
  }

  private async submitCode(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const code = String(form.get('code') ?? '').trim();
    const email = (this.email = String(form.get('email') ?? '').trim());
    if (!this.check(!code ? 'code' : checkEmail(email) ? 'email' : '')) return;
    this.finish(await this.call<LinkedView>('/api/link/activation-code', { code, email }));
  }

  private async submitForgot(event: SubmitEvent) {
    event.preventDefault();
    const email = (this.email = String(new FormData(event.target as HTMLFormElement).get('email') ?? '').trim());
    if (!this.check(checkEmail(email) ? 'email' : '')) return;
    if (await this.call('/api/link/forgot-password', { email, locale: this.locale })) this.go('forgot-sent');
  }

  private finish(linked: LinkedView | undefined): void {
    if (!linked) {
      // These end the link attempt: nothing on this step can help any more.
      if (['pin_too_many_attempts', 'link_not_pending', 'identity_already_linked'].includes(this.errorCode)) this.end(this.errorCode);
      return;
    }
    this.go('done');
    fire(this, 'poort-login', { method: 'eherkenning', user: linked.session.user, returnTo: linked.returnTo, organisationChoiceNeeded: linked.session.organisationChoiceNeeded });
  }

  private end(code: string): void {
    this.go('ended');
    this.errorCode = code === 'network' || code === 'unknown' ? 'link_not_pending' : code;
  }

  /** Marks the one field with a client-side problem; true when there is none. */
  private check(field: Field | ''): boolean {
    this.fieldError = field;
    this.errorCode = '';
    if (field) void this.updateComplete.then(() => this.querySelector<HTMLInputElement>(`#${this.ids}-${field}`)?.focus());
    return !field;
  }

  private go(view: View): void {
    this.view = view;
    this.errorCode = '';
    this.fieldError = '';
    void this.updateComplete.then(() => this.querySelector<HTMLElement>(`#${this.ids}-title`)?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'poort-link-step': PoortLinkStep;
  }
}
