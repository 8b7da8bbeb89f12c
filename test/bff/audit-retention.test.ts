// Retention (issue 16, part 3): each event type is kept its configured number of days and then
// deleted by a job that any number of instances may run at once. The clock is passed in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema.js';
import { deleteExpiredAuditEvents, runAuditRetention } from '../../bff/src/audit/retention-job.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
const DAY = 24 * 60 * 60_000;
const now = new Date('2027-03-01T10:00:00Z');
const ago = (days: number, ms = 0) => new Date(now.getTime() - days * DAY - ms);
const audit = { keepDays: 30, keepDaysByType: { login: 7, audit_exported: 400 } };

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function remaining(): Promise<string[]> {
  return (await t.db.db.select({ type: auditEvents.type, reason: auditEvents.reason }).from(auditEvents)).map((r) => `${r.type}:${r.reason}`).sort();
}

async function seed(): Promise<void> {
  await t.db.db.delete(auditEvents);
  await t.db.db.insert(auditEvents).values([
    { type: 'login', outcome: 'success', reason: 'exactly-7-days', at: ago(7) },
    { type: 'login', outcome: 'success', reason: '7-days-and-1ms', at: ago(7, 1) },
    { type: 'account_created', outcome: 'success', reason: 'exactly-30-days', at: ago(30) },
    { type: 'account_created', outcome: 'success', reason: '30-days-and-1ms', at: ago(30, 1) },
    { type: 'audit_exported', outcome: 'success', reason: '399-days', at: ago(399) },
    { type: 'audit_exported', outcome: 'success', reason: '401-days', at: ago(401) },
    { type: 'logout', outcome: 'success', reason: '8-days', at: ago(8) },
  ]);
}

describe('audit retention', () => {
  it('keeps an event exactly as old as its period and deletes one a millisecond older, per type', async () => {
    await seed();
    expect(await deleteExpiredAuditEvents(t.db.db, audit, now)).toBe(3);
    expect(await remaining()).toEqual(['account_created:exactly-30-days', 'audit_exported:399-days', 'login:exactly-7-days', 'logout:8-days']);
  });

  it('is idempotent: a second run, or two at once, delete nothing more', async () => {
    await seed();
    const [a, b] = await Promise.all([deleteExpiredAuditEvents(t.db.db, audit, now), deleteExpiredAuditEvents(t.db.db, audit, now)]);
    expect(a + b).toBe(3);
    expect(await deleteExpiredAuditEvents(t.db.db, audit, now)).toBe(0);
    expect(await remaining()).toHaveLength(4);
  });

  it('lets one instance per interval do the round (a claim in the database)', async () => {
    await seed();
    const later = new Date(now.getTime() + 5 * 60_000);
    const [first, second] = await Promise.all([runAuditRetention(t.db.db, audit, 60 * 60_000, later), runAuditRetention(t.db.db, audit, 60 * 60_000, later)]);
    expect([first, second].filter((r) => r === undefined)).toHaveLength(1);
    // Five minutes later, the two events exactly at their boundary are past it too.
    expect([first, second].find((r) => r !== undefined)).toBe(5);
  });

  it('uses the default period for every type the configuration does not name', async () => {
    await seed();
    expect(await deleteExpiredAuditEvents(t.db.db, { keepDays: 5, keepDaysByType: {} }, now)).toBe(7);
  });
});
