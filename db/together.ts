// Statements of one transaction that do not depend on each other, sent together. postgres.js
// writes a statement to its connection without waiting for the one before (a transaction holds one
// connection), so they cost one round trip instead of one each; PGlite runs them one after the
// other as before. Under load each round trip also waits behind the event loop's other work, so the
// requests with the most of them (the ACS) gain the most (docs/operating.md, "How it scales").
//
// Every statement is awaited, also when one fails, so none is still running when the caller's
// transaction rolls back; then the first failure in argument order is thrown, as if they had run
// one after the other.
export async function together<T extends readonly unknown[]>(...statements: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(statements);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
