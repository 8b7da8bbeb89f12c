// JSX types for Poort's elements in React 19, which passes properties and listens to custom
// events natively: `onpoort-login` listens to `poort-login` (React 19 keeps the event name as
// written after "on"). docs/embedding.md shows the same declaration for a site's own code.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { LoginChooser, PoortBrokerDetail, PoortEmailForm, PoortErrorDetail, PoortLoginDetail, PoortMethodDetail } from 'poort/widget';

type Listener<D> = (event: CustomEvent<D>) => void;

interface PoortEvents {
  'onpoort-method'?: Listener<PoortMethodDetail>;
  'onpoort-broker'?: Listener<PoortBrokerDetail>;
  'onpoort-error'?: Listener<PoortErrorDetail>;
  'onpoort-login'?: Listener<PoortLoginDetail>;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'login-chooser': DetailedHTMLProps<HTMLAttributes<LoginChooser>, LoginChooser> &
        PoortEvents & { bff?: string; methods?: string; 'return-to'?: string; level?: string };
      'poort-email-form': DetailedHTMLProps<HTMLAttributes<PoortEmailForm>, PoortEmailForm> &
        Pick<PoortEvents, 'onpoort-login'> & { bff?: string; 'return-to'?: string };
    }
  }
}
