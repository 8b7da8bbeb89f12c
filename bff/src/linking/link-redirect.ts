// The return path with `?poort-link=pending` (pure): tells the site's widget to show its linking step.
import { linkParameter } from '../../../contract/linking.js';

export function withLinkPending(returnTo: string, publicUrl: string): string {
  const url = new URL(returnTo, new URL(publicUrl).origin);
  url.searchParams.set(linkParameter, 'pending');
  return `${url.pathname}${url.search}${url.hash}`;
}
