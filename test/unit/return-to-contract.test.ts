// Black-box contract of the return-path rule: a table of hostile and benign inputs, judged only by
// what comes out. Written against the exported function alone, so it holds whatever the rule
// looks like inside (issue 12 §4 found no test noticing when `startsWith('//')` became
// `endsWith('//')`: only a benign path that ends in `//` tells them apart).
import { describe, expect, it } from 'vitest';
import { allowedReturnTo } from '../../bff/src/http/return-to.js';

const PUBLIC_URL = 'https://portaal.example.nl';

function returnTo(value: string | undefined, prefixes: string[]): string | undefined {
  return allowedReturnTo(value, { publicUrl: PUBLIC_URL, prefixes });
}

/** Where a browser lands when the ACS answers with `Location: <path>`. */
const landing = (path: string) => new URL(path, `${PUBLIC_URL}/poort/auth/eherkenning/acs`);

describe('benign return paths come back unchanged', () => {
  it.each([
    ['/mijn', ['/mijn']],
    ['/mijn/', ['/mijn']],
    ['/mijn//', ['/mijn']],
    ['/mijn/a//b', ['/mijn']],
    ['/mijn//overzicht', ['/mijn']],
    ['/mijn?next=//evil.example', ['/mijn']],
    ['/mijn#//evil.example', ['/mijn']],
    ['/mijn/overzicht?tab=2&x=%2F#deel', ['/mijn']],
    ['/portaal/a', ['/portaal/']],
    ['/a//', ['/']],
  ])('allows %j under %j', (value, prefixes) => {
    expect(returnTo(value, prefixes)).toBe(value);
    const target = landing(value);
    expect(target.origin).toBe(PUBLIC_URL);
    expect(`${target.pathname}${target.search}${target.hash}`).toBe(value);
  });
});

describe('hostile return paths are refused even when every path is allowed', () => {
  it.each([
    '//evil.example',
    '//evil.example/',
    '//evil.example/mijn',
    '///evil.example',
    '////evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '\\/evil.example',
    '/%2F%2Fevil.example',
    '/%2f/evil.example',
    '/%5C%5Cevil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r/evil.example',
    '/\u0000/evil.example',
    ' //evil.example',
    'https://evil.example/mijn',
    'HTTPS://evil.example',
    'https:evil.example',
    'http:/evil.example',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'evil.example',
    '',
    undefined,
  ])('refuses %j', (value) => {
    expect(returnTo(value, ['/'])).toBeUndefined();
  });
});

describe('prefixes', () => {
  it.each([
    ['/mijnheer', ['/mijn']],
    ['/', ['/mijn']],
    ['/mijn/../admin', ['/mijn']],
    ['/mijn/%2e%2e/admin', ['/mijn']],
    ['/portaal', ['/portaal/']],
    ['/MIJN', ['/mijn']],
  ])('refuses %j under %j', (value, prefixes) => {
    expect(returnTo(value, prefixes)).toBeUndefined();
  });

  it('refuses a path over 512 characters and allows one of 512', () => {
    const of = (length: number) => `/mijn/${'a'.repeat(length - 6)}`;
    expect(returnTo(of(512), ['/mijn'])).toBe(of(512));
    expect(returnTo(of(513), ['/mijn'])).toBeUndefined();
  });
});
