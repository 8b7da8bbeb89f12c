import { describe, expect, it } from 'vitest';
import { concurrencyLimit } from '../../bff/src/passwords/concurrency-limit.js';

describe('concurrencyLimit', () => {
  it('runs at most n tasks at once, the rest in arrival order, and frees a slot when a task fails', async () => {
    const limit = concurrencyLimit(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const task = (i: number) => async () => {
      started.push(i);
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      if (i === 1) throw new Error('failed on purpose');
      return i;
    };
    const results = await Promise.allSettled([0, 1, 2, 3, 4, 5].map((i) => limit(task(i))));
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
  });

  it('frees the slot when a task throws before returning a promise', async () => {
    const limit = concurrencyLimit(1);
    await expect(
      limit(() => {
        throw new Error('at once');
      }),
    ).rejects.toThrow('at once');
    await expect(limit(async () => 'next')).resolves.toBe('next');
  });
});
