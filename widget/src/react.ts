// React components for <login-chooser> and <poort-email-form>, made with @lit/react, for React 18
// and older: React before 19 passes every prop to a custom element as a string attribute and
// cannot listen to its custom events. React 19 does both natively (docs/embedding.md).
//
// A separate module of the package (`poort/widget/react`, dist/widget/react.js): it imports the
// elements from the main module, so a page that does not use React downloads none of this, and
// the main module does not grow. React itself comes from the site (it is not bundled).
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { LoginChooser, PoortEmailForm } from './index.js';
import type { PoortBrokerDetail, PoortErrorDetail, PoortLoginDetail, PoortMethodDetail } from './events.js';

const events = {
  onPoortMethod: 'poort-method' as EventName<CustomEvent<PoortMethodDetail>>,
  onPoortBroker: 'poort-broker' as EventName<CustomEvent<PoortBrokerDetail>>,
  onPoortError: 'poort-error' as EventName<CustomEvent<PoortErrorDetail>>,
  // Fired by the e-mail form inside the chooser; it bubbles through it.
  onPoortLogin: 'poort-login' as EventName<CustomEvent<PoortLoginDetail>>,
};

/** `<login-chooser>` as a React component: `lang`, `bff`, `methods`, `returnTo`, `level` and the `onPoort…` events, typed. */
export const PoortLoginChooser = createComponent({
  tagName: 'login-chooser',
  elementClass: LoginChooser,
  react: React,
  events,
  displayName: 'PoortLoginChooser',
});

/** `<poort-email-form>` on its own (the page the mail links open): `lang`, `bff`, `returnTo` and `onPoortLogin`. */
export const PoortEmailFormComponent = createComponent({
  tagName: 'poort-email-form',
  elementClass: PoortEmailForm,
  react: React,
  events: { onPoortLogin: events.onPoortLogin },
  displayName: 'PoortEmailForm',
});
