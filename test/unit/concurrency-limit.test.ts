import { describe, expect, it, vi } from 'vitest';
import { QueueFullError, concurrencyLimit } from '../../bff/src/passwords/concurrency-limit.js';

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

describe('concurrencyLimit with a bounded waiting line', () => {
  it('refuses a task at once when the line is full, without starting it, and takes tasks again once it drains', async () => {
    let bound = 1;
    const limit = concurrencyLimit(1, () => bound);
    const gates: Array<() => void> = [];
    const started: string[] = [];
    const task = (name: string) => () => {
      started.push(name);
      return new Promise<string>((resolve) => gates.push(() => resolve(name)));
    };
    const running = limit(task('running'));
    const waiting = limit(task('waiting'));
    await expect(limit(task('refused'))).rejects.toBeInstanceOf(QueueFullError);
    expect(started).toEqual(['running']);
    gates.shift()!();
    await expect(running).resolves.toBe('running');
    // The freed slot goes to the waiting task (started in a later tick, so wait for it).
    await vi.waitFor(() => expect(started).toEqual(['running', 'waiting']), { timeout: 10_000 });
    bound = 0;
    await expect(limit(task('refused too'))).rejects.toBeInstanceOf(QueueFullError);
    gates.shift()!();
    await expect(waiting).resolves.toBe('waiting');
    expect(started).not.toContain('refused');
    expect(started).not.toContain('refused too');
  });
});
