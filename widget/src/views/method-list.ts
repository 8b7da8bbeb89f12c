// The method step's buttons: one per method, each with a short text saying when to use it.
// eHerkenning and eIDAS name the required level in words ("eHerkenning, niveau 2+",
// "eIDAS, niveau substantieel of hoog").
import { html, nothing } from 'lit';
import type { LoginMethod } from '../../../contract/login-methods.js';
import type { Translate } from '../i18n.js';
import { eherkenningMark } from './eherkenning-mark.js';

export function methodList(t: Translate, methods: readonly LoginMethod[], levels: Partial<Record<LoginMethod, string>>, choose: (m: LoginMethod) => void) {
  return html`<ul class="methods" aria-label=${t('method.label')}>
    ${methods.map(
      (m) => html`<li class="method">
        <button type="button" part="method" data-method=${m} aria-describedby="help-${m}" @click=${() => choose(m)}>
          ${m === 'eherkenning' ? eherkenningMark : nothing}<span>${t(`method.${m}.button`)}</span>
          ${levels[m] !== undefined ? html`<span class="level">${t(`method.${m}.level`, { level: levels[m] })}</span>` : nothing}
        </button>
        <p class="method-help" id="help-${m}">${t(`method.${m}.help`)}</p>
      </li>`,
    )}
  </ul>`;
}
