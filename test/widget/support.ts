// Helpers for the widget tests: a site configuration served by a stubbed fetch (the real BFF is
// exercised by the end-to-end tests), and small ways to look inside the shadow root.
import { fixture, html } from '@open-wc/testing';
import type { LoginChooser } from '../../widget/src/login-chooser.js';
import type { Broker } from '../../contract/api-schemas.js';
import type { WidgetConfig } from '../../widget/src/config.js';
import type { PoortBrokerDetail } from '../../widget/src/events.js';

export const brokers: Broker[] = [
  { id: 'noord', name: 'Demo Leverancier Noord', aliases: ['Noord', 'Makelaar Noord'], levels: ['loa2', 'loa2plus', 'loa3'] },
  { id: 'zuid', name: 'Demo Leverancier Zuid', aliases: ['Zuid', 'Makelaar Zuid', 'Artifact'], levels: ['loa2', 'loa2plus', 'loa3'] },
  { id: 'eenvoud', name: 'Demo Éénvoudig Inloggen', aliases: ['Basic'], levels: ['loa2'] },
];

export function siteConfig(overrides: Partial<WidgetConfig> = {}): WidgetConfig {
  return {
    environment: 'production',
    siteName: { nl: 'Voorbeeldportaal', 'nl-BE': 'Voorbeeldtoepassing', en: 'Example portal' },
    methods: ['eherkenning', 'email'],
    level: 'loa2plus',
    brokers,
    eherkenning: {
      entityId: 'urn:etoegang:DV:00000001234567890000:entities:0001',
      serviceId: 'urn:etoegang:DV:00000001234567890000:services:0001',
      serviceUuid: '6f1c2a40-3d5e-4b8a-9c1d-2e3f4a5b6c7d',
      serviceName: { nl: 'Voorbeelddienst', 'nl-BE': 'Voorbeeldtoepassing', en: 'Example service' },
      level: 'loa2plus',
    },
    helpdesk: { name: { nl: 'Servicedesk', 'nl-BE': 'Contactcenter 1700', en: 'Service desk' }, phone: '1700' },
    ...overrides,
  };
}

/** A site that also offers eIDAS (the brokers' second service) at EH3, with `overrides`. */
export function eidasSiteConfig(overrides: Partial<WidgetConfig> = {}): WidgetConfig {
  return siteConfig({
    methods: ['eherkenning', 'eidas', 'email'],
    eidas: {
      serviceId: 'urn:etoegang:DV:00000001234567890000:services:0002',
      serviceUuid: '6f1c2a40-3d5e-4b8a-9c1d-2e3f4a5b6c7e',
      serviceName: { nl: 'Voorbeelddienst (eIDAS)', 'nl-BE': 'Voorbeeldtoepassing (eIDAS)', en: 'Example service (eIDAS)' },
      level: 'loa3',
    },
    ...overrides,
  });
}

const realFetch = window.fetch;
export let configRequests: string[] = [];

/** Serves `config` (or a 503 when null) for `${bff}/api/config`; everything else goes through. */
export function serveConfig(config: WidgetConfig | null = siteConfig()): void {
  configRequests = [];
  window.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.endsWith('/api/config')) return realFetch(input, init);
    configRequests.push(url);
    return config ? Response.json(config) : new Response('{}', { status: 503 });
  };
}

export function restoreFetch(): void {
  window.fetch = realFetch;
}

export async function chooser(template = html`<login-chooser lang="nl"></login-chooser>`): Promise<LoginChooser> {
  const el = await fixture<LoginChooser>(template);
  await el.updateComplete;
  return el;
}

export const $ = <T extends Element = HTMLElement>(el: LoginChooser, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
export const $$ = <T extends Element = HTMLElement>(el: LoginChooser, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
export const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Any visible text that looks like an i18n key (dotted lower-case words) is a bug. */
export function rawKeys(el: LoginChooser): string[] {
  return (el.shadowRoot!.textContent ?? '').match(/\b[a-z]+(?:\.[a-zA-Z_]+)+\b/g) ?? [];
}

export async function press(el: LoginChooser, key: string, init: KeyboardEventInit = {}): Promise<void> {
  $(el, '#search').dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }));
  await el.updateComplete;
}

export async function type(el: LoginChooser, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, '#search');
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function openBrokerStep(el: LoginChooser): Promise<void> {
  $(el, 'button[data-method="eherkenning"]').click();
  await el.updateComplete;
}

/** Stops the page from really going to the broker, and hands back what it would have done. */
export function catchNavigation(): { detail?: PoortBrokerDetail } {
  const seen: { detail?: PoortBrokerDetail } = {};
  document.addEventListener(
    'poort-broker',
    (e) => {
      seen.detail = e.detail;
      e.preventDefault();
    },
    { once: true },
  );
  return seen;
}
