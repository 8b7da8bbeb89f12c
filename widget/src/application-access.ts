// GET ${bff}/api/session?app= for <login-chooser app="…">: does the person's session open the
// application (single sign-on), must they log in or step up (a new login with ForceAuthn and the
// stronger minimum), or are they refused (its helpdesk text)? The BFF decides
// (docs/decisions/applications-and-sso.md); the widget only shows the step that follows.
import type { ApplicationRefusal } from '../../contract/api-schemas.js';

export type ApplicationAccess =
  | { outcome: 'granted' | 'login' | 'choose_organisation' }
  | { outcome: 'step_up'; method: string; level: string }
  | { outcome: 'refused' };

export async function fetchApplicationAccess(bff: string, app: string): Promise<ApplicationAccess> {
  try {
    const res = await fetch(`${bff}/api/session?app=${encodeURIComponent(app)}`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (res.ok) return { outcome: 'granted' };
    const body = (await res.json().catch(() => null)) as Partial<ApplicationRefusal> | null;
    const code = body?.error?.code;
    if (code === 'step_up_required' && body?.stepUp) return { outcome: 'step_up', method: body.stepUp.method, level: body.stepUp.level };
    if (code === 'application_forbidden') return { outcome: 'refused' };
    if (code === 'organisation_choice_needed') return { outcome: 'choose_organisation' };
  } catch {
    // Offline or an odd answer: offer the login, which says what is wrong if anything is.
  }
  return { outcome: 'login' };
}
