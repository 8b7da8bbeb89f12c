// A commit guard lets a caller draw a line after which nothing it started may still change the
// database: the BFF's request deadline (bff/src/http/request-deadline.ts) answers 503 only
// once its guard is closed, so no statement or transaction of that request commits after the answer.
// The guard travels with the async context (AsyncLocalStorage): Poort's queries need not pass it.
//
// Closing the guard: later statements and commits are refused (CommitRefusedError, so an open
// transaction rolls back); statements still queued for a connection are cancelled (postgres.js
// takes them out of its queue); those already sent are waited for, up to a grace period.
//
// A statement already sent is never cancelled: the pool's connections are shared and pipelined.
// postgres.js 3.4.9 cancels a sent statement with a CancelRequest, which PostgreSQL applies to
// whatever that backend runs when it arrives (another request's statement: a 57014 there); and a
// sent statement waiting behind another one is dropped from the driver's list while its answer
// still comes, so the *next* statement on that connection resolves with it (another request's
// rows, or none: the soak's `row!.count` TypeError in the rate-limit counter, issue 18).
// test/db/commit-guard-cancel.test.ts shows both.
import { AsyncLocalStorage } from 'node:async_hooks';

export class CommitRefusedError extends Error {
  override name = 'CommitRefusedError';
  constructor() {
    super('the request passed its deadline: nothing more is written');
  }
}

interface InFlight {
  settled: Promise<unknown>;
  cancel?: () => void;
}

export class CommitGuard {
  #closed = false;
  readonly #inFlight = new Set<InFlight>();

  get closed(): boolean {
    return this.#closed;
  }

  /** Throws CommitRefusedError once the guard is closed. */
  admit(): void {
    if (this.#closed) throw new CommitRefusedError();
  }

  /** Follows a statement or a commit that may change data until it settles. */
  track(operation: PromiseLike<unknown>, cancel?: () => void): void {
    const entry: InFlight = { settled: Promise.resolve(operation).then(noop, noop), ...(cancel ? { cancel } : {}) };
    this.#inFlight.add(entry);
    void entry.settled.then(() => this.#inFlight.delete(entry));
  }

  /**
   * Refuses everything from now on, cancels what can be, and resolves once every tracked
   * operation settled (true) or graceMs passed with some still open (false).
   */
  async close(graceMs: number): Promise<boolean> {
    this.#closed = true;
    for (const entry of this.#inFlight) entry.cancel?.();
    if (this.#inFlight.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const all = Promise.all([...this.#inFlight].map((e) => e.settled)).then(() => true);
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
    try {
      return await Promise.race([all, late]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function noop(): void {}

const storage = new AsyncLocalStorage<CommitGuard>();

/** Runs fn with guard as the commit guard of everything it starts. */
export function runWithCommitGuard<T>(guard: CommitGuard, fn: () => T): T {
  return storage.run(guard, fn);
}

export function currentCommitGuard(): CommitGuard | undefined {
  return storage.getStore();
}

/** Wraps a transaction body so its COMMIT is refused once the guard is closed, and tracked before. */
function guardedBody<Tx, R>(guard: CommitGuard, body: (tx: Tx) => Promise<R>, commitStarted: () => void): (tx: Tx) => Promise<R> {
  return async (tx) => {
    guard.admit();
    const result = await body(tx);
    // The last moment to refuse: after this the driver sends COMMIT (throwing here rolls back).
    guard.admit();
    commitStarted();
    return result;
  };
}

/**
 * Transactions: `begin`/`transaction` as the drivers name them. The promise is tracked from the
 * moment its body returns (COMMIT being sent) until it settles.
 */
function guardTransaction<R>(guard: CommitGuard, run: (body: (tx: unknown) => Promise<R>) => Promise<R>, body: (tx: unknown) => Promise<R>): Promise<R> {
  guard.admit();
  let resolveCommit!: () => void;
  const commitStarted = new Promise<void>((r) => (resolveCommit = r));
  const outcome = run(guardedBody(guard, body, resolveCommit));
  void commitStarted.then(() => guard.track(outcome));
  return outcome;
}

interface PostgresQueryLike extends PromiseLike<unknown> {
  cancel(): unknown;
  /** postgres.js sets it when the statement is written to a connection (null until then). */
  state: unknown;
}

/** Cancels a postgres.js statement only while it waits in the pool's queue, never once sent. */
function cancelIfQueued(query: PostgresQueryLike): void {
  if (query.state) return;
  void Promise.resolve(query.cancel()).catch(noop);
}

/** postgres.js: the `unsafe` and `begin` Drizzle calls go through the current request's guard. */
export function guardPostgresClient<C extends object>(client: C): C {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property === 'unsafe' && typeof value === 'function') {
        return (...args: unknown[]) => {
          const guard = currentCommitGuard();
          guard?.admit();
          const query = (value as (...a: unknown[]) => PostgresQueryLike).apply(target, args);
          // Promise.prototype.then: watches the query without starting it (its own then() would).
          if (guard) guard.track(Promise.prototype.then.call(query, noop, noop), () => cancelIfQueued(query));
          return query;
        };
      }
      if (property === 'begin' && typeof value === 'function') {
        return (...args: unknown[]) => {
          const guard = currentCommitGuard();
          const begin = value as (...a: unknown[]) => Promise<unknown>;
          if (!guard) return begin.apply(target, args);
          const options = args.length > 1 ? [args[0]] : [];
          const body = args[args.length - 1] as (tx: unknown) => Promise<unknown>;
          return guardTransaction(guard, (guarded) => begin.apply(target, [...options, guarded]), body);
        };
      }
      return value;
    },
  });
}

/** PGlite: the `query` and `transaction` Drizzle calls go through the current request's guard. */
export function guardPgliteClient<C extends object>(client: C): C {
  return new Proxy(client, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function') return value;
      if (property === 'query') {
        return (...args: unknown[]) => {
          const guard = currentCommitGuard();
          const query = value as (...a: unknown[]) => Promise<unknown>;
          if (!guard) return query.apply(target, args);
          guard.admit();
          // PGlite runs one statement at a time and cannot take a queued one back: the statement
          // runs as a transaction of its own, which asks the guard again once it is its turn.
          const transaction = Reflect.get(target, 'transaction', target) as (fn: (tx: { query: typeof query }) => Promise<unknown>) => Promise<unknown>;
          const result = transaction.call(target, (tx) => {
            guard.admit();
            return tx.query(...args);
          });
          guard.track(result);
          return result;
        };
      }
      if (property === 'transaction') {
        return (body: (tx: unknown) => Promise<unknown>) => {
          const guard = currentCommitGuard();
          const transaction = (fn: (tx: unknown) => Promise<unknown>) => (value as (f: typeof fn) => Promise<unknown>).call(target, fn);
          return guard ? guardTransaction(guard, transaction, body) : transaction(body);
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
}

/** Whether error is, or was caused by (Drizzle wraps driver errors), a refused statement. */
export function isCommitRefused(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof CommitRefusedError) return true;
  }
  return false;
}
