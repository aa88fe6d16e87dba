import type { Db } from '../connection';
import { prepared } from '../statements';

export interface OutboxEntry {
  seq: number;
  tableName: string;
  rowId: string;
  op: 'upsert' | 'delete';
  data: string;
  hlc: string;
}

export function appendOutbox(db: Db, e: Omit<OutboxEntry, 'seq'>): void {
  prepared(db, 'outbox.append', 'INSERT INTO outbox (table_name, row_id, op, data, hlc) VALUES (?, ?, ?, ?, ?)').run(
    e.tableName,
    e.rowId,
    e.op,
    e.data,
    e.hlc,
  );
}

export function countOutbox(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
}

export function listOutbox(db: Db, limit: number): OutboxEntry[] {
  return (
    db
      .prepare('SELECT seq, table_name, row_id, op, data, hlc FROM outbox ORDER BY seq LIMIT ?')
      .all(limit) as { seq: number; table_name: string; row_id: string; op: 'upsert' | 'delete'; data: string; hlc: string }[]
  ).map((r) => ({ seq: r.seq, tableName: r.table_name, rowId: r.row_id, op: r.op, data: r.data, hlc: r.hlc }));
}
