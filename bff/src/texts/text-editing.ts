// What an editor does with texts: change one, take a change back, import a whole locale. Each
// checks first (text-rules.ts) and writes nothing on any problem; each write is one transaction
// with its audit event.
import type { Locale } from '../../../contract/locales.js';
import type { Db, DbOrTx } from '../../../db/open.js';
import { recordAudit } from '../audit/record-audit.js';
import type { RequestOrigin } from '../http/request-client.js';
import { ApiError } from '../http/api-error.js';
import type { DefaultTexts } from './default-texts.js';
import { checkText, type TextProblem } from './text-rules.js';
import { StaleTextVersion, currentTextsOf, saveTextVersion, textVersion } from './text-store.js';
import { flattenTexts, type TextTree } from './text-tree.js';
import { translate } from './translator.js';

export interface EditorContext {
  db: Db;
  editorId: string;
  origin?: RequestOrigin;
  /** The defaults edits are checked against: Poort's with the site's own (site-texts.ts). */
  defaults: DefaultTexts;
}

export interface TextState {
  locale: Locale;
  key: string;
  /** What shows: the override, else the default. */
  value: string;
  overridden: boolean;
  version: number;
}

/** A problem with one key of an import (or the one text of an edit), named for the editor. */
export interface KeyedProblem extends TextProblem {
  key: string;
}

function requireDefault(defaults: DefaultTexts, locale: Locale, key: string): string {
  const value = defaults.byLocale[locale].get(key);
  if (value === undefined) throw new ApiError('not_found', 'There is no text with this key.');
  return value;
}

/** 422 `text_invalid`, listing each problem; the message names them in the request's language. */
export function invalidText(problems: KeyedProblem[]): ApiError {
  const error = new ApiError('text_invalid');
  error.problems = problems;
  error.values = (locale) => ({ problems: describeProblems(problems, locale) });
  return error;
}

/** The problems as a sentence in a locale, for the API's message. */
export function describeProblems(problems: KeyedProblem[], locale: Locale): string {
  return problems.map((p) => `${p.key}: ${translate(locale, `textProblem.${p.problem}`, { detail: p.detail ?? '' })}`).join(' ');
}

async function save(ctx: EditorContext, locale: Locale, key: string, value: string | null, basedOn: number, type: string, details: Record<string, unknown> = {}): Promise<TextState> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const row = await saveTextVersion(tx, { locale, key, value, basedOn, editorId: ctx.editorId });
      await audit(tx, ctx, type, { locale, key, version: row.version, ...details });
      return stateOf(ctx.defaults, locale, key, row.value, row.version);
    });
  } catch (error) {
    if (error instanceof StaleTextVersion) throw conflict(ctx.defaults, locale, key, error);
    throw error;
  }
}

function conflict(defaults: DefaultTexts, locale: Locale, key: string, stale: StaleTextVersion): ApiError {
  const error = new ApiError('text_version_conflict');
  error.problems = [{ key, current: stateOf(defaults, locale, key, stale.current?.value ?? null, stale.current?.version ?? 0) }];
  return error;
}

function stateOf(defaults: DefaultTexts, locale: Locale, key: string, value: string | null, version: number): TextState {
  return { locale, key, value: value ?? requireDefault(defaults, locale, key), overridden: value !== null, version };
}

export async function editText(ctx: EditorContext, locale: Locale, key: string, input: string, basedOn: number): Promise<TextState> {
  const checked = checkText(key, input, requireDefault(ctx.defaults, locale, key));
  if (checked.problems.length) throw invalidText(checked.problems.map((p) => ({ key, ...p })));
  return save(ctx, locale, key, checked.value, basedOn, 'text_changed');
}

/** Back to the default text (`to` 0) or to the value of an earlier version, as a new version. */
export async function revertText(ctx: EditorContext, locale: Locale, key: string, to: number, basedOn: number): Promise<TextState> {
  const fallback = requireDefault(ctx.defaults, locale, key);
  let value: string | null = null;
  if (to > 0) {
    const earlier = await textVersion(ctx.db, locale, key, to);
    if (!earlier) throw new ApiError('not_found', 'This text has no such version.');
    if (earlier.value !== null) {
      // The default may have changed since (a deploy): an old text must still fit it.
      const checked = checkText(key, earlier.value, fallback);
      if (checked.problems.length) throw invalidText(checked.problems.map((p) => ({ key, ...p })));
      value = checked.value;
    }
  }
  return save(ctx, locale, key, value, basedOn, 'text_reverted', { to });
}

/**
 * A whole locale as i18next JSON: checked as a whole (every problem listed, nothing written on
 * any), then every text that differs from what shows now is stored as a new version, in one
 * transaction. A text equal to its default takes the override back.
 */
export async function importTexts(ctx: EditorContext, locale: Locale, tree: unknown): Promise<{ changed: number }> {
  const { values, problems } = readImport(ctx.defaults, locale, tree);
  if (problems.length) throw invalidText(problems);
  return ctx.db.transaction(async (tx) => {
    let changed = 0;
    // One query for what shows now, not one per text: a locale has hundreds.
    const currentRows = await currentTextsOf(tx, locale, true);
    for (const [key, value] of values) {
      const current = currentRows.get(key);
      const wanted = value === requireDefault(ctx.defaults, locale, key) ? null : value;
      if ((current?.value ?? null) === wanted) continue;
      await saveTextVersion(tx, { locale, key, value: wanted, basedOn: current?.version ?? 0, editorId: ctx.editorId });
      changed++;
    }
    await audit(tx, ctx, 'texts_imported', { locale, changed });
    return { changed };
  });
}

function readImport(defaults: DefaultTexts, locale: Locale, tree: unknown): { values: Map<string, string>; problems: KeyedProblem[] } {
  const problems: KeyedProblem[] = [];
  const values = new Map<string, string>();
  if (!isTree(tree, '', problems)) return { values, problems };
  for (const [key, input] of flattenTexts(tree)) {
    const fallback = defaults.byLocale[locale].get(key);
    if (fallback === undefined) {
      problems.push({ key, problem: 'unknown_key' });
      continue;
    }
    const checked = checkText(key, input, fallback);
    problems.push(...checked.problems.map((p) => ({ key, ...p })));
    values.set(key, checked.value);
  }
  return { values, problems };
}

/** Only nested objects of strings: anything else is named with its key. */
function isTree(value: unknown, key: string, problems: KeyedProblem[]): value is TextTree {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({ key: key || '(file)', problem: 'not_text' });
    return false;
  }
  let ok = true;
  for (const [name, child] of Object.entries(value)) {
    const path = key ? `${key}.${name}` : name;
    if (typeof child === 'string') continue;
    if (!isTree(child, path, problems)) ok = false;
  }
  return ok;
}

/** Every text of a locale as it shows now (defaults with the overrides), nested: the export. */
export function mergedTexts(defaults: DefaultTexts, locale: Locale, overrides: Map<string, string>, keys: Iterable<string> = defaults.byLocale[locale].keys()): Array<[string, string]> {
  return [...keys].map((key) => [key, overrides.get(key) ?? defaults.byLocale[locale].get(key)!]);
}

async function audit(tx: DbOrTx, ctx: EditorContext, type: string, details: Record<string, unknown>): Promise<void> {
  await recordAudit(tx, { type, outcome: 'success', actorId: ctx.editorId, details }, ctx.origin);
}
