// A site's own texts: its helpdesk's name, phone and opening hours per language (issue 17 §6: the
// Dutch demo must not send people to the Flemish 1700). Their defaults are the site configuration
// (`site.helpdesk`); editors override them like any other text, and the widget shows what the
// texts say, falling back to the configuration only when the texts do not arrive.
import { locales, type Locale } from '../../../contract/locales.js';
import type { SiteConfig } from '../site-config/schema.js';
import { defaultTexts, withExtraTexts, type DefaultTexts } from './default-texts.js';

/** The keys the widget reads the helpdesk from (widget/src/views/help.ts). */
export const contactKeys = { name: 'help.contact.name', phone: 'help.contact.phone', hours: 'help.contact.hours' } as const;

/** The helpdesk texts a site's configuration gives, per locale; none when it has no helpdesk. */
export function siteTexts(site: Pick<SiteConfig, 'site'>): Record<Locale, Map<string, string>> {
  const helpdesk = site.site.helpdesk;
  return Object.fromEntries(
    locales.map((locale) => {
      const texts = new Map<string, string>();
      if (helpdesk) {
        texts.set(contactKeys.name, helpdesk.name[locale]);
        const phone = typeof helpdesk.phone === 'string' ? helpdesk.phone : helpdesk.phone?.[locale];
        if (phone) texts.set(contactKeys.phone, phone);
        if (helpdesk.hours) texts.set(contactKeys.hours, helpdesk.hours[locale]);
      }
      return [locale, texts];
    }),
  ) as Record<Locale, Map<string, string>>;
}

const cache = new WeakMap<object, DefaultTexts>();

/** Poort's default texts with this site's own laid over them: what editors start from and what is served. */
export function textDefaultsFor(site: Pick<SiteConfig, 'site'>): DefaultTexts {
  let found = cache.get(site.site);
  if (!found) {
    found = withExtraTexts(defaultTexts, siteTexts(site));
    cache.set(site.site, found);
  }
  return found;
}
