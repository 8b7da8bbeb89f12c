// Statements on the hot paths (login, rate limits) are prepared once per database handle, so drizzle
// does not build their SQL on every request and PostgreSQL plans them once per connection.
import type { DbOrTx } from './open.js';

/** A per-handle cache: build(db) runs once for each database handle (or transaction) it is given. */
export function preparedPerHandle<T>(build: (db: DbOrTx) => T): (db: DbOrTx) => T {
  const cache = new WeakMap<DbOrTx, T>();
  return (db) => {
    let statement = cache.get(db);
    if (statement === undefined) cache.set(db, (statement = build(db)));
    return statement;
  };
}
