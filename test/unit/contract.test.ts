// The facts the BFF and the widget share (contract/): rules both sides rely on, and the texts that
// restate a shared number.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import en from '../../widget/locales/en.json';
import nlBE from '../../widget/locales/nl-BE.json';
import nl from '../../widget/locales/nl.json';
import { apiMessage } from '../../bff/src/http/api-error.js';
import { locales } from '../../contract/locales.js';
import { levels, levelSatisfies, strongerLevel } from '../../contract/levels.js';
import { loginMethods, servedMethods } from '../../contract/login-methods.js';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../contract/passwords.js';

const level = fc.constantFrom(...levels);

describe('levels', () => {
  it('are totally ordered, weakest first: any two compare one way or both (property)', () => {
    fc.assert(
      fc.property(level, level, (a, b) => {
        expect(levelSatisfies(a, b) || levelSatisfies(b, a)).toBe(true);
        expect(levelSatisfies(a, b) && levelSatisfies(b, a)).toBe(a === b);
        expect(levelSatisfies(a, b)).toBe(levels.indexOf(a) >= levels.indexOf(b));
      }),
    );
  });

  it('strongerLevel satisfies both and is one of them (property)', () => {
    fc.assert(
      fc.property(level, level, (a, b) => {
        const s = strongerLevel(a, b);
        expect(levelSatisfies(s, a) && levelSatisfies(s, b)).toBe(true);
        expect([a, b]).toContain(s);
      }),
    );
  });
});

describe('login methods', () => {
  it('served ones are configurable ones; every method has a start route now (ACM/IDM where configured)', () => {
    for (const m of servedMethods) expect(loginMethods).toContain(m);
    expect([...servedMethods].sort()).toEqual([...loginMethods].sort());
  });
});

describe('password limits in texts', () => {
  it('every message about the length names the shared limits', () => {
    for (const locale of locales) {
      expect(apiMessage('password_too_short', locale)).toContain(String(PASSWORD_MIN));
      expect(apiMessage('password_too_long', locale)).toContain(String(PASSWORD_MAX));
    }
    for (const texts of [nl, nlBE, en]) {
      expect(texts.errors.password_too_short).toContain(String(PASSWORD_MIN));
      expect(texts.errors.password_too_long).toContain(String(PASSWORD_MAX));
      expect(texts.email.passwordHint).toContain(`${PASSWORD_MIN} `);
      expect(texts.email.passwordHint).toContain(`${PASSWORD_MAX} `);
      expect(texts.email.checks.passwordShort).toContain(String(PASSWORD_MIN));
      expect(texts.email.checks.passwordLong).toContain(String(PASSWORD_MAX));
    }
  });
});
