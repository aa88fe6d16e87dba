import type { Db } from '../connection';

/** Read-only views of the sync client's local tables (migration 006) for the status and Conflicts screens. */

export interface RejectionRow {
  seq: number;
  tableName: string;
  rowId: string;
  reason: string;
  at: string;
}

export function listRejections(db: Db, limit: number): RejectionRow[] {
  return (
    db.prepare('SELECT seq, table_name, row_id, reason, at FROM sync_rejections ORDER BY at DESC, seq DESC LIMIT ?').all(limit) as {
      seq: number;
      table_name: string;
      row_id: string;
      reason: string;
      at: string;
    }[]
  ).map((r) => ({ seq: r.seq, tableName: r.table_name, rowId: r.row_id, reason: r.reason, at: r.at }));
}

export interface ConflictDetailRow {
  id: number;
  tableName: string;
  rowId: string;
  field: string;
  losingValue: string;
  losingHlc: string;
  reason: string;
  at: string;
}

export function listOpenConflictDetails(db: Db, limit: number): ConflictDetailRow[] {
  return (
    db
      .prepare(
        `SELECT id, table_name, row_id, field, losing_value, losing_hlc, reason, at FROM sync_conflicts
         WHERE resolved_at IS NULL ORDER BY id DESC LIMIT ?`,
      )
      .all(limit) as { id: number; table_name: string; row_id: string; field: string; losing_value: string; losing_hlc: string; reason: string; at: string }[]
  ).map((r) => ({ id: r.id, tableName: r.table_name, rowId: r.row_id, field: r.field, losingValue: r.losing_value, losingHlc: r.losing_hlc, reason: r.reason, at: r.at }));
}

export function getOpenConflictDetail(db: Db, id: number): ConflictDetailRow | null {
  const r = db
    .prepare('SELECT id, table_name, row_id, field, losing_value, losing_hlc, reason, at FROM sync_conflicts WHERE id = ? AND resolved_at IS NULL')
    .get(id) as { id: number; table_name: string; row_id: string; field: string; losing_value: string; losing_hlc: string; reason: string; at: string } | undefined;
  return r ? { id: r.id, tableName: r.table_name, rowId: r.row_id, field: r.field, losingValue: r.losing_value, losingHlc: r.losing_hlc, reason: r.reason, at: r.at } : null;
}

/** Above this many, "changes waiting" is read from the outbox's sequence range instead of counted row by row. */
const EXACT_COUNT_UP_TO = 20_000;

/**
 * Changes waiting in the outbox, cheaply enough for a status polled every few seconds: counting a large
 * outbox row by row takes a third of a second, while the sequence range is two index lookups. The
 * sync client always removes entries from the front (oldest first), so the range is the count; below
 * EXACT_COUNT_UP_TO the rows are counted anyway.
 */
export function countWaiting(db: Db): number {
  // Two statements: SQLite answers a lone min() or max() from the index, but not both in one query.
  const lo = (db.prepare('SELECT min(seq) AS v FROM outbox').get() as { v: number | null }).v;
  const hi = (db.prepare('SELECT max(seq) AS v FROM outbox').get() as { v: number | null }).v;
  if (lo === null || hi === null) return 0;
  const span = hi - lo + 1;
  if (span > EXACT_COUNT_UP_TO) return span;
  return (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
}
