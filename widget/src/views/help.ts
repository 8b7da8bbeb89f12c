// "Hulp nodig?": a native <details> disclosure per step (keyboard and screen-reader support for
// free), with the site's helpdesk from the configuration under every help text.
import { html, nothing, type TemplateResult } from 'lit';
import type { WidgetConfig } from '../config.js';
import type { Translate } from '../i18n.js';
import type { Locale } from '../../../contract/locales.js';

export function helpDisclosure(t: Translate, body: TemplateResult, helpdesk: WidgetConfig['helpdesk'], locale: Locale, open = false) {
  return html`<details part="help" class="help" ?open=${open}>
    <summary>${t('help.summary')}</summary>
    <div class="help-body">${body}${helpdesk ? helpdeskContact(t, helpdesk, locale) : nothing}</div>
  </details>`;
}

export function helpdeskContact(t: Translate, helpdesk: NonNullable<WidgetConfig['helpdesk']>, locale: Locale) {
  const { phone, email, url } = helpdesk;
  return html`<p class="helpdesk">
    ${t('help.helpdesk', { name: helpdesk.name[locale] })}
    ${phone ? html`<a href="tel:${phone.replace(/\s/g, '')}">${t('help.phone', { phone })}</a>` : nothing}
    ${email ? html`<a href="mailto:${email}">${t('help.mail', { email })}</a>` : nothing}
    ${url ? html`<a href=${url}>${t('help.web')}</a>` : nothing}
  </p>`;
}
