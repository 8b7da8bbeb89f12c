// A machine without the SAML interop peers gets a failure that says what to install.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireFile, runPysaml2, runTool } from '../saml/peers/required-tools.js';

describe('the SAML interop tests on a machine without their tools', () => {
  it('name the Debian package of a missing command instead of failing with ENOENT', () => {
    expect(() => runTool('xmlsec1-missing-here', 'xmlsec1', ['--version'])).toThrow(/xmlsec1-missing-here is not installed.*apt-get install -y xmlsec1/);
    expect(() => requireFile('/nonexistent/saml-schema-metadata-2.0.xsd', 'python3-pysaml2')).toThrow(/apt-get install -y python3-pysaml2/);
  });

  it('name python3-pysaml2 when Python cannot import it', () => {
    const script = join(tmpdir(), `poort-no-saml2-${process.pid}.py`);
    writeFileSync(script, 'import saml2_not_installed\n');
    expect(() => runPysaml2(script, '{}')).toThrow(/pysaml2 .*apt-get install -y python3-pysaml2/);
  });

  it('pass a present tool through', () => {
    expect(runTool(process.execPath, 'nodejs', ['-e', 'process.stdout.write("ok")']).stdout).toBe('ok');
  });
});
