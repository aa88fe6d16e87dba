import type Database from 'better-sqlite3';
import type { Db } from './connection';

// Parameters are bound per call site; the statement itself is untyped in its bindings.
type Statement = Database.Statement<unknown[], unknown>;
const cache = new WeakMap<Db, Map<string, Statement>>();

/**
 * A statement prepared once per connection. Repositories on hot paths (the writer runs for every
 * imported or generated row) use it: preparing per call costs more than the insert itself.
 */
export function prepared(db: Db, key: string, sql: string | (() => string)): Statement {
  let m = cache.get(db);
  if (!m) {
    m = new Map();
    cache.set(db, m);
  }
  let stmt = m.get(key);
  if (!stmt) {
    stmt = db.prepare<unknown[], unknown>(typeof sql === 'string' ? sql : sql());
    m.set(key, stmt);
  }
  return stmt;
}
