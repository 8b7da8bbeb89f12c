// S30: the SAML stack resolves to versions without the known signature-bypass CVEs
// (node-saml < 5.1.0, xml-crypto < 6.1.2, @xmldom/xmldom < 0.8.15). package.json overrides pin
// the transitive copies; this test reads what npm actually installed, every copy of it.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();

function installedCopies(name: string, dir = join(root, 'node_modules'), found: string[] = []): string[] {
  const pkg = join(dir, name, 'package.json');
  if (existsSync(pkg)) found.push(JSON.parse(readFileSync(pkg, 'utf8')).version as string);
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith('.')) continue;
    const nested = entry.startsWith('@') ? readdirSync(join(dir, entry)).map((e) => join(dir, entry, e)) : [join(dir, entry)];
    for (const n of nested) if (existsSync(join(n, 'node_modules'))) installedCopies(name, join(n, 'node_modules'), found);
  }
  return found;
}

function atLeast(version: string, minimum: string): boolean {
  const a = version.split(/[.-]/).map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

describe('resolved SAML dependencies', () => {
  for (const [name, minimum] of [
    ['@node-saml/node-saml', '5.1.0'],
    ['xml-crypto', '6.1.2'],
    ['@xmldom/xmldom', '0.8.15'],
  ] as const) {
    it(`${name} ≥ ${minimum} everywhere it is installed`, () => {
      const copies = installedCopies(name);
      expect(copies.length).toBeGreaterThan(0);
      for (const version of copies) expect(atLeast(version, minimum), `${name}@${version}`).toBe(true);
    });
  }
});
