import type { Db } from '../connection';
import { prepared } from '../statements';

export interface ChangeLogEntry {
  seq: number;
  groupId: string;
  at: string;
  userId: string;
  tableName: string;
  rowId: string;
  action: string;
  before: string | null;
  after: string | null;
  hlc: string;
  undone: boolean;
}

interface Row {
  seq: number;
  group_id: string;
  at: string;
  user_id: string;
  table_name: string;
  row_id: string;
  action: string;
  before: string | null;
  after: string | null;
  hlc: string;
  undone: number;
}

const toEntry = (r: Row): ChangeLogEntry => ({
  seq: r.seq,
  groupId: r.group_id,
  at: r.at,
  userId: r.user_id,
  tableName: r.table_name,
  rowId: r.row_id,
  action: r.action,
  before: r.before,
  after: r.after,
  hlc: r.hlc,
  undone: r.undone === 1,
});

export function appendChangeLog(db: Db, e: Omit<ChangeLogEntry, 'seq' | 'undone'> & { undone?: boolean }): void {
  prepared(
    db,
    'changeLog.append',
    `INSERT INTO change_log (group_id, at, user_id, table_name, row_id, action, before, after, hlc, undone)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(e.groupId, e.at, e.userId, e.tableName, e.rowId, e.action, e.before, e.after, e.hlc, e.undone ? 1 : 0);
}

/** The newest change group of a user that can still be undone, entries newest first. */
export function lastUndoableGroup(db: Db, userId: string): ChangeLogEntry[] {
  const last = db
    .prepare(`SELECT group_id FROM change_log WHERE user_id = ? AND undone = 0 ORDER BY seq DESC LIMIT 1`)
    .get(userId) as { group_id: string } | undefined;
  if (!last) return [];
  return (
    db.prepare(`SELECT * FROM change_log WHERE group_id = ? ORDER BY seq DESC`).all(last.group_id) as Row[]
  ).map(toEntry);
}

export function markGroupUndone(db: Db, groupId: string): void {
  db.prepare('UPDATE change_log SET undone = 1 WHERE group_id = ?').run(groupId);
}

export function maxLoggedHlc(db: Db): string | null {
  return (db.prepare('SELECT max(hlc) AS h FROM change_log').get() as { h: string | null }).h;
}

/**
 * Whether a row has a live (not undone) change logged after `seq`: someone changed it since, so undoing
 * an older change to it would discard their work. Undo writes are themselves marked undone and don't count.
 */
export function hasLiveChangeSince(db: Db, tableName: string, rowId: string, seq: number): boolean {
  return (
    db
      .prepare('SELECT 1 FROM change_log WHERE seq > ? AND table_name = ? AND row_id = ? AND undone = 0 LIMIT 1')
      .get(seq, tableName, rowId) !== undefined
  );
}
