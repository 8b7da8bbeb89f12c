export { LoginChooser, type Step } from './login-chooser.js';
export type { Broker, CapacitiesView, CapacityView, LockoutSettings, MembershipView, OrganisationsView, SessionUser, SessionView } from '../../contract/api-schemas.js';
export type { Level } from '../../contract/levels.js';
export type { LoginMethod } from '../../contract/login-methods.js';
export { locales, type Locale, type Localized } from '../../contract/locales.js';
export type { WidgetConfig } from './config.js';
export type { PoortBrokerDetail, PoortErrorDetail, PoortEventMap, PoortLoginDetail, PoortMethodDetail, PoortOrganisationAddedDetail, PoortOrganisationDetail, PoortCapacityDetail } from './events.js';
export { poortErrorCodes, type PoortErrorCode } from './poort-error.js';
export { PoortEmailForm } from './email-form/poort-email-form.js';
// The elements few people see are chunks of their own (lazy-elements.ts): types only here, so
// their code stays out of this module. A page that uses one gets it defined once it is in the
// document; inside another shadow root, `await loadPoortElement(tag)` first.
export type { PoortLinkStep } from './linking/poort-link-step.js';
export type { PoortAddOrganisation } from './linking/poort-add-organisation.js';
export type { PoortOrganisationChooser } from './organisations/poort-organisation-chooser.js';
export type { PoortCapacityChooser } from './capacities/poort-capacity-chooser.js';
import { defineLazyElementsOnUse, loadElement, type LazyTag } from './lazy-elements.js';

/** Defines one of the lazily loaded elements now; rejects when its module cannot be loaded. */
export const loadPoortElement = (tag: LazyTag): Promise<void> => loadElement(tag).then(() => undefined);
export type { LazyTag };

defineLazyElementsOnUse();
