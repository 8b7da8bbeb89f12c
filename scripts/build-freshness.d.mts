export const buildSources: string[];
/** `missing`: no finished build in root/dist; `stale`: a source changed after it; else `fresh`. */
export function buildState(root: string): 'missing' | 'stale' | 'fresh';
