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
