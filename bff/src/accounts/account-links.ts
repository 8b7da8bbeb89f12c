// Links in mails (pure): always built on the configured public URL, never on the request's Host
// header, so a forged Host cannot make Poort mail a link to someone else's server (R05).
export type LinkKind = 'invitation' | 'reset' | 'confirm-email';

export function accountLink(publicUrl: string, accountPage: string, kind: LinkKind, token: string): string {
  return `${publicUrl}${accountPage}?poort-${kind}=${encodeURIComponent(token)}`;
}
