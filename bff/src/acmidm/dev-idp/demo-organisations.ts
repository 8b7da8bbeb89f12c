// The demo's organisations (by KBO number), made once: without them the simulated person's
// organisation capacities would name organisations Poort does not know, and be refused.
// Development only, like the simulated IdP.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../../db/open.js';
import { organisations } from '../../../../db/schema.js';
import { demoOrganisations } from './test-people.js';

export async function ensureDemoOrganisations(db: DbOrTx): Promise<void> {
  for (const { name, kbo } of demoOrganisations) {
    const known = await db.select({ id: organisations.id }).from(organisations).where(sql`${organisations.identifiers} ->> 'kbo' = ${kbo}`).limit(1);
    if (known.length === 0) await db.insert(organisations).values({ name, identifiers: { kbo } });
  }
}
