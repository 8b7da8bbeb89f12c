// Checks of return-to.ts that mutation testing (npm run test:mutation) found unguarded: each test
// here fails when the check it names is removed or loosened.
import { describe, expect, it } from 'vitest';
import { allowedReturnTo, resolveOnOrigin, type ReturnToRule } from '../../bff/src/http/return-to.js';

const publicUrl = 'https://portaal.example.nl';
const narrow: ReturnToRule = { publicUrl, prefixes: ['/mijn'] };
const wide: ReturnToRule = { publicUrl, prefixes: ['/'] };

describe('allowedReturnTo: length', () => {
  it('refuses a value over 512 characters even when it resolves to a short path', () => {
    const long = `/mijn/${'./'.repeat(300)}a`;
    expect(long.length).toBeGreaterThan(512);
    expect(allowedReturnTo(long, narrow)).toBeUndefined();
    expect(allowedReturnTo(`/mijn/${'./'.repeat(200)}a`, narrow)).toBe('/mijn/a');
  });

  it('refuses a short value whose percent-encoded final form is over 512 characters', () => {
    const value = `/mijn/${'é'.repeat(100)}`;
    expect(value.length).toBeLessThan(512);
    expect(allowedReturnTo(value, narrow)).toBeUndefined();
    expect(allowedReturnTo(`/mijn/${'é'.repeat(80)}`, narrow)).toBe(`/mijn/${'%C3%A9'.repeat(80)}`);
  });
});

describe('allowedReturnTo: the final value reads back as itself', () => {
  it('refuses a path whose final form starts with // even when every path is allowed', () => {
    expect(allowedReturnTo('/.//evil.example', wide)).toBeUndefined();
    expect(allowedReturnTo('/.//evil.example/mijn', wide)).toBeUndefined();
  });

  it('refuses a path whose final form names this very host (it would read back as another path)', () => {
    expect(allowedReturnTo('/.//portaal.example.nl/mijn', wide)).toBeUndefined();
  });
});

describe('allowedReturnTo: decoding layers', () => {
  it('allows a path that settles within two decodings and refuses one that needs three', () => {
    expect(allowedReturnTo('/mijn/%2541', narrow)).toBe('/mijn/%2541');
    expect(allowedReturnTo('/mijn/%252541', narrow)).toBeUndefined();
    expect(allowedReturnTo('/mijn/%25252541', narrow)).toBeUndefined();
  });

  it('refuses a path whose percent signs do not decode', () => {
    expect(allowedReturnTo('/mijn/100%', narrow)).toBeUndefined();
    expect(allowedReturnTo('/mijn/%E0%A4%A', narrow)).toBeUndefined();
  });

  it('refuses an encoded dot segment at the very end of the path', () => {
    expect(allowedReturnTo('/mijn/%252e%252e', narrow)).toBeUndefined();
    expect(allowedReturnTo('/mijn/%252e', narrow)).toBeUndefined();
    expect(allowedReturnTo('/mijn/%252e%252ex', narrow)).toBe('/mijn/%252e%252ex');
  });
});

describe('allowedReturnTo: control characters', () => {
  it.each(['\u007f', '\u0080', '\u009f'])('refuses %j (DEL and the C1 controls, both ends)', (char) => {
    expect(allowedReturnTo(`/mijn/a${char}b`, narrow)).toBeUndefined();
  });

  it('allows the characters just outside those ranges', () => {
    expect(allowedReturnTo('/mijn/a~b', narrow)).toBe('/mijn/a~b');
    expect(allowedReturnTo('/mijn/a\u00a0b', narrow)).toBe('/mijn/a%C2%A0b');
  });
});

describe('resolveOnOrigin', () => {
  const origin = 'https://portaal.example.nl';

  it('resolves a path on the origin', () => {
    expect(resolveOnOrigin('/mijn/./a?x=1#y', origin)?.href).toBe('https://portaal.example.nl/mijn/a?x=1#y');
  });

  it.each([
    ['another host', '//evil.example/mijn'],
    ['another scheme', 'http://portaal.example.nl/mijn'],
    ['another port', 'https://portaal.example.nl:8443/mijn'],
  ])('refuses %s', (_what, value) => {
    expect(resolveOnOrigin(value, origin)).toBeUndefined();
  });

  it.each([
    ['a user name', 'https://someone@portaal.example.nl/mijn'],
    ['a password only', 'https://:secret@portaal.example.nl/mijn'],
    ['both', 'https://someone:secret@portaal.example.nl/mijn'],
  ])('refuses credentials: %s', (_what, value) => {
    expect(resolveOnOrigin(value, origin)).toBeUndefined();
  });

  it('refuses what does not parse', () => {
    expect(resolveOnOrigin('https://[::1', origin)).toBeUndefined();
  });
});
