// The ACS sends a first eHerkenning login back with `?poort-link=pending` (policy `link`); the
// widget takes the parameter out of the address bar at once, like `poort-error`.
import { linkParameter } from '../../../contract/linking.js';

export function takeLinkPending(): boolean {
  const url = new URL(location.href);
  if (url.searchParams.get(linkParameter) === null) return false;
  url.searchParams.delete(linkParameter);
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  return true;
}
