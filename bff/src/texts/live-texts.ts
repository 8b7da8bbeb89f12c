// Brings the BFF's translator up to date with the editors' overrides before a page or mail is
// written. The database stays the one source: each call asks it for the overrides' revision (one
// small query) and reloads only when that changed, so every instance shows a change at its next
// page or mail, with nothing to restart or notify.
import type { DbOrTx } from '../../../db/open.js';
import { currentOverrides, overridesRevision } from './text-store.js';
import { applyOverrides } from './translator.js';

let applied = '';

export async function refreshTexts(db: DbOrTx): Promise<void> {
  const revision = await overridesRevision(db);
  if (revision === applied) return;
  const overrides = await currentOverrides(db);
  applyOverrides(overrides);
  applied = revision;
}

/**
 * For a page: overrides when the database answers, else the texts last loaded. A refusal page
 * (often: the database is down) must never fail because its texts could not be refreshed.
 */
export async function refreshTextsForPage(db: DbOrTx): Promise<void> {
  try {
    await refreshTexts(db);
  } catch {
    // The page goes out with the texts this instance had.
  }
}
