// What the user's eHerkenning administrator needs to grant the authorisation (machtiging) for
// this service in the broker's dashboard (seed 000), with a button that copies it as plain text.
import { html } from 'lit';
import type { WidgetConfig } from '../config.js';
import type { Translate } from '../i18n.js';
import type { Locale } from '../../../contract/locales.js';

export type CopyState = '' | 'copied' | 'copyFailed';

/** Label, value, and whether the value is an identifier (set in code type, broken anywhere). */
function rows(t: Translate, eh: WidgetConfig['eherkenning'], locale: Locale): [string, string, boolean][] {
  return [
    [t('technical.serviceName'), eh.serviceName[locale], false],
    [t('technical.entityId'), eh.entityId, true],
    [t('technical.serviceId'), eh.serviceId, true],
    [t('technical.serviceUuid'), eh.serviceUuid, true],
    [t('technical.level'), t(`levels.${eh.level}`), false],
  ];
}

export function technicalText(t: Translate, eh: WidgetConfig['eherkenning'], locale: Locale): string {
  return rows(t, eh, locale)
    .map(([label, value]) => `${label}: ${value}`)
    .join('\n');
}

export function technicalInfo(t: Translate, eh: WidgetConfig['eherkenning'], locale: Locale, copy: CopyState, onCopy: () => void) {
  return html`<section part="technical" class="panel" aria-labelledby="technical-heading">
    <h3 id="technical-heading">${t('technical.heading')}</h3>
    <p>${t('technical.intro')}</p>
    <dl>
      ${rows(t, eh, locale).map(([label, value, id]) => html`<dt>${label}</dt><dd class=${id ? 'identifier' : ''}>${value}</dd>`)}
    </dl>
    <button type="button" part="button copy" class="secondary" @click=${onCopy}>${t('technical.copy')}</button>
    <p role="status" class="status">${copy ? t(`technical.${copy}`) : ''}</p>
  </section>`;
}
