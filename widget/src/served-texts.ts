// The widget's texts as the BFF serves them (`GET ${bff}/api/texts/:locale`): the bundled defaults
// with the editors' overrides. The answer carries an ETag and `no-cache`, so the browser asks again
// on every page load and mostly gets a 304: an editor's change shows at the next load, no rebuild.
// One request per BFF and locale per page, shared by <login-chooser> and <poort-email-form>.
import type { Locale } from '../../contract/locales.js';

const requests = new Map<string, Promise<unknown>>();

/**
 * The served texts, or undefined when the BFF does not answer with them (then the bundled ones
 * show). `beheer`: the Beheer page's texts instead of the widget's.
 */
export function servedTexts(bff: string, locale: Locale, part: 'widget' | 'beheer' = 'widget'): Promise<unknown> {
  const url = `${bff}/api/texts/${encodeURIComponent(locale)}${part === 'beheer' ? '?for=beheer' : ''}`;
  let request = requests.get(url);
  if (!request) {
    request = fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then((res) => (res.ok ? res.json() : undefined))
      .then((body: unknown) => (body && typeof body === 'object' && !Array.isArray(body) ? body : undefined))
      .catch(() => undefined);
    requests.set(url, request);
  }
  return request;
}
