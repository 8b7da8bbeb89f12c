// `npm start` builds only when it must (scripts/build-freshness.mjs).
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildState } from '../../scripts/build-freshness.mjs';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function file(path: string, secondsAgo: number): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), '');
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(join(root, path), when, when);
}

function tree(files: Record<string, number>): void {
  root = mkdtempSync(join(tmpdir(), 'poort-freshness-'));
  for (const [path, secondsAgo] of Object.entries(files)) file(path, secondsAgo);
  // Directories count by their own time too (a deleted file): keep them old.
  for (const dir of ['bff', 'bff/src', 'widget', 'widget/src', 'widget/node_modules', 'dist']) utimesSync(join(root, dir), new Date(0), new Date(0));
}

describe('whether npm start builds first', () => {
  it('builds when there is no finished build', () => {
    tree({ 'bff/src/server.ts': 60, 'widget/src/index.ts': 60, 'widget/node_modules/x.js': 60, 'dist/bff/src/server.js': 30 });
    expect(buildState(root)).toBe('missing');
  });

  it('does not build when the build is newer than every source', () => {
    tree({ 'bff/src/server.ts': 60, 'widget/src/index.ts': 60, 'widget/node_modules/x.js': 60, 'dist/.built': 30 });
    expect(buildState(root)).toBe('fresh');
  });

  it('builds when any source changed after the build, however deep', () => {
    tree({ 'bff/src/server.ts': 60, 'widget/src/index.ts': 10, 'widget/node_modules/x.js': 60, 'dist/.built': 30 });
    expect(buildState(root)).toBe('stale');
  });

  it('ignores changes under node_modules and dist', () => {
    tree({ 'bff/src/server.ts': 60, 'widget/src/index.ts': 60, 'widget/node_modules/x.js': 1, 'dist/.built': 30, 'dist/bff/src/server.js': 1 });
    expect(buildState(root)).toBe('fresh');
  });

  it('uses the built tree as it is in a production install (no sources)', () => {
    root = mkdtempSync(join(tmpdir(), 'poort-freshness-'));
    file('dist/.built', 30);
    expect(buildState(root)).toBe('fresh');
  });
});
