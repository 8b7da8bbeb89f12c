export const PATCHED_VERSION: string;
export const MARKER: string;
export const TYPES_MARKER: string;
/** The installed postgres package's directory. */
export function postgresDir(): string;
/** Whether every copy of connection.js in the package carries every edit. */
export function isPatched(dir?: string): boolean;
/** Applies the missing edits; returns the files changed. Throws for another version or moved text. */
export function applyPatch(dir?: string): string[];
/** The edits: each `find` text of postgres.js becomes `replace`. */
export const edits: ReadonlyArray<{ find: string; replace: string }>;
