import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { LockoutSettings, SessionUser } from '../../../contract/api-schemas.js';
import { fire } from '../events.js';
import { LightDomForm, type Refusal } from '../light-dom-form.js';
import { coreTexts } from '../texts/core-texts.js';
import { callBff, fetchFormSettings } from './email-api.js';
import { formatCutOff } from '../cut-off.js';
import { countFailedLogin, forgetFailedLogins, readFailedLogins, shouldExplainLockout } from './failed-logins.js';
import { checkCurrentPassword, checkEmail, checkNewPassword, type CheckKey } from './form-checks.js';
import { takeLinkToken } from './link-tokens.js';
import { emailFormStyles } from './poort-email-form.styles.js';

type View = 'login' | 'forgot' | 'forgot-sent' | 'reset' | 'invitation' | 'link-check' | 'link-refused' | 'confirm-email' | 'logged-in';
type SetPasswordKind = 'reset' | 'invitation';
type Field = 'email' | 'password' | 'newPassword';
type Notice = [key: string, values?: Record<string, unknown>];

/**
 * Log in with e-mail address and password, plus the forms around it: forgot password, choose a
 * new password (from a reset link) and choose a first password (from an invitation link).
 * Renders into its own light DOM, so browsers' password managers see and fill its inputs.
 *
 * @fires poort-login - Logged in; `detail` is `{ method: 'email', user: {id, email, displayName, role}, returnTo, organisationChoiceNeeded }` (PoortLoginDetail).
 */
@customElement('poort-email-form')
export class PoortEmailForm extends LightDomForm {
  /** Same-site path the page may go to after login; passed on in the poort-login event. */
  @property({ attribute: 'return-to' }) returnTo = '';

  /** Texts to show instead of the served ones (i18next JSON for the current language): the text editor's live preview. */
  @property({ attribute: false }) texts: unknown;

  @state() private view: View = 'login';
  @state() private fieldErrors: Partial<Record<Field, CheckKey>> = {};
  /** A text key and its values, translated when rendered: a change of language reaches it too. */
  @state() private notice: Notice | undefined;
  @state() private email = '';
  @state() private user: SessionUser | undefined;
  @state() private demo = false;
  /** Failed logins in this browser tab, and the site's lockout rules (from /api/config). */
  @state() private failedLogins = 0;
  @state() private lockout: LockoutSettings | undefined;

  private linkToken = '';
  private linkKind: SetPasswordKind = 'reset';
  /** Inside <login-chooser>: the chooser's back button and help serve this form too (one of each). */
  private embedded = false;
  /** The end of password login the site announced: its refusal's text says since when. */
  private passwordLoginUntil: Date | undefined;

  constructor() {
    // The texts the BFF serves (with the editors' overrides) show once they arrived.
    super('poort-email-form', [coreTexts], emailFormStyles, { servedTexts: true });
  }

  override connectedCallback(): void {
    // eslint-disable-next-line wc/guard-super-call -- LitElement always implements connectedCallback.
    super.connectedCallback();
    this.failedLogins = readFailedLogins();
    this.embedded = !!this.closest('login-chooser');
    void fetchFormSettings(this.bff).then(({ environment, lockout, passwordLoginUntil }) => {
      // Inside <login-chooser> the chooser shows the environment; on its own, the form does.
      if (!this.embedded) this.demo = environment === 'demo';
      this.lockout = lockout;
      this.passwordLoginUntil = passwordLoginUntil ? new Date(passwordLoginUntil) : undefined;
    });
    const link = takeLinkToken(window.location, window.history);
    if (link) {
      this.linkToken = link.token;
      if (link.kind === 'confirm-email') {
        this.view = 'confirm-email';
        void this.confirmEmail();
      } else {
        this.linkKind = link.kind;
        this.view = 'link-check';
        void this.checkLink();
      }
    }
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('texts')) this.i18n.setPreview(this.texts);
  }

  override render() {
    const views: Record<View, () => TemplateResult> = {
      login: () => this.renderLogin(),
      forgot: () => this.renderForgot(),
      'forgot-sent': () => this.renderMessage('email.forgot.title', this.t('email.forgot.sent'), true),
      reset: () => this.renderSetPassword('reset'),
      invitation: () => this.renderSetPassword('invitation'),
      'link-check': () => this.renderMessage(`email.${this.linkKind}.title`, this.t('email.linkCheck'), false),
      'link-refused': () => this.renderLinkRefused(),
      'confirm-email': () => this.renderMessage('email.title', this.notice ? this.t(...this.notice) : this.errorCode ? '' : this.t('email.confirmEmail.busy'), false),
      'logged-in': () => this.renderMessage('email.loggedInTitle', this.t('email.loggedIn', { email: this.user?.email ?? '' }), false),
    };
    return html`<section class="poort-email-form" lang=${this.locale} aria-labelledby="${this.ids}-title">
      ${this.demo ? html`<p class="poort-demo-banner">${this.t('email.demoBanner')}</p>` : nothing}${views[this.view]()}
    </section>`;
  }

  private renderLogin() {
    const t = this.t;
    return html`
      <h2 id="${this.ids}-title" tabindex="-1">${t('email.title')}</h2>
      <p>${t('email.intro')}</p>
      ${this.notice ? html`<p class="poort-notice" role="status">${this.t(...this.notice)}</p>` : nothing}
      <form novalidate @submit=${this.submitLogin}>
        ${this.renderInput('email', 'email', t('email.emailLabel'), 'username', this.email)}
        ${this.renderInput('password', 'password', t('email.passwordLabel'), 'current-password')}
        ${this.renderAlert()} ${this.renderLockoutNotice()}
        <button class="poort-submit" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? t('email.busy') : t('email.submit')}</button>
        <p class="poort-after-submit"><button class="poort-link" type="button" @click=${() => this.go('forgot')}>${t('email.forgotLink')}</button></p>
      </form>
      ${shouldExplainLockout(this.failedLogins, this.lockout)
        ? nothing
        : html`<h3>${t('email.blockedTitle')}</h3>
            <p class="poort-hint">${t('email.blockedHelp')}</p>`}
    `;
  }

  /** The link was used, has expired or is unknown: said as soon as the page opens, with a way on. */
  private renderLinkRefused() {
    const t = this.t;
    return html`
      <h2 id="${this.ids}-title" tabindex="-1">${t(`email.${this.linkKind}.title`)}</h2>
      <p class="poort-notice" role="status">${this.errorText(this.errorCode)}</p>
      <p><button class="poort-link" type="button" @click=${() => this.go('forgot')}>${t('email.newLink')}</button></p>
      ${this.backLink()}
    `;
  }

  /** "Terug naar inloggen"; inside <login-chooser> its own back button does this instead. */
  private backLink() {
    return this.embedded ? nothing : html`<p class="poort-after-submit"><button class="poort-link" type="button" @click=${() => this.go('login')}>${this.t('email.back')}</button></p>`;
  }

  /**
   * After the configured number of failed logins in this browser: how many wrong attempts block an
   * account and how to get back in. The same for every address and every failure, so it tells
   * nothing about whether an account exists, is blocked, or the password was right.
   */
  private renderLockoutNotice() {
    // The live region is always there, so screen readers announce the text when it appears.
    const explain = shouldExplainLockout(this.failedLogins, this.lockout);
    return html`<div class="poort-lockout-notice" role="status">${explain
      ? html`<p>${this.t('email.lockoutNotice.attempts', { max: this.lockout!.maxFailedLogins })}</p>
          <p>${this.t('email.lockoutNotice.recover')}</p>`
      : nothing}</div>`;
  }

  private renderForgot() {
    const t = this.t;
    return html`
      <h2 id="${this.ids}-title" tabindex="-1">${t('email.forgot.title')}</h2>
      <p>${t('email.forgot.intro')}</p>
      <form novalidate @submit=${this.submitForgot}>
        ${this.renderInput('email', 'email', t('email.emailLabel'), 'username', this.email)} ${this.renderAlert()}
        <button class="poort-submit" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? t('email.busy') : t('email.forgot.submit')}</button>
        ${this.backLink()}
      </form>
    `;
  }

  private renderSetPassword(kind: SetPasswordKind) {
    const t = this.t;
    return html`
      <h2 id="${this.ids}-title" tabindex="-1">${t(`email.${kind}.title`)}</h2>
      <p>${t(`email.${kind}.intro`)}</p>
      <form novalidate @submit=${this.submitSetPassword}>
        ${this.renderInput('newPassword', 'password', t('email.newPasswordLabel'), 'new-password', '', t('email.passwordHint'))}
        ${this.renderInput('repeat', 'password', t('email.confirmPasswordLabel'), 'new-password')} ${this.renderAlert()}
        <button class="poort-submit" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? t('email.busy') : t(`email.${kind}.submit`)}</button>
        ${this.backLink()}
      </form>
    `;
  }

  private renderMessage(titleKey: string, text: string, withBack: boolean) {
    return html`
      <h2 id="${this.ids}-title" tabindex="-1">${this.t(titleKey)}</h2>
      <p class="poort-notice" role="status">${text}</p>
      ${this.renderAlert()}
      ${withBack ? this.backLink() : nothing}
    `;
  }

  private renderInput(name: Field | 'repeat', type: string, label: string, autocomplete: string, value = '', hint = '') {
    const problem = name === 'repeat' ? undefined : this.fieldErrors[name];
    return this.field(name, type, label, autocomplete, {
      autocapitalize: type === 'email' ? 'none' : 'off',
      value,
      hint,
      ...(problem && { problem: this.t(`email.checks.${problem}`) }),
      // After a refused login the password field, where focus goes, also points at the alert's text.
      ...(name === 'password' && this.errorCode && { alsoDescribedBy: `${this.ids}-alert` }),
    });
  }

  private renderAlert() {
    return html`<div class="poort-error" id="${this.ids}-alert" role="alert">${this.errorCode ? this.errorText(this.errorCode) : nothing}</div>`;
  }

  /** The text for a BFF error code: the shared `errors.*` table, else the form's own, else a generic one. */
  private errorText(code: string): string {
    const date = this.passwordLoginUntil ? formatCutOff(this.passwordLoginUntil, this.locale) : '';
    if (code === 'password_login_ended' && date) return this.t('cutOff.ended', { date });
    const text = this.t(`errors.${code}`) || this.t(`email.commonErrors.${code}`) || this.t('email.commonErrors.unknown');
    // What to do next, where a code has more to say (an admin: how to link eHerkenning).
    const hint = this.t(`errorHints.${code}`);
    return hint ? `${text} ${hint}` : text;
  }

  private async submitLogin(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    this.email = email;
    if (!this.check({ email: checkEmail(email), password: checkCurrentPassword(password) })) return;
    const result = await this.call<{ user: SessionUser; organisationChoiceNeeded?: boolean }>('/api/login', { email, password });
    if (!result) {
      if (this.errorCode !== 'invalid_credentials') return;
      this.failedLogins = countFailedLogin();
      // A refused password is not left in the field to be sent again; focus waits there, and the
      // field points at the alert, so a screen reader says why.
      const field = this.querySelector<HTMLInputElement>(`#${this.ids}-password`);
      if (field) field.value = '';
      void this.updateComplete.then(() => field?.focus());
      return;
    }
    forgetFailedLogins();
    this.failedLogins = 0;
    this.user = result.user;
    this.go('logged-in');
    fire(this, 'poort-login', { method: 'email', user: result.user, returnTo: this.returnTo || null, organisationChoiceNeeded: result.organisationChoiceNeeded === true });
  }

  private async submitForgot(event: SubmitEvent) {
    event.preventDefault();
    const email = String(new FormData(event.target as HTMLFormElement).get('email') ?? '').trim();
    this.email = email;
    if (!this.check({ email: checkEmail(email) })) return;
    if (await this.call('/api/password/forgot', { email, locale: this.locale })) this.go('forgot-sent');
  }

  private async submitSetPassword(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const password = String(form.get('newPassword') ?? '');
    if (!this.check({ newPassword: checkNewPassword(password, String(form.get('repeat') ?? '')) })) return;
    const path = this.linkKind === 'invitation' ? '/api/invitation/accept' : '/api/password/reset';
    const result = await this.call<{ email: string }>(path, { token: this.linkToken, password });
    if (!result) return;
    this.linkToken = '';
    this.email = result.email;
    this.go('login', ['email.passwordSet']);
  }

  /**
   * Asks the BFF whether the link still works before the form is shown. Only a refusal of the link
   * itself stops here; anything else (no connection, an older BFF) shows the form, whose submit
   * gets the final word.
   */
  private async checkLink() {
    const result = await callBff(this.bff, '/api/link/check', { token: this.linkToken, kind: this.linkKind });
    if (!result.ok && result.code.startsWith('token_')) {
      this.linkToken = '';
      this.errorCode = result.code;
      this.view = 'link-refused';
    } else {
      this.view = this.linkKind;
    }
  }

  private async confirmEmail() {
    const result = await this.call<{ notificationEmail: string }>('/api/me/notification-email/confirm', { token: this.linkToken });
    this.linkToken = '';
    if (result) this.notice = ['email.confirmEmail.done', { email: result.notificationEmail }];
  }

  /** Shows the client-side problems, if any; true when there are none. */
  private check(problems: Partial<Record<Field, CheckKey | undefined>>): boolean {
    const found = Object.fromEntries(Object.entries(problems).filter(([, v]) => v)) as Partial<Record<Field, CheckKey>>;
    this.fieldErrors = found;
    this.errorCode = '';
    const first = Object.keys(found)[0];
    if (first) {
      void this.updateComplete.then(() => this.querySelector<HTMLInputElement>(`#${this.ids}-${first}`)?.focus());
      return false;
    }
    return true;
  }

  // The BFF refused a field the form checks too (a limit the form did not know): say it there.
  protected override refused(refusal: Refusal): void {
    const atFields = refusal.code === 'invalid_request' ? this.fieldProblems(refusal.fields ?? []) : {};
    if (Object.keys(atFields).length) this.check(atFields);
    else super.refused(refusal);
  }

  /** The BFF's field names as this view's inputs, each with the text that fits it. */
  private fieldProblems(fields: string[]): Partial<Record<Field, CheckKey>> {
    const problems: Partial<Record<Field, CheckKey>> = {};
    if (fields.includes('email')) problems.email = checkEmail(this.email) ?? 'emailInvalid';
    if (fields.includes('password')) {
      if (this.view === 'login') problems.password = 'passwordLong';
      else problems.newPassword = 'passwordLong';
    }
    return problems;
  }

  /**
   * One step back inside the form (forgot password → login); false when it is at its first step.
   * `<login-chooser>` calls this from its one back button before it goes back itself.
   */
  stepBack(): boolean {
    if (this.view === 'login' || this.view === 'logged-in') return false;
    this.go('login');
    return true;
  }

  /** Moves focus to the heading of what the form shows now. */
  focusHeading(): void {
    void this.updateComplete.then(() => this.querySelector<HTMLElement>(`#${this.ids}-title`)?.focus());
  }

  /** Opens the forgot-password form (e.g. from the help text of `<login-chooser>`). */
  showForgotPassword(): void {
    this.go('forgot');
  }

  private go(view: View, notice?: Notice) {
    this.view = view;
    this.notice = notice;
    this.errorCode = '';
    this.fieldErrors = {};
    // Move focus to the new heading so screen-reader users hear where they are.
    this.focusHeading();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'poort-email-form': PoortEmailForm;
  }
}
