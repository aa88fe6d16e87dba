import type { ConflictRecord, PcFiguresRecord } from '../../../../shared/sync/protocol';
import { getMeta, setMeta } from './meta';
import type { Db } from '../connection';
import { prepared } from '../statements';

/** The one SQL home of the sync client's local tables (migration 006). */

export interface SyncDevice {
  serverUrl: string;
  deviceId: string;
  token: string;
  name: string;
  scope: 'pc' | 'state';
  pcNo: number | null;
  enrolledAt: string;
}

export function getSyncDevice(db: Db): SyncDevice | null {
  const r = db.prepare('SELECT * FROM sync_device WHERE id = 1').get() as
    | { server_url: string; device_id: string; token: string; name: string; scope: 'pc' | 'state'; pc_no: number | null; enrolled_at: string }
    | undefined;
  return r
    ? { serverUrl: r.server_url, deviceId: r.device_id, token: r.token, name: r.name, scope: r.scope, pcNo: r.pc_no, enrolledAt: r.enrolled_at }
    : null;
}

export function putSyncDevice(db: Db, d: SyncDevice): void {
  db.prepare(
    `INSERT INTO sync_device (id, server_url, device_id, token, name, scope, pc_no, enrolled_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET server_url = excluded.server_url, device_id = excluded.device_id, token = excluded.token,
       name = excluded.name, scope = excluded.scope, pc_no = excluded.pc_no, enrolled_at = excluded.enrolled_at`,
  ).run(d.serverUrl, d.deviceId, d.token, d.name, d.scope, d.pcNo, d.enrolledAt);
}

/** Cursors written under another sync schema version are dropped: the next pull starts over, so columns
 * this version newly knows are filled from the server (which kept them) — "replayed after upgrade". */
export function getCursors(db: Db, schemaVersion: number): Record<string, number> {
  const rows = db.prepare('SELECT bucket, seq, schema_version FROM sync_cursors').all() as { bucket: string; seq: number; schema_version: number }[];
  const out: Record<string, number> = {};
  for (const r of rows) if (r.schema_version === schemaVersion) out[r.bucket] = r.seq;
  return out;
}

export function setCursor(db: Db, bucket: string, seq: number, schemaVersion: number): void {
  prepared(
    db,
    'sync.setCursor',
    `INSERT INTO sync_cursors (bucket, seq, schema_version) VALUES (?, ?, ?)
     ON CONFLICT(bucket) DO UPDATE SET seq = excluded.seq, schema_version = excluded.schema_version`,
  ).run(bucket, seq, schemaVersion);
}

export function clearCursors(db: Db): void {
  db.prepare('DELETE FROM sync_cursors').run();
}

export function maxConflictId(db: Db): number {
  return (db.prepare('SELECT coalesce(max(id), 0) AS n FROM sync_conflicts').get() as { n: number }).n;
}

export function insertConflict(db: Db, c: ConflictRecord): void {
  prepared(
    db,
    'sync.insertConflict',
    `INSERT OR IGNORE INTO sync_conflicts (id, bucket, table_name, row_id, field, losing_value, losing_hlc, winning_value, winning_hlc, reason, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(c.id, c.bucket, c.table, c.rowId, c.field, c.losingValue, c.losingHlc, c.winningValue, c.winningHlc, c.reason, c.at);
}

export interface LocalConflict {
  id: number;
  table: string;
  rowId: string;
  field: string;
  losingValue: string;
  winningValue: string;
  reason: string;
  at: string;
}

export function listOpenConflicts(db: Db, limit = 500): LocalConflict[] {
  return (
    db
      .prepare(
        `SELECT id, table_name, row_id, field, losing_value, winning_value, reason, at FROM sync_conflicts
         WHERE resolved_at IS NULL ORDER BY id DESC LIMIT ?`,
      )
      .all(limit) as { id: number; table_name: string; row_id: string; field: string; losing_value: string; winning_value: string; reason: string; at: string }[]
  ).map((r) => ({ id: r.id, table: r.table_name, rowId: r.row_id, field: r.field, losingValue: r.losing_value, winningValue: r.winning_value, reason: r.reason, at: r.at }));
}

export function getConflict(db: Db, id: number): LocalConflict | null {
  return listOpenConflicts(db, 100000).find((c) => c.id === id) ?? null;
}

export function resolveConflict(db: Db, id: number, at: string): void {
  db.prepare('UPDATE sync_conflicts SET resolved_at = ? WHERE id = ?').run(at, id);
}

export function countOpenConflicts(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL').get() as { n: number }).n;
}

/** A change the server (or this device's own scope rule) refused; numbered on its own, since outbox seqs are reused. */
export function addRejection(db: Db, r: { tableName: string; rowId: string; reason: string; at: string }): void {
  db.prepare('INSERT INTO sync_rejections (table_name, row_id, reason, at) VALUES (?, ?, ?, ?)').run(r.tableName, r.rowId, r.reason, r.at);
}

export function countRejections(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM sync_rejections').get() as { n: number }).n;
}

export function lastRejection(db: Db): { tableName: string; rowId: string; reason: string } | null {
  const r = db.prepare('SELECT table_name, row_id, reason FROM sync_rejections ORDER BY at DESC, seq DESC LIMIT 1').get() as
    | { table_name: string; row_id: string; reason: string }
    | undefined;
  return r ? { tableName: r.table_name, rowId: r.row_id, reason: r.reason } : null;
}

const STATE_FIGURES_KEY = 'sync_state_figures';

/** Every Lok Sabha's figures as the server last gave them, and when (kept whole in one meta value). */
export function putStateFigures(db: Db, figures: PcFiguresRecord[], at: string): void {
  setMeta(db, STATE_FIGURES_KEY, JSON.stringify({ at, figures }));
}

export function getStateFiguresCache(db: Db): { at: string; figures: PcFiguresRecord[] } | null {
  const raw = getMeta(db, STATE_FIGURES_KEY);
  return raw ? (JSON.parse(raw) as { at: string; figures: PcFiguresRecord[] }) : null;
}
