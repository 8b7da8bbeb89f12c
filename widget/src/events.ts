// The events <login-chooser> and its parts fire. All bubble and are composed, so a page can
// listen on document; each has a typed `detail` (see HTMLElementEventMap below).
import type { MembershipAddedView } from '../../contract/linking-schemas.js';
import type { CapacityView, MembershipView, SessionUser } from '../../contract/api-schemas.js';
import type { LoginMethod } from '../../contract/login-methods.js';

export interface PoortMethodDetail {
  method: LoginMethod;
}

export interface PoortBrokerDetail {
  broker: { id: string; name: string };
  /** Where the page is about to go; call preventDefault() on the event to stay. */
  url: string;
}

/**
 * Fired by the part that completed a login without leaving the page (today only the e-mail form;
 * an eHerkenning login ends in a page load instead). Every key is always there.
 */
export interface PoortLoginDetail {
  /** How the person logged in. */
  method: LoginMethod;
  /** Who is logged in now: the same object `GET /api/session` has as `user`. */
  user: SessionUser;
  /** The form's `return-to` path, for the page to go to; null when none was set. */
  returnTo: string | null;
  /**
   * True when the person belongs to several organisations and has not chosen one: the widget asks
   * next and fires `poort-organisation` once they have (wait for it before going on).
   */
  organisationChoiceNeeded: boolean;
}

export interface PoortOrganisationDetail {
  /** The organisation the session acts for now, as `GET /api/session` has it in `actingFor`. */
  organisation: MembershipView;
}

export interface PoortErrorDetail {
  /** The code from `?poort-error=` when the widget knows it (else `unknown`), or `service_unavailable` when the configuration did not load. */
  code: string;
  /** False for a code this widget does not know; it then shows the generic text and no code. */
  known: boolean;
}

/** Fired by `<poort-add-organisation>` ("Account toevoegen") once the organisation was added. */
export type PoortOrganisationAddedDetail = MembershipAddedView;

export function fire<K extends keyof PoortEventMap>(
  target: EventTarget,
  type: K,
  detail: PoortEventMap[K]['detail'],
  cancelable = false,
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}

/** Fired by `<poort-capacity-chooser>` once the person chose the capacity of their ACM/IDM login. */
export interface PoortCapacityDetail {
  capacity: CapacityView;
}

export interface PoortEventMap {
  'poort-method': CustomEvent<PoortMethodDetail>;
  'poort-broker': CustomEvent<PoortBrokerDetail>;
  'poort-login': CustomEvent<PoortLoginDetail>;
  'poort-error': CustomEvent<PoortErrorDetail>;
  'poort-organisation-added': CustomEvent<PoortOrganisationAddedDetail>;
  'poort-organisation': CustomEvent<PoortOrganisationDetail>;
  'poort-capacity': CustomEvent<PoortCapacityDetail>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends PoortEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DocumentEventMap extends PoortEventMap {}
}
