// Broker health shared through the database: metadata failures in broker_health (written by the
// instance that met them, cleared by the next that succeeds), call faults read from audit_events.
// The broker list asks on every widget load, so each instance keeps the answer for a few seconds.
import { and, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import { brokerMethods } from '../../../contract/login-methods.js';
import type { Db } from '../../../db/open.js';
import { auditEvents, brokerHealth } from '../../../db/schema.js';
import { brokerAvailability, brokerFaultReasons, HEALTH_WINDOW_MS, type BrokerAvailability } from './broker-health-policy.js';

const MEMORY_MS = 10_000;
const memory = new WeakMap<Db, { until: number; health: Promise<Map<string, BrokerAvailability>> }>();

export async function recordMetadataFailure(db: Db, broker: string, reason: string, now = new Date()): Promise<void> {
  await db
    .insert(brokerHealth)
    .values({ broker, metadataFailedSince: now, metadataReason: reason, updatedAt: now })
    .onConflictDoUpdate({
      target: brokerHealth.broker,
      set: { metadataFailedSince: sql`coalesce(${brokerHealth.metadataFailedSince}, ${now.toISOString()}::timestamptz)`, metadataReason: reason, updatedAt: now },
    });
  memory.delete(db);
}

/** After metadata was had: clears a failure any instance recorded (a no-op write when there is none). */
export async function recordMetadataOk(db: Db, broker: string, now = new Date()): Promise<void> {
  const cleared = await db
    .update(brokerHealth)
    .set({ metadataFailedSince: null, updatedAt: now })
    .where(and(eq(brokerHealth.broker, broker), isNotNull(brokerHealth.metadataFailedSince)))
    .returning({ broker: brokerHealth.broker });
  if (cleared.length) memory.delete(db);
}

/** Each broker's availability as all instances saw it; brokers not in the map are available. */
export function brokerHealthNow(db: Db, now = new Date()): Promise<Map<string, BrokerAvailability>> {
  const kept = memory.get(db);
  if (kept && kept.until > now.getTime()) return kept.health;
  const health = readHealth(db, now);
  memory.set(db, { until: now.getTime() + MEMORY_MS, health });
  // A failed read is not kept: the next caller tries again.
  health.catch(() => memory.delete(db));
  return health;
}

async function readHealth(db: Db, now: Date): Promise<Map<string, BrokerAvailability>> {
  const since = new Date(now.getTime() - HEALTH_WINDOW_MS);
  const faults = inArray(auditEvents.reason, [...brokerFaultReasons]);
  const [failures, recent] = await Promise.all([
    db.select().from(brokerHealth).where(isNotNull(brokerHealth.metadataFailedSince)),
    db
      .select({
        broker: auditEvents.broker,
        ends: sql`count(*)`.mapWith(Number),
        faults: sql`count(*) filter (where ${faults})`.mapWith(Number),
        firstFaultAt: sql`min(${auditEvents.at}) filter (where ${faults})`.mapWith((v: string | Date | null) => (v ? new Date(v) : null)),
      })
      .from(auditEvents)
      .where(and(gt(auditEvents.at, since), eq(auditEvents.type, 'login'), inArray(auditEvents.method, [...brokerMethods]), isNotNull(auditEvents.broker)))
      .groupBy(auditEvents.broker),
  ]);
  const brokers = new Set([...failures.map((f) => f.broker), ...recent.map((r) => r.broker!)]);
  const health = new Map<string, BrokerAvailability>();
  for (const broker of brokers) {
    const availability = brokerAvailability({
      metadataFailedSince: failures.find((f) => f.broker === broker)?.metadataFailedSince ?? null,
      recent: recent.find((r) => r.broker === broker) ?? { ends: 0, faults: 0 },
    });
    if (!availability.available) health.set(broker, availability);
  }
  return health;
}
