// An edge of xml-guard.ts that mutation testing found untried: the depth scan starts at the first
// tag, whatever comes before it.
import { describe, expect, it } from 'vitest';
import { MAX_XML_DEPTH, xmlDepthExceeds } from '../../bff/src/saml/xml-guard.js';

const nested = (depth: number) => `${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}`;

describe('xmlDepthExceeds: where the scan starts', () => {
  it('counts from the first tag, not from the first character', () => {
    // Read from the first character, `x/` would look like a closing tag and hide one level.
    expect(xmlDepthExceeds(`x/${nested(MAX_XML_DEPTH + 1)}`, MAX_XML_DEPTH)).toBe(true);
    expect(xmlDepthExceeds(`x/${nested(MAX_XML_DEPTH)}`, MAX_XML_DEPTH)).toBe(false);
  });
});
