// The editors' overrides in the database. Every change is a new row (version n + 1) and the row
// before it stops being current, so the rows of a key are its history: who, when, and the value
// (null: the override was taken back, the default text shows again). A stale version never
// overwrites: the current row is locked, and two first versions of one key meet the unique index.
import { and, desc, eq, max, sql } from 'drizzle-orm';
import { locales, type Locale } from '../../../contract/locales.js';
import type { DbOrTx } from '../../../db/open.js';
import { texts, users, type TextVersion } from '../../../db/schema.js';

export class StaleTextVersion extends Error {
  override name = 'StaleTextVersion';
  constructor(readonly current: Pick<TextVersion, 'version' | 'value'> | undefined) {
    super('the text was changed meanwhile');
  }
}

export async function currentText(db: DbOrTx, locale: Locale, key: string, lock = false): Promise<TextVersion | undefined> {
  const query = db.select().from(texts).where(and(eq(texts.locale, locale), eq(texts.key, key), eq(texts.current, true)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Every current row of a locale by key, locked when asked (an import compares them all at once). */
export async function currentTextsOf(db: DbOrTx, locale: Locale, lock = false): Promise<Map<string, TextVersion>> {
  const query = db.select().from(texts).where(and(eq(texts.locale, locale), eq(texts.current, true)));
  const rows = lock ? await query.for('update') : await query;
  return new Map(rows.map((row) => [row.key, row]));
}

export interface NewTextVersion {
  locale: Locale;
  key: string;
  /** null: back to the default text. */
  value: string | null;
  /** The version the editor started from (0: the default, no override yet). */
  basedOn: number;
  editorId: string | null;
}

/** Stores a new version; throws StaleTextVersion when `basedOn` is not the current version. Run it in a transaction. */
export async function saveTextVersion(tx: DbOrTx, change: NewTextVersion): Promise<TextVersion> {
  const current = await currentText(tx, change.locale, change.key, true);
  if ((current?.version ?? 0) !== change.basedOn) throw new StaleTextVersion(current);
  if (current) await tx.update(texts).set({ current: false }).where(eq(texts.id, current.id));
  const [row] = await tx
    .insert(texts)
    .values({ locale: change.locale, key: change.key, value: change.value, version: change.basedOn + 1, editorId: change.editorId })
    .onConflictDoNothing({ target: [texts.locale, texts.key, texts.version] })
    .returning();
  if (!row) throw new StaleTextVersion(await currentText(tx, change.locale, change.key));
  return row;
}

/** Every current override (not taken back), by locale and key. */
export async function currentOverrides(db: DbOrTx, only?: Locale): Promise<Record<Locale, Map<string, string>>> {
  const rows = await db
    .select({ locale: texts.locale, key: texts.key, value: texts.value })
    .from(texts)
    .where(and(eq(texts.current, true), sql`${texts.value} is not null`, only ? eq(texts.locale, only) : undefined));
  const byLocale = Object.fromEntries(locales.map((l) => [l, new Map<string, string>()])) as Record<Locale, Map<string, string>>;
  for (const row of rows) byLocale[row.locale as Locale]?.set(row.key, row.value!);
  return byLocale;
}

/** The current rows with their version, for the editor's overview. */
export async function currentVersions(db: DbOrTx): Promise<TextVersion[]> {
  return db.select().from(texts).where(eq(texts.current, true));
}

/**
 * Changes with every stored version (ids only grow), so an unchanged value means unchanged
 * overrides; with the newest time, two databases with the same id never look alike.
 */
export async function overridesRevision(db: DbOrTx, only?: Locale): Promise<string> {
  const [row] = await db
    .select({ id: max(texts.id), at: max(texts.at) })
    .from(texts)
    .where(only ? eq(texts.locale, only) : undefined);
  return `${row?.id ?? 0}.${row?.at ? new Date(row.at).getTime() : 0}`;
}

export interface HistoryEntry {
  version: number;
  value: string | null;
  /** The value before this version (null: the default text). */
  previous: string | null;
  at: Date;
  editor: { id: string; email: string | null; displayName: string | null } | null;
}

export async function textHistory(db: DbOrTx, locale: Locale, key: string): Promise<HistoryEntry[]> {
  const rows = await db
    .select({ version: texts.version, value: texts.value, at: texts.at, editorId: users.id, email: users.email, displayName: users.displayName })
    .from(texts)
    .leftJoin(users, eq(users.id, texts.editorId))
    .where(and(eq(texts.locale, locale), eq(texts.key, key)))
    .orderBy(desc(texts.version));
  return rows.map((row, i) => ({
    version: row.version,
    value: row.value,
    previous: rows[i + 1]?.value ?? null,
    at: new Date(row.at),
    editor: row.editorId ? { id: row.editorId, email: row.email, displayName: row.displayName } : null,
  }));
}

export async function textVersion(db: DbOrTx, locale: Locale, key: string, version: number): Promise<TextVersion | undefined> {
  const [row] = await db.select().from(texts).where(and(eq(texts.locale, locale), eq(texts.key, key), eq(texts.version, version)));
  return row;
}
