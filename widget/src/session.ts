// GET /api/session for <login-chooser>: who is logged in, if anyone. After an eHerkenning login the
// browser comes back to the page with a session; the widget then asks for the organisation when
// the person belongs to several and has not chosen.
import type { SessionView } from '../../contract/api-schemas.js';

export async function fetchSession(bff: string): Promise<SessionView | undefined> {
  try {
    const res = await fetch(`${bff}/api/session`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!res.ok) return undefined;
    const body = (await res.json()) as Partial<SessionView> | null;
    return body && typeof body.organisationChoiceNeeded === 'boolean' ? (body as SessionView) : undefined;
  } catch {
    return undefined;
  }
}
