// db/together.ts: statements sent together behave as if they had run one after the other, except
// for the round trips: the results in argument order, the first failure in argument order, and
// nothing still running when that failure is thrown (the caller's transaction then rolls back).
import { describe, expect, it } from 'vitest';
import { together } from '../../db/together.js';

const later = <T>(ms: number, value: T, fail = false) =>
  new Promise<T>((resolve, reject) => setTimeout(() => (fail ? reject(new Error(String(value))) : resolve(value)), ms));

describe('together', () => {
  it('gives the results in argument order, whichever settles first', async () => {
    expect(await together(later(30, 'a'), later(1, 2), later(10, null))).toEqual(['a', 2, null]);
  });

  it('throws the first failure in argument order, not the first to happen', async () => {
    await expect(together(later(1, 'ok'), later(30, 'second to fail, first in order', true), later(1, 'first to fail', true))).rejects.toThrow('second to fail, first in order');
  });

  it('throws only once every statement has settled', async () => {
    let slowDone = false;
    const slow = later(40, 'slow').then((v) => ((slowDone = true), v));
    await expect(together(later(1, 'fails', true), slow)).rejects.toThrow('fails');
    expect(slowDone).toBe(true);
  });
});
