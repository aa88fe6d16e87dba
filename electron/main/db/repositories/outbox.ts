import type { Db } from '../connection';
import type { SyncedTable } from '../schema';
import { prepared } from '../statements';
import { storedRowImage } from './syncedRows';

export interface OutboxEntry {
  seq: number;
  tableName: string;
  rowId: string;
  op: 'upsert' | 'delete';
  /** The row's image (JSON). Bulk inserts store '' and the image is read from the row's table when listed. */
  data: string;
  hlc: string;
  /** Columns this change set (JSON array); null: every column (written before sync existed). */
  fields: string | null;
  /** The row's stamp before this change; null for a new row. */
  baseHlc: string | null;
}

export function appendOutbox(db: Db, e: Omit<OutboxEntry, 'seq'>): void {
  prepared(db, 'outbox.append', 'INSERT INTO outbox (table_name, row_id, op, data, hlc, fields, base_hlc) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    e.tableName,
    e.rowId,
    e.op,
    e.data,
    e.hlc,
    e.fields,
    e.baseHlc,
  );
}

/**
 * One narrow entry per row of `table` inserted after rowid `after` (a bulk insert in this transaction),
 * in insertion order: no JSON image is stored, listOutbox reads it from the table at push time.
 */
export function appendOutboxForNewRows(db: Db, table: SyncedTable, after: number): void {
  prepared(
    db,
    `outbox.bulk:${table}`,
    () => `INSERT INTO outbox (table_name, row_id, op, data, hlc, fields, base_hlc)
           SELECT '${table}', id, 'upsert', '', hlc, NULL, NULL FROM ${table} WHERE rowid > ? ORDER BY rowid`,
  ).run(after);
}

export function countOutbox(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
}

/** Whether anything waits to be pushed (cheap, unlike a count of a million-row outbox). */
export function outboxIsEmpty(db: Db): boolean {
  return (prepared(db, 'outbox.empty', 'SELECT NOT EXISTS (SELECT 1 FROM outbox) AS empty').get() as { empty: number }).empty === 1;
}

export function listOutbox(db: Db, limit: number): OutboxEntry[] {
  return (
    db
      .prepare('SELECT seq, table_name, row_id, op, data, hlc, fields, base_hlc FROM outbox ORDER BY seq LIMIT ?')
      .all(limit) as {
      seq: number;
      table_name: string;
      row_id: string;
      op: 'upsert' | 'delete';
      data: string;
      hlc: string;
      fields: string | null;
      base_hlc: string | null;
    }[]
  ).map((r) => ({
    seq: r.seq,
    tableName: r.table_name,
    rowId: r.row_id,
    op: r.op,
    data: r.data === '' ? JSON.stringify(storedRowImage(db, r.table_name as SyncedTable, r.row_id) ?? { id: r.row_id, deleted: 1 }) : r.data,
    hlc: r.hlc,
    fields: r.fields,
    baseHlc: r.base_hlc,
  }));
}

/** Remove entries the server has answered (applied, superseded or refused). */
export function deleteOutbox(db: Db, seqs: number[]): void {
  const stmt = prepared(db, 'outbox.delete', 'DELETE FROM outbox WHERE seq = ?');
  for (const s of seqs) stmt.run(s);
}

/** Columns still waiting to be pushed for one row (a pulled row must not overwrite them). */
export function pendingFields(db: Db, tableName: string, rowId: string): Set<string> | null {
  const rows = prepared(db, 'outbox.pending', 'SELECT fields FROM outbox WHERE table_name = ? AND row_id = ?').all(tableName, rowId) as {
    fields: string | null;
  }[];
  if (rows.length === 0) return null;
  const out = new Set<string>();
  for (const r of rows) {
    if (r.fields === null) return new Set(['*']);
    for (const f of JSON.parse(r.fields) as string[]) out.add(f);
  }
  return out;
}
