import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../db/open.js';
import { auditEvents, sessions, users } from '../../db/schema.js';
import { openTestDb, testDbKind, type TestDb } from '../support/db.js';

let h: TestDb;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(() => h.close());

describe(`openDb on ${testDbKind}`, () => {
  it('starts from an empty, migrated database', async () => {
    expect(h.kind).toBe(testDbKind);
    expect(await h.db.select().from(users)).toEqual([]);
  });

  it('stores and reads users, sessions and audit events through the same Drizzle API', async () => {
    const [user] = await h.db.insert(users).values({ email: 'Anna@Example.nl', displayName: 'Anna' }).returning();
    expect(user!.role).toBe('user');
    const now = new Date();
    await h.db.insert(sessions).values({
      tokenHash: 'a'.repeat(64),
      userId: user!.id,
      method: 'email',
      idleExpiresAt: new Date(now.getTime() + 60_000),
      absoluteExpiresAt: new Date(now.getTime() + 3_600_000),
    });
    await h.db.insert(auditEvents).values({ type: 'login', outcome: 'success', userId: user!.id });
    const [s] = await h.db.select().from(sessions).where(eq(sessions.userId, user!.id));
    expect(s!.idleExpiresAt).toBeInstanceOf(Date);
    const [event] = await h.db.select().from(auditEvents);
    expect(event).toMatchObject({ type: 'login', outcome: 'success', userId: user!.id });
  });

  it('keeps e-mail addresses unique regardless of case', async () => {
    await expect(h.db.insert(users).values({ email: 'anna@example.NL' })).rejects.toThrow();
  });

  it('rolls a transaction back completely when it fails', async () => {
    await expect(
      h.db.transaction(async (tx) => {
        await tx.insert(users).values({ email: 'bert@example.nl' });
        await tx.insert(users).values({ email: 'BERT@example.nl' });
      }),
    ).rejects.toThrow();
    const rows = await h.db.select().from(users).where(sql`lower(${users.email}) = 'bert@example.nl'`);
    expect(rows).toEqual([]);
  });

  it('gives each test database its own rows, copied from a template with every migration applied', async () => {
    const other = await openTestDb();
    try {
      await h.db.insert(users).values({ email: 'only-in-one@example.nl' });
      expect(await other.db.select().from(users)).toEqual([]);
      const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
      const result = (await other.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as unknown as { rows?: { n: number }[] } & { n: number }[];
      expect((result.rows ?? result)[0]!.n).toBe(journal.entries.length);
    } finally {
      await other.close();
    }
  });

  it('answers ping', async () => {
    await expect(h.ping()).resolves.toBeUndefined();
  });
});
