// "Hulp nodig?": a native <details> disclosure per step (keyboard and screen-reader support for
// free), with the site's helpdesk under every help text: its name, phone and hours are texts
// (help.contact.*, defaults from the site configuration), its e-mail and web page configuration.
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

/**
 * The helpdesk's name, phone and hours in this locale: the texts `help.contact.*`, which the BFF
 * serves from the site configuration and editors may change per language; the configuration
 * itself only when the served texts did not arrive.
 */
export function helpdeskDetails(t: Translate, helpdesk: NonNullable<WidgetConfig['helpdesk']>, locale: Locale) {
  const configuredPhone = typeof helpdesk.phone === 'string' ? helpdesk.phone : helpdesk.phone?.[locale];
  return {
    name: t('help.contact.name') || helpdesk.name[locale],
    phone: t('help.contact.phone') || configuredPhone || '',
    hours: t('help.contact.hours') || helpdesk.hours?.[locale] || '',
  };
}

/** A tel: link for a phone number as people write it. */
export function phoneLink(t: Translate, phone: string) {
  return html`<a href="tel:${phone.replace(/[\s.()-]/g, '')}">${t('help.phone', { phone })}</a>`;
}

export function helpdeskContact(t: Translate, helpdesk: NonNullable<WidgetConfig['helpdesk']>, locale: Locale) {
  const { email, url } = helpdesk;
  const { name, phone, hours } = helpdeskDetails(t, helpdesk, locale);
  return html`<p class="helpdesk">
    ${t('help.helpdesk', { name })} ${phone ? phoneLink(t, phone) : nothing}
    ${email ? html`<a href="mailto:${email}">${t('help.mail', { email })}</a>` : nothing}
    ${url ? html`<a href=${url}>${t('help.web')}</a>` : nothing} ${hours ? html`<span class="hours">${hours}</span>` : nothing}
  </p>`;
}
