// PGlite is one process per data directory: two processes writing it would corrupt it. The server
// and the service-desk CLI each hold this lock file while they have the directory open, so the
// second one stops with a clear message instead.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
  constructor(
    readonly dataDir: string,
    readonly holder: { pid: number; what: string },
  ) {
    super(`the PGlite data directory ${dataDir} is in use by ${holder.what} (process ${holder.pid})`);
  }
}

export function lockDataDir(dataDir: string, what: string): () => void {
  const file = join(dataDir, 'poort.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify({ pid: process.pid, what }), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (holder && isAlive(holder.pid)) throw new DataDirLockedError(dataDir, holder);
      // Left behind by a process that was killed: take it over.
      rmSync(file, { force: true });
    }
  }
  throw new Error(`cannot lock ${dataDir}`);
}

function readHolder(file: string): { pid: number; what: string } | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown; what?: unknown };
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, what: String(parsed.what ?? 'another process') } : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
