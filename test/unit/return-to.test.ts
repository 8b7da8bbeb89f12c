// The return-path rule (matrix W10, issue 10 item 1), proved on its final value: whatever goes in,
// what comes out is exactly what a browser, resolving it as a Location header at the ACS, reads as
// a page on the public origin under an allowed prefix; and the rule gives an allowed value back
// unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedReturnTo, withPoortError, type ReturnToRule } from '../../bff/src/http/return-to.js';

const publicUrl = 'https://portaal.example.nl';
const acs = `${publicUrl}/poort/auth/eherkenning/acs`;
const rules: ReturnToRule[] = [
  { publicUrl, prefixes: ['/mijn', '/portaal/'] },
  { publicUrl, prefixes: ['/'] },
];
const [narrow, wide] = rules as [ReturnToRule, ReturnToRule];

function under(path: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`));
}

/** The checks a returned value must pass, as a browser sees it. */
function expectOnSite(value: string, result: string, rule: ReturnToRule): void {
  const target = new URL(result, acs);
  expect(target.origin, `${JSON.stringify(value)} → ${result}`).toBe(publicUrl);
  expect(under(target.pathname, rule.prefixes), `${JSON.stringify(value)} → ${result}`).toBe(true);
  // What is sent is what the browser reads: no part of it is rewritten on the way.
  expect(`${target.pathname}${target.search}${target.hash}`).toBe(result);
  expect(result).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
  expect(allowedReturnTo(result, rule), 'idempotent').toBe(result);
  const withError = new URL(withPoortError(result, 'cancelled', publicUrl), acs);
  expect(withError.origin).toBe(publicUrl);
  expect(withError.pathname).toBe(target.pathname);
}

describe('allowedReturnTo: examples', () => {
  it.each([
    ['/mijn', '/mijn'],
    ['/mijn/overzicht?tab=2#x', '/mijn/overzicht?tab=2#x'],
    ['/portaal/a', '/portaal/a'],
    ['/mijn/./a/../b', '/mijn/b'],
    ['/mijn/café', '/mijn/caf%C3%A9'],
    ['/mijn?q=a b', '/mijn?q=a%20b'],
  ])('allows %j as %j', (value, want) => {
    expect(allowedReturnTo(value, narrow)).toBe(want);
    expectOnSite(value, want, narrow);
  });

  it.each([
    '/mijnheer',
    '/',
    '//evil.example',
    '/\\evil.example',
    'https://evil.example/mijn',
    'https:evil.example',
    '/%2F%2Fevil.example',
    '/mijn/../admin',
    '/mijn/%2e%2e/admin',
    '/mi\njn',
    ' /mijn',
    'mijn',
    '',
    'javascript:alert(1)',
    '/mijn/%252e%252e/admin',
    '/mijn/%25252e%25252e/admin',
    `/mijn/${'a'.repeat(600)}`,
  ])('refuses %j under the prefixes /mijn and /portaal/', (value) => {
    expect(allowedReturnTo(value, narrow)).toBeUndefined();
  });

  it.each([
    '/.//evil.example',
    '/x/..//evil.example',
    '/%2e%2e//evil.example',
    '/%2e//evil.example',
    '/.%2e//evil.example',
    '/x/%2E%2E/%2e%2e//evil.example',
    '/%252e%252e//evil.example',
    '/%2F/evil.example',
    '/%5C/evil.example',
    '/%255C%255Cevil.example',
    '/\t/evil.example',
    '/.\n//evil.example',
    '/\u0000/evil.example',
    '/\u0085/evil.example',
    '///evil.example',
  ])('refuses %j even when every path is allowed', (value) => {
    const got = allowedReturnTo(value, wide);
    if (got !== undefined) expectOnSite(value, got, wide);
    expect(got).toBeUndefined();
  });

  it('adds poort-error, replacing an earlier one', () => {
    expect(withPoortError('/mijn?a=1&poort-error=x', 'cancelled', publicUrl)).toBe('/mijn?a=1&poort-error=cancelled');
  });
});

// Pieces attackers and odd clients put into paths.
const piece = fc.constantFrom(
  '', '.', '..', '...', '%2e', '%2E', '%2e%2e', '.%2e', '%2E.', '%252e', '%252e%252e', '%25252e',
  '/', '//', '\\', '%5c', '%5C', '%255c', '%2f', '%2F', '%252f', '%25252F', '%', '%%', '%zz', '%E0', '%c0%ae',
  '\t', '\n', '\r', '\u0000', '\u001f', '\u007f', '\u0085', ' ', '\u00a0', '\u200b', '\u2028', '\ufeff',
  '\uff0f', '\uff3c', '\u2215', '\u2044', '\u29f8', '\u3002', '\uff0e', '%EF%BC%8F', '%ef%bc%8e',
  'evil.example', 'ｅｖｉｌ.example', '@evil.example', 'user:pass@', ':', 'https:', 'http:', 'javascript:', '//evil.example',
  '?', '#', '&', '=', 'mijn', 'portaal', 'a', 'é', '😀', 'mijn/', 'portaal/',
);
const pathLike = fc
  .tuple(fc.constantFrom('', '/', '/mijn/', '/portaal/', '//', '\\', ' '), fc.array(piece, { maxLength: 12 }), fc.array(fc.constantFrom('/', ''), { maxLength: 12 }))
  .map(([head, pieces, seps]) => head + pieces.map((p, i) => p + (seps[i] ?? '')).join(''));
const anything = fc.oneof(pathLike, fc.string({ unit: 'binary', maxLength: 80 }).map((s) => `/${s}`), fc.string({ unit: 'grapheme', maxLength: 40 }));
// Percent-encode some of a path once or twice more, as a proxy or a careless client would.
const encoded = fc.tuple(pathLike, fc.integer({ min: 1, max: 2 })).map(([p, n]) => {
  let v = p;
  for (let i = 0; i < n; i++) v = v.replace(/[%./\\]/g, (ch) => `%${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `/${v}`;
});

describe('allowedReturnTo: properties (fast-check)', () => {
  for (const [name, rule] of [['/mijn and /portaal/', narrow], ['/', wide]] as const) {
    it(`never yields a Location off the site or outside ${name}, and is idempotent`, () => {
      fc.assert(
        fc.property(fc.oneof(anything, encoded), (value) => {
          const got = allowedReturnTo(value, rule);
          if (got !== undefined) expectOnSite(value, got, rule);
        }),
        { numRuns: 6000 },
      );
    });
  }

  it('refuses every dot-segment or encoded way to reach //evil.example', () => {
    const dots = fc.array(fc.constantFrom('.', '..', '%2e', '%2E%2e', '.%2e', 'x', '%252e%252e'), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(dots, fc.constantFrom('//', '/%2f', '/%5c', '/\\', '/%252f'), (segments, slash) => {
        const value = `/${segments.join('/')}${slash}evil.example`;
        const got = allowedReturnTo(value, wide);
        if (got !== undefined) expectOnSite(value, got, wide);
        expect(got === undefined || !/evil\.example/i.test(new URL(got, acs).host)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts every ordinary path under a prefix unchanged', () => {
    const segment = fc.stringMatching(/^[a-z0-9_-]{1,12}$/);
    fc.assert(
      fc.property(fc.constantFrom('/mijn', '/portaal'), fc.array(segment, { maxLength: 5 }), fc.option(fc.stringMatching(/^[a-z]=[a-z0-9]{1,6}$/), { nil: undefined }), (prefix, segments, query) => {
        const value = `${prefix}/${segments.join('/')}${query ? `?${query}` : ''}`;
        expect(allowedReturnTo(value, narrow)).toBe(value);
      }),
      { numRuns: 1000 },
    );
  });
});
