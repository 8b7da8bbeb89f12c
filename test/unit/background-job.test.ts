// The shared runner of timer work: a round that fails is logged and the next one runs; nothing it
// throws escapes (vitest fails a run on an unhandled rejection), and rounds never overlap.
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { failureFields, runRound, startBackgroundJob } from '../../bff/src/housekeeping/background-job.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { lines, logger };
}

/** What Drizzle throws when postgres.js cannot connect: the driver's error as the cause. */
function refused(): Error {
  const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  return new Error('Failed query: select 1\nparams: secret-token-hash', { cause });
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('runRound', () => {
  it('logs a failed round as a warning with the cause, never the parameters, and resolves', async () => {
    const { lines, logger } = capture();
    await expect(runRound(logger, 'housekeeping', () => Promise.reject(refused()))).resolves.toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, job: 'housekeeping', err: { code: 'ECONNREFUSED', databaseUnavailable: true, message: 'connect ECONNREFUSED 127.0.0.1:5432' } });
    expect(JSON.stringify(lines)).not.toContain('secret-token-hash');
  });

  it('resolves for a rejection that is not an Error, and for a logger that throws', async () => {
    const { lines, logger } = capture();
    await expect(runRound(logger, 'outbox', () => Promise.reject(null))).resolves.toBeUndefined();
    expect(lines[0]).toMatchObject({ err: { name: 'object', databaseUnavailable: false } });
    const broken = Object.assign(Object.create(logger) as typeof logger, { warn: () => { throw new Error('log sink gone'); } });
    await expect(runRound(broken, 'outbox', () => Promise.reject(refused()))).resolves.toBeUndefined();
  });

  it('logs what a successful round returns at info, and nothing when it returns undefined', async () => {
    const { lines, logger } = capture();
    await runRound(logger, 'audit retention', async () => ({ deleted: 3 }));
    await runRound(logger, 'audit retention', async () => undefined);
    expect(lines).toEqual([expect.objectContaining({ level: 30, job: 'audit retention', deleted: 3 })]);
  });
});

describe('failureFields', () => {
  it('keeps a plain error\'s own code and first line', () => {
    const e = Object.assign(new Error('write CONNECTION_CLOSED\nmore'), { code: 'CONNECTION_CLOSED' });
    expect(failureFields(e)).toEqual({ name: 'Error', code: 'CONNECTION_CLOSED', message: 'write CONNECTION_CLOSED', databaseUnavailable: true });
  });
});

describe('startBackgroundJob', () => {
  it('keeps running rounds after failures, one at a time, and stop() waits for the running one', async () => {
    const { lines, logger } = capture();
    let rounds = 0;
    let concurrent = 0;
    let most = 0;
    const job = startBackgroundJob(logger, { name: 'outbox', intervalMs: 5, firstAfterMs: 0 }, async () => {
      rounds++;
      most = Math.max(most, ++concurrent);
      await new Promise((r) => setTimeout(r, 20));
      concurrent--;
      if (rounds <= 3) throw refused();
      return { sent: 1 };
    });
    await until(() => rounds >= 6);
    await job.stop();
    const after = rounds;
    expect(concurrent).toBe(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(rounds).toBe(after);
    expect(most).toBe(1);
    expect(lines.filter((l) => l.level === 40)).toHaveLength(3);
    expect(lines.filter((l) => l.level === 30).length).toBeGreaterThanOrEqual(2);
  });
});
