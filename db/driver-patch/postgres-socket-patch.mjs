// Poort's patch of postgres.js (porsager/postgres) 3.4.9: a write that runs after its connection
// closed, and a promise of the driver's own that nobody handles. Upstream issues #1066, #1154,
// #1208 (the guard is proposed in PRs #1168 and #1176, not released yet) and #1192, #1205, #1223.
// This file is ours; it holds the three edits and applies them idempotently.
//
// 1. nextWrite() runs from a setImmediate that a write queued after close() had nulled the socket
//    (a transaction's ROLLBACK after its query failed with CONNECTION_CLOSED, e.g. PostgreSQL
//    restarted). It threw a TypeError no caller can catch, and the process died. Now the queued
//    bytes are dropped and the connection's pending queries are rejected with CONNECTION_CLOSED,
//    an ordinary error the caller sees (dropping alone would leave them waiting for ever).
// 2. closed() kept state of the dead socket: a FATAL error the server sent just before closing
//    (57P01 on a restart) stayed in errorResponse and failed the first query after the reconnect
//    (seen in test/db/postgres-driver-patch.test.ts), and the handle of a cleared immediate stayed
//    set, so a small write queued later would never be scheduled, while its unsent bytes could go
//    out on the new socket. All three are reset when the socket closes.
// 3. ReadyForQuery() starts the array-types query of a new connection (fetch_types, on by default)
//    and drops its promise. When PostgreSQL goes away between the connection's start-up and that
//    query's answer (a restart), the driver reconnects for the waiting query; that attempt is
//    refused, and the types query is rejected with ECONNREFUSED (or the server's error) that no
//    caller can catch: an unhandled rejection, which stops a Poort process (bff/src/crash-policy.ts).
//    The soak saw exactly that (issue 18). The query the application asked for gets the same error
//    (or runs once the types are there), so the dropped promise's failure is only swallowed.
//
// Plain Node, no dependencies: it runs as `postinstall` in development and in `npm ci --omit=dev`.
// It fails loudly when postgres.js is not the version this patch was written for.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const PATCHED_VERSION = '3.4.9';
export const MARKER = 'poort-patch: null socket';
export const TYPES_MARKER = 'poort-patch: types query';

export const edits = [
  {
    find: '  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)\n',
    replace:
      '  function nextWrite(fn) {\n' +
      `    if (socket === null) { // ${MARKER}: closed before this write ran; settle, never throw\n` +
      '      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n' +
      '      chunk = nextWriteTimer = null\n' +
      "      error(Errors.connection('CONNECTION_CLOSED', options))\n" +
      '      return false\n' +
      '    }\n' +
      '    const x = socket.write(chunk, fn)\n',
  },
  {
    find: '    incomings = null\n    clearImmediate(nextWriteTimer)\n',
    replace: `    incomings = null\n    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = errorResponse = null // ${MARKER}: nothing of the old socket survives a close\n`,
  },
  {
    find: '        return fetchArrayTypes()\n',
    replace: `        return fetchArrayTypes().catch(noop) // ${TYPES_MARKER}: its failure reaches the waiting query; never an unhandled rejection\n`,
  },
];

const copies = ['src/connection.js', 'cjs/src/connection.js', 'cf/src/connection.js'];

/** The installed postgres package's directory, found the way Node resolves it from here. */
export function postgresDir() {
  // The CommonJS entry (cjs/src/index.js) is what require() resolves; the package is two levels up.
  return dirname(dirname(dirname(createRequire(import.meta.url).resolve('postgres'))));
}

function readVersion(dir) {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
}

/** Whether every copy of connection.js in the installed postgres.js carries both edits. */
export function isPatched(dir = postgresDir()) {
  return copies.every((file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    return edits.every((edit) => text.includes(edit.replace));
  });
}

/** Applies the edits where missing; throws when the package is another version or the text moved. */
export function applyPatch(dir = postgresDir()) {
  const version = readVersion(dir);
  if (version !== PATCHED_VERSION) {
    throw new Error(
      `postgres.js is ${version}, the patch in db/driver-patch/ is for ${PATCHED_VERSION}. ` +
        'Check whether the new release has the null-socket guard (porsager/postgres #1168/#1176); then drop or redo the patch.',
    );
  }
  const changed = [];
  for (const file of copies) {
    const path = join(dir, file);
    let text = readFileSync(path, 'utf8');
    for (const edit of edits) {
      if (text.includes(edit.replace)) continue;
      const at = text.indexOf(edit.find);
      if (at < 0 || text.indexOf(edit.find, at + 1) >= 0) throw new Error(`postgres.js ${file}: the text to patch is not there once; the patch does not fit`);
      text = text.slice(0, at) + edit.replace + text.slice(at + edit.find.length);
      changed.push(file);
    }
    writeFileSync(path, text);
  }
  if (!isPatched(dir)) throw new Error('postgres.js: patch applied but not found afterwards');
  return [...new Set(changed)];
}

// Run as a script (postinstall): apply, say what happened, exit non-zero on any mismatch.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  try {
    const changed = applyPatch();
    console.log(changed.length ? `postgres.js ${PATCHED_VERSION}: null-socket patch applied to ${changed.join(', ')}` : `postgres.js ${PATCHED_VERSION}: null-socket patch already applied`);
  } catch (error) {
    console.error(`Poort postinstall: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
