// The SAML interop tests use Debian's own tools as independent peers. When one is missing they
// fail with a message that names the package to install, not a bare ENOENT or an empty output
// (a missing peer is a broken test machine, never a reason to skip: .ci/run installs them).
import { spawnSync, type SpawnSyncOptionsWithStringEncoding, type SpawnSyncReturns } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PYTHON_WITH_PYSAML2 = '/usr/bin/python3';

export function missingToolError(tool: string, debianPackage: string): Error {
  return new Error(`${tool} is not installed, and the SAML interop tests need it: install it with \`sudo apt-get install -y ${debianPackage}\` (.ci/run does).`);
}

/** spawnSync that turns "command not found" into a message naming the Debian package. */
export function runTool(command: string, debianPackage: string, args: string[], options: Omit<SpawnSyncOptionsWithStringEncoding, 'encoding'> = {}): SpawnSyncReturns<string> {
  const run = spawnSync(command, args, { ...options, encoding: 'utf8' });
  if ((run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw missingToolError(command, debianPackage);
  if (run.error) throw run.error;
  return run;
}

/** The OASIS SAML schemas xmllint validates against ship inside python3-pysaml2. */
export function requireFile(path: string, debianPackage: string): string {
  if (!existsSync(path)) throw missingToolError(path, debianPackage);
  return path;
}

/** Runs a Python script with the interpreter that has pysaml2; says which package is missing. */
export function runPysaml2(script: string, input: string): string {
  const run = runTool(PYTHON_WITH_PYSAML2, 'python3-pysaml2', [script], { input, maxBuffer: 16 * 1024 * 1024, timeout: 60_000 });
  if (/No module named '?saml2/.test(run.stderr)) throw missingToolError(`pysaml2 (for ${PYTHON_WITH_PYSAML2})`, 'python3-pysaml2');
  if (/No module named '?xmlsec|xmlsec1.*not found|FileNotFoundError.*xmlsec1/i.test(run.stderr)) throw missingToolError('xmlsec1 (pysaml2 signs with it)', 'xmlsec1');
  if (run.status !== 0) throw new Error(`${script} failed (exit ${run.status}):\n${run.stderr}`);
  return run.stdout;
}
