// What people see when the BFF sent them back with `?poort-error=<code>` (`cancelled`: a calm note
// of its own, since nothing went wrong): a text for the code and
// the code itself for the helpdesk (only the generic text for a code this widget does not know:
// the address is anyone's to write, so its text is never shown), and
// whatever helps them on (technical details, the helpdesk, a way to try again).
import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../i18n.js';
import { isKnownError } from '../poort-error.js';

export interface ErrorViewParts {
  technical?: TemplateResult;
  helpdesk?: TemplateResult;
  /** Absent when there is nothing to retry with (the configuration did not load). */
  retry?: () => void;
}

export function errorView(t: Translate, code: string, level: string, parts: ErrorViewParts) {
  if (code === 'cancelled') return cancelledView(t, parts);
  return html`<div part="error" class="error">
    <h2 id="heading" tabindex="-1">${t('errors.heading')}</h2>
    <p>${t(`errors.${isKnownError(code) ? code : 'unknown'}`, { level })}</p>
    ${isKnownError(code) ? html`<p class="code">${t('errors.code', { code })}</p>` : nothing}
    ${code === 'no_authorisation' ? (parts.technical ?? nothing) : nothing} ${parts.helpdesk ?? nothing} ${retryButton(t, parts.retry)}
  </div>`;
}

function retryButton(t: Translate, retry: (() => void) | undefined) {
  return retry
    ? html`<div class="actions">
        <button type="button" part="button retry" @click=${retry}>${t('errors.retry')}</button>
      </div>`
    : nothing;
}

/**
 * The person pressed "Annuleren" at their supplier: their own choice, so a calm note without an
 * error code or helpdesk, and the way to start again.
 */
function cancelledView(t: Translate, parts: ErrorViewParts) {
  return html`<div part="cancelled" class="cancelled">
    <h2 id="heading" tabindex="-1">${t('cancelled.heading')}</h2>
    <p>${t('errors.cancelled')}</p>
    ${retryButton(t, parts.retry)}
  </div>`;
}
