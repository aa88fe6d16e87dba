import type { LostValue, ServerRow } from '../../shared/sync/merge';
import type { BucketFreshness, ConflictRecord, DeviceInfo, OpResult, PulledRow, PushOp } from '../../shared/sync/protocol';

export interface DeviceRecord extends DeviceInfo {
  /** sha256 of the credential; null until enrolled. */
  tokenHash: string | null;
  /** sha256 of the one-time enrolment code; cleared when used. */
  codeHash: string | null;
}

/** What the server decided for one operation; the storage writes it and records the answer. */
export interface OpOutcome {
  result: OpResult;
  /** The row to store (a new bucket sequence is assigned) when the operation changed it. */
  write: ServerRow | null;
  lost: LostValue[];
}

export interface PullPage {
  rows: PulledRow[];
  cursors: Record<string, number>;
  remaining: number;
}

/** A pulled row with its data as the JSON text the storage holds: the server splices it into the answer unparsed. */
export type RawPulledRow = Omit<PulledRow, 'data'> & { data: string };
export interface RawPullPage {
  rows: RawPulledRow[];
  cursors: Record<string, number>;
  remaining: number;
}

export function parsePage(p: RawPullPage): PullPage {
  return { ...p, rows: p.rows.map((r) => ({ ...r, data: JSON.parse(r.data) as PulledRow['data'] })) };
}

/**
 * The state server's storage: embedded SQLite (default) or PostgreSQL. Both keep the same tables and
 * the same JSON text for row data, so the one test suite checks both. `push` runs one batch in one
 * transaction: answers already given for an (device, outbox seq) are returned again and nothing changes.
 */
export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  init(): Promise<void>;
  close(): Promise<void>;

  insertDevice(d: DeviceRecord): Promise<void>;
  deviceByCode(codeHash: string): Promise<DeviceRecord | null>;
  deviceByToken(tokenHash: string): Promise<DeviceRecord | null>;
  /** Exchange the code for the credential; false when the code was used meanwhile. */
  enrolDevice(id: string, tokenHash: string, at: string, schemaVersion: number): Promise<boolean>;
  revokeDevice(id: string, at: string): Promise<boolean>;
  touchDevice(id: string, at: string, schemaVersion: number): Promise<void>;
  listDevices(): Promise<DeviceRecord[]>;

  push(deviceId: string, ops: PushOp[], decide: (existing: ServerRow | null, op: PushOp) => OpOutcome, at: string): Promise<OpResult[]>;
  pull(cursors: Record<string, number>, limit: number): Promise<PullPage>;
  /** The same page as `pull`, row data left as stored JSON text. */
  pullRaw(cursors: Record<string, number>, limit: number): Promise<RawPullPage>;
  /** Conflicts after `afterId`, oldest first: a device reads them in order with its conflict cursor. */
  conflicts(buckets: string[] | null, afterId: number, limit: number): Promise<ConflictRecord[]>;
  /** The newest `limit` conflicts of every bucket, newest first: the state admin's list. */
  latestConflicts(limit: number): Promise<ConflictRecord[]>;
  freshness(): Promise<Omit<BucketFreshness, 'acNo' | 'pcNo'>[]>;
  /** A Lok Sabha's latest headline figures (JSON of PcFigures), replacing the ones before. */
  putFigures(pcNo: number, figures: string, at: string): Promise<void>;
  listFigures(): Promise<{ pcNo: number; figures: string; reportedAt: string }[]>;
}

export function rowFromStored(r: {
  table_name: string;
  id: string;
  bucket: string;
  data: string;
  stamps: string;
  hlc: string;
  deleted: number;
}): ServerRow {
  return {
    table: r.table_name,
    id: r.id,
    bucket: r.bucket,
    data: JSON.parse(r.data) as ServerRow['data'],
    stamps: JSON.parse(r.stamps) as Record<string, string>,
    hlc: r.hlc,
    deleted: Number(r.deleted),
  };
}

export interface DeviceRow {
  id: string;
  name: string;
  scope: string;
  pc_no: number | null;
  created_at: string;
  enrolled_at: string | null;
  revoked_at: string | null;
  last_sync_at: string | null;
  schema_version: number | null;
  token_hash: string | null;
  code_hash: string | null;
}

export function deviceFromRow(r: DeviceRow): DeviceRecord {
  return {
    id: r.id,
    name: r.name,
    scope: r.scope as 'pc' | 'state',
    pcNo: r.pc_no === null ? null : Number(r.pc_no),
    createdAt: r.created_at,
    enrolledAt: r.enrolled_at,
    revokedAt: r.revoked_at,
    lastSyncAt: r.last_sync_at,
    schemaVersion: r.schema_version === null ? null : Number(r.schema_version),
    tokenHash: r.token_hash,
    codeHash: r.code_hash,
  };
}

export interface ConflictRow {
  id: number;
  bucket: string;
  table_name: string;
  row_id: string;
  field: string;
  losing_value: string;
  losing_hlc: string;
  losing_device: string;
  winning_value: string;
  winning_hlc: string;
  reason: string;
  at: string;
}

export function conflictFromRow(r: ConflictRow): ConflictRecord {
  return {
    id: Number(r.id),
    bucket: r.bucket,
    table: r.table_name,
    rowId: r.row_id,
    field: r.field,
    losingValue: r.losing_value,
    losingHlc: r.losing_hlc,
    losingDevice: r.losing_device,
    winningValue: r.winning_value,
    winningHlc: r.winning_hlc,
    reason: r.reason,
    at: r.at,
  };
}

/**
 * One bucket's page after a cursor, in sequence order: its rows and the markers of rows that left it.
 * `p` names the engine's placeholders for the bucket, the cursor and the page size.
 */
export function pullPageSql(p: [bucket: string, after: string, limit: string]): string {
  const [bucket, after, limit] = p;
  return `SELECT seq, table_name, id, hlc, deleted, data, NULL AS moved_to FROM sync_rows WHERE bucket = ${bucket} AND seq > ${after}
          UNION ALL
          SELECT seq, table_name, id, '' AS hlc, 1 AS deleted, '{}' AS data, moved_to FROM sync_moves WHERE bucket = ${bucket} AND seq > ${after}
          ORDER BY seq LIMIT ${limit}`;
}

/** The tables, in SQL both engines accept (BIGINT ids are assigned by the code, not the engine). */
export const SERVER_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS devices (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, scope TEXT NOT NULL, pc_no INTEGER,
    created_at TEXT NOT NULL, enrolled_at TEXT, revoked_at TEXT, last_sync_at TEXT, schema_version INTEGER,
    token_hash TEXT UNIQUE, code_hash TEXT UNIQUE)`,
  `CREATE TABLE IF NOT EXISTS buckets (bucket TEXT PRIMARY KEY, seq BIGINT NOT NULL, last_change_at TEXT)`,
  `CREATE TABLE IF NOT EXISTS sync_rows (
    table_name TEXT NOT NULL, id TEXT NOT NULL, bucket TEXT NOT NULL, seq BIGINT NOT NULL,
    data TEXT NOT NULL, stamps TEXT NOT NULL, hlc TEXT NOT NULL, deleted INTEGER NOT NULL,
    PRIMARY KEY (table_name, id))`,
  `CREATE UNIQUE INDEX IF NOT EXISTS sync_rows_bucket_seq ON sync_rows (bucket, seq)`,
  // The answer given to each pushed operation, so a retried batch gets the same answers and changes
  // nothing. A device's outbox seq is reused once its outbox empties, so the operation's stamp (unique
  // per device: every local write takes its own clock tick) tells a retry from a new operation; the
  // receipts of the first version, keyed by seq alone, cannot and go.
  `DROP TABLE IF EXISTS receipts`,
  `CREATE TABLE IF NOT EXISTS op_receipts (
    device_id TEXT NOT NULL, seq BIGINT NOT NULL, hlc TEXT NOT NULL, status TEXT NOT NULL, reason TEXT,
    PRIMARY KEY (device_id, seq))`,
  `CREATE TABLE IF NOT EXISTS conflicts (
    id BIGINT PRIMARY KEY, bucket TEXT NOT NULL, table_name TEXT NOT NULL, row_id TEXT NOT NULL, field TEXT NOT NULL,
    losing_value TEXT NOT NULL, losing_hlc TEXT NOT NULL, losing_device TEXT NOT NULL,
    winning_value TEXT NOT NULL, winning_hlc TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS conflicts_bucket ON conflicts (bucket, id)`,
  // A row that left a bucket (its scope keys changed) leaves a marker there, in that bucket's sequence:
  // rooms reading only the old bucket learn to drop their copy.
  `CREATE TABLE IF NOT EXISTS sync_moves (
    bucket TEXT NOT NULL, seq BIGINT NOT NULL, table_name TEXT NOT NULL, id TEXT NOT NULL, moved_to TEXT NOT NULL,
    PRIMARY KEY (bucket, seq))`,
  `CREATE TABLE IF NOT EXISTS pc_figures (pc_no INTEGER PRIMARY KEY, figures TEXT NOT NULL, reported_at TEXT NOT NULL)`,
];
