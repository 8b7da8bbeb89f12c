// The login methods this site offers: those it configures (`methods`, in its order) that the BFF
// serves, eIDAS only where its service is configured, and ACM/IDM only where its upstream is
// configured (a button to nowhere helps nobody). One rule for the widget's configuration and for
// the applications' levels, so an upstream that is not set up is offered by neither.
import { servedMethods, type LoginMethod } from '../../../contract/login-methods.js';
import type { SiteConfig } from './schema.js';

export function offeredMethods(site: Pick<SiteConfig, 'methods' | 'eherkenning' | 'acmidm'>): LoginMethod[] {
  return site.methods.filter(
    (m) =>
      servedMethods.includes(m) &&
      (m !== 'eidas' || site.eherkenning.eidas !== undefined) &&
      (m !== 'acmidm' || site.acmidm !== undefined),
  );
}
