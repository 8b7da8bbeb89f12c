// The BFF calls of <poort-capacity-chooser>: the capacities the ACM/IDM login offered. Choosing
// one is the organisations switch (organisations-api.ts), null being the citizen capacity.
import type { CapacitiesView } from '../../../contract/api-schemas.js';

/** The capacities, or undefined when nobody is logged in (or the BFF cannot say). */
export async function fetchCapacities(bff: string): Promise<CapacitiesView | undefined> {
  try {
    const res = await fetch(`${bff}/api/capacities`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!res.ok) return undefined;
    const body = (await res.json()) as Partial<CapacitiesView> | null;
    return body && Array.isArray(body.capacities) ? (body as CapacitiesView) : undefined;
  } catch {
    return undefined;
  }
}
