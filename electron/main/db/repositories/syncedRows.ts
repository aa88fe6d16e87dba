import type { Db } from '../connection';
import { prepared } from '../statements';
import { SYNCED_TABLES, type SqlValue, type StoredRow, type SyncedTable } from '../schema';

function allColumns(table: SyncedTable): string[] {
  return ['id', ...SYNCED_TABLES[table], 'hlc', 'updated_by', 'deleted'];
}

export function getStoredRow(db: Db, table: SyncedTable, id: string): StoredRow | undefined {
  return prepared(db, `get:${table}`, () => `SELECT * FROM ${table} WHERE id = ?`).get(id) as StoredRow | undefined;
}

/** Insert or replace every column of a row (the writer has already merged and stamped it). */
export function putStoredRow(db: Db, table: SyncedTable, row: StoredRow): void {
  const cols = allColumns(table);
  const stmt = prepared(db, `put:${table}`, () => {
    const updates = cols.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
    return `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})
            ON CONFLICT(id) DO UPDATE SET ${updates.join(', ')}`;
  });
  const params: Record<string, SqlValue> = {};
  for (const c of cols) params[c] = (row[c] ?? null) as SqlValue;
  stmt.run(params);
}

/** Remove a row outright (a row that moved to a bucket this computer does not read): no tombstone, no outbox. */
export function removeStoredRow(db: Db, table: SyncedTable, id: string): void {
  prepared(db, `remove:${table}`, () => `DELETE FROM ${table} WHERE id = ?`).run(id);
}

/**
 * Positional insert of a whole row (id, the table's columns in SYNCED_TABLES order, hlc, updated_by,
 * deleted): the bulk path binds an array instead of building a named-parameter object per row.
 */
export function storedValuesInserter(db: Db, table: SyncedTable): (values: SqlValue[]) => void {
  const stmt = prepared(db, `bulk:${table}`, () => {
    const cols = allColumns(table);
    return `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
  });
  return (values) => {
    stmt.run(values);
  };
}

/** The table's highest rowid: rows inserted after this call (in one transaction) have higher ones, in insertion order. */
export function lastRowid(db: Db, table: SyncedTable): number {
  return (prepared(db, `maxRowid:${table}`, () => `SELECT coalesce(max(rowid), 0) AS n FROM ${table}`).get() as { n: number }).n;
}

/** A row's image as the outbox carries it (its synced columns and stamps; no local columns), or null when it is gone. */
export function storedRowImage(db: Db, table: SyncedTable, id: string): StoredRow | null {
  const cols = allColumns(table);
  const row = prepared(db, `image:${table}`, () => `SELECT ${cols.join(', ')} FROM ${table} WHERE id = ?`).get(id) as StoredRow | undefined;
  return row ?? null;
}
