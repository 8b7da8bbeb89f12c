// Mailed links open the site's account page with ?poort-invitation=…, ?poort-reset=… or
// ?poort-confirm-email=…. The element takes the token and removes it from the address bar and
// history at once, so it does not linger in bookmarks, screenshots or later Referer headers (R06).
export type LinkKind = 'invitation' | 'reset' | 'confirm-email';
const kinds: LinkKind[] = ['invitation', 'reset', 'confirm-email'];

export function takeLinkToken(location: Location, history: History): { kind: LinkKind; token: string } | undefined {
  const url = new URL(location.href);
  for (const kind of kinds) {
    const token = url.searchParams.get(`poort-${kind}`);
    if (token) {
      url.searchParams.delete(`poort-${kind}`);
      history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
      return { kind, token };
    }
  }
  return undefined;
}
