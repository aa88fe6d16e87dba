import Database from 'better-sqlite3';
import type { ServerRow } from '../../shared/sync/merge';
import type { OpResult, PushOp } from '../../shared/sync/protocol';
import {
  SERVER_SCHEMA,
  conflictFromRow,
  deviceFromRow,
  rowFromStored,
  type ConflictRow,
  type DeviceRecord,
  type DeviceRow,
  type OpOutcome,
  parsePage,
  pullPageSql,
  type PullPage,
  type RawPullPage,
  type RawPulledRow,
  type Storage,
} from './Storage';

type StoredRow = { table_name: string; id: string; bucket: string; seq: number; data: string; stamps: string; hlc: string; deleted: number };
type PageRow = Omit<StoredRow, 'bucket' | 'stamps'> & { moved_to: string | null };

/** The default storage: one SQLite file (WAL), nothing to install. Every call runs synchronously inside. */
export class SqliteStorage implements Storage {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;

  constructor(path: string) {
    this.db = new Database(path);
    if (path !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
  }

  async init(): Promise<void> {
    for (const sql of SERVER_SCHEMA) this.db.exec(sql);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  async insertDevice(d: DeviceRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO devices (id, name, scope, pc_no, created_at, enrolled_at, revoked_at, last_sync_at, schema_version, token_hash, code_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(d.id, d.name, d.scope, d.pcNo, d.createdAt, d.enrolledAt, d.revokedAt, d.lastSyncAt, d.schemaVersion, d.tokenHash, d.codeHash);
  }

  private device(where: string, value: string): DeviceRecord | null {
    const r = this.db.prepare(`SELECT * FROM devices WHERE ${where} = ?`).get(value) as DeviceRow | undefined;
    return r ? deviceFromRow(r) : null;
  }

  async deviceByCode(codeHash: string) {
    return this.device('code_hash', codeHash);
  }

  async deviceByToken(tokenHash: string) {
    return this.device('token_hash', tokenHash);
  }

  async enrolDevice(id: string, tokenHash: string, at: string, schemaVersion: number): Promise<boolean> {
    const r = this.db
      .prepare(
        `UPDATE devices SET token_hash = ?, code_hash = NULL, enrolled_at = ?, schema_version = ?
         WHERE id = ? AND code_hash IS NOT NULL AND revoked_at IS NULL`,
      )
      .run(tokenHash, at, schemaVersion, id);
    return r.changes === 1;
  }

  async revokeDevice(id: string, at: string): Promise<boolean> {
    return this.db.prepare('UPDATE devices SET revoked_at = ?, code_hash = NULL WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
  }

  async touchDevice(id: string, at: string, schemaVersion: number): Promise<void> {
    this.db.prepare('UPDATE devices SET last_sync_at = ?, schema_version = ? WHERE id = ?').run(at, schemaVersion, id);
  }

  async listDevices(): Promise<DeviceRecord[]> {
    return (this.db.prepare('SELECT * FROM devices ORDER BY created_at, id').all() as DeviceRow[]).map(deviceFromRow);
  }

  async push(deviceId: string, ops: PushOp[], decide: (existing: ServerRow | null, op: PushOp) => OpOutcome, at: string): Promise<OpResult[]> {
    const receipt = this.db.prepare('SELECT status, reason FROM op_receipts WHERE device_id = ? AND seq = ? AND hlc = ?');
    const addReceipt = this.db.prepare(
      `INSERT INTO op_receipts (device_id, seq, hlc, status, reason) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (device_id, seq) DO UPDATE SET hlc = excluded.hlc, status = excluded.status, reason = excluded.reason`,
    );
    const getRow = this.db.prepare('SELECT * FROM sync_rows WHERE table_name = ? AND id = ?');
    const nextSeq = this.db.prepare(
      `INSERT INTO buckets (bucket, seq, last_change_at) VALUES (?, 1, ?)
       ON CONFLICT (bucket) DO UPDATE SET seq = buckets.seq + 1, last_change_at = excluded.last_change_at RETURNING seq`,
    );
    const putRow = this.db.prepare(
      `INSERT INTO sync_rows (table_name, id, bucket, seq, data, stamps, hlc, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (table_name, id) DO UPDATE SET bucket = excluded.bucket, seq = excluded.seq, data = excluded.data,
         stamps = excluded.stamps, hlc = excluded.hlc, deleted = excluded.deleted`,
    );
    const resequence = this.db.prepare('UPDATE sync_rows SET seq = ? WHERE table_name = ? AND id = ?');
    const addMove = this.db.prepare('INSERT INTO sync_moves (bucket, seq, table_name, id, moved_to) VALUES (?, ?, ?, ?, ?)');
    const addConflict = this.db.prepare(
      `INSERT INTO conflicts (id, bucket, table_name, row_id, field, losing_value, losing_hlc, losing_device, winning_value, winning_hlc, reason, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    return this.db.transaction(() => {
      const results: OpResult[] = [];
      for (const op of ops) {
        const prior = receipt.get(deviceId, op.seq, op.hlc) as { status: OpResult['status']; reason: string | null } | undefined;
        if (prior) {
          results.push(prior.reason ? { seq: op.seq, status: prior.status, reason: prior.reason } : { seq: op.seq, status: prior.status });
          // A retry of an operation the row has changed since: the device may have pulled that newer
          // row while this one waited and kept its own value; sequenced again, its next pull repairs that.
          const now = getRow.get(op.table, op.id) as StoredRow | undefined;
          if (now && now.hlc > op.hlc) resequence.run((nextSeq.get(now.bucket, at) as { seq: number }).seq, op.table, op.id);
          continue;
        }
        const stored = getRow.get(op.table, op.id) as StoredRow | undefined;
        const outcome = decide(stored ? rowFromStored(stored) : null, op);
        if (outcome.write) {
          const w = outcome.write;
          const { seq } = nextSeq.get(w.bucket, at) as { seq: number };
          putRow.run(w.table, w.id, w.bucket, seq, JSON.stringify(w.data), JSON.stringify(w.stamps), w.hlc, w.deleted);
          if (stored && stored.bucket !== w.bucket) {
            const { seq: markerSeq } = nextSeq.get(stored.bucket, at) as { seq: number };
            addMove.run(stored.bucket, markerSeq, w.table, w.id, w.bucket);
          }
        }
        for (const l of outcome.lost) {
          const { seq: cid } = nextSeq.get('#conflicts', at) as { seq: number };
          const bucket = outcome.write?.bucket ?? stored?.bucket ?? 'state';
          const losingDevice = l.losingHlc === op.hlc ? deviceId : '';
          addConflict.run(cid, bucket, op.table, op.id, l.field, JSON.stringify(l.losingValue), l.losingHlc, losingDevice,
            JSON.stringify(l.winningValue), l.winningHlc, l.reason, at);
        }
        addReceipt.run(deviceId, op.seq, op.hlc, outcome.result.status, outcome.result.reason ?? null);
        results.push(outcome.result);
      }
      return results;
    })();
  }

  async pull(cursors: Record<string, number>, limit: number): Promise<PullPage> {
    return parsePage(await this.pullRaw(cursors, limit));
  }

  async pullRaw(cursors: Record<string, number>, limit: number): Promise<RawPullPage> {
    const page = this.db.prepare(pullPageSql(['@bucket', '@after', '@limit']));
    const top = this.db.prepare('SELECT seq FROM buckets WHERE bucket = ?');
    return this.db.transaction(() => {
      const rows: RawPulledRow[] = [];
      const next: Record<string, number> = {};
      let remaining = 0;
      for (const [bucket, cursor] of Object.entries(cursors)) {
        let after = cursor;
        if (rows.length < limit) {
          for (const r of page.all({ bucket, after: cursor, limit: limit - rows.length }) as PageRow[]) {
            const row: RawPulledRow = { bucket, seq: r.seq, table: r.table_name, id: r.id, hlc: r.hlc, deleted: r.deleted, data: r.data };
            if (r.moved_to) row.movedTo = r.moved_to;
            rows.push(row);
            after = r.seq;
          }
        }
        next[bucket] = after;
        const t = top.get(bucket) as { seq: number } | undefined;
        if (t && t.seq > after) remaining += t.seq - after;
      }
      return { rows, cursors: next, remaining };
    })();
  }

  async conflicts(buckets: string[] | null, afterId: number, limit: number) {
    const rows = buckets
      ? (this.db
          .prepare(`SELECT * FROM conflicts WHERE id > ? AND bucket IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT ?`)
          .all(afterId, JSON.stringify(buckets), limit) as ConflictRow[])
      : (this.db.prepare('SELECT * FROM conflicts WHERE id > ? ORDER BY id LIMIT ?').all(afterId, limit) as ConflictRow[]);
    return rows.map(conflictFromRow);
  }

  async latestConflicts(limit: number) {
    return (this.db.prepare('SELECT * FROM conflicts ORDER BY id DESC LIMIT ?').all(limit) as ConflictRow[]).map(conflictFromRow);
  }

  async freshness() {
    return (
      this.db
        .prepare(
          `SELECT b.bucket, b.seq, b.last_change_at, (SELECT count(*) FROM sync_rows r WHERE r.bucket = b.bucket) AS rows
           FROM buckets b WHERE b.bucket NOT LIKE '#%' ORDER BY b.bucket`,
        )
        .all() as { bucket: string; seq: number; last_change_at: string | null; rows: number }[]
    ).map((r) => ({ bucket: r.bucket, seq: r.seq, lastChangeAt: r.last_change_at, rows: r.rows }));
  }

  async putFigures(pcNo: number, figures: string, at: string): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO pc_figures (pc_no, figures, reported_at) VALUES (?, ?, ?)
         ON CONFLICT (pc_no) DO UPDATE SET figures = excluded.figures, reported_at = excluded.reported_at`,
      )
      .run(pcNo, figures, at);
  }

  async listFigures() {
    return (this.db.prepare('SELECT pc_no, figures, reported_at FROM pc_figures ORDER BY pc_no').all() as { pc_no: number; figures: string; reported_at: string }[]).map(
      (r) => ({ pcNo: r.pc_no, figures: r.figures, reportedAt: r.reported_at }),
    );
  }
}
