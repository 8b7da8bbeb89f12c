// Runs at most `slots` tasks at once; the others start in the order they came, as slots free up.
// With a bound on the waiting line, a task that finds it full is refused at once and never starts:
// a flood of logins then costs no CPU beyond what the slots already do.

export class QueueFullError extends Error {
  override name = 'QueueFullError';
}

export interface ConcurrencyLimit {
  <T>(task: () => Promise<T>): Promise<T>;
  /** How many tasks run and wait now (for the metrics). */
  state(): { running: number; waiting: number };
}

export function concurrencyLimit(slots: number, maxWaiting: () => number = () => Infinity): ConcurrencyLimit {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  const limit = <T>(task: () => Promise<T>): Promise<T> => {
    const start = () => Promise.resolve().then(task).finally(release);
    if (running < slots) {
      running++;
      return start();
    }
    if (waiting.length >= maxWaiting()) return Promise.reject(new QueueFullError('too many tasks waiting'));
    return new Promise<void>((resolve) => waiting.push(resolve)).then(start);
  };
  return Object.assign(limit, { state: () => ({ running, waiting: waiting.length }) });
}
