import pg from 'pg';
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

// BIGINT columns come back as strings by default; every sequence here fits a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

type StoredRow = { table_name: string; id: string; bucket: string; seq: number; data: string; stamps: string; hlc: string; deleted: number };

/**
 * PostgreSQL storage, for a deployment that outgrows one machine. A push to a bucket takes the bucket's
 * row lock (the sequence update) until it commits, so sequence numbers become visible in order and a
 * pull never skips a row committed late.
 */
export class PgStorage implements Storage {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;

  /** `schema`: a schema to create and use (tests give each run its own). */
  constructor(url: string, private readonly schema?: string) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
  }

  async init(): Promise<void> {
    if (this.schema) await this.pool.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
    for (const sql of SERVER_SCHEMA) await this.pool.query(sql);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** Drop the test schema (tests only). */
  async dropSchema(): Promise<void> {
    if (this.schema) await this.pool.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`);
  }

  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const out = await fn(c);
      await c.query('COMMIT');
      return out;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }

  async insertDevice(d: DeviceRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO devices (id, name, scope, pc_no, created_at, enrolled_at, revoked_at, last_sync_at, schema_version, token_hash, code_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [d.id, d.name, d.scope, d.pcNo, d.createdAt, d.enrolledAt, d.revokedAt, d.lastSyncAt, d.schemaVersion, d.tokenHash, d.codeHash],
    );
  }

  private async device(column: 'code_hash' | 'token_hash', value: string): Promise<DeviceRecord | null> {
    const r = await this.pool.query<DeviceRow>(`SELECT * FROM devices WHERE ${column} = $1`, [value]);
    return r.rows[0] ? deviceFromRow(r.rows[0]) : null;
  }

  deviceByCode(codeHash: string) {
    return this.device('code_hash', codeHash);
  }

  deviceByToken(tokenHash: string) {
    return this.device('token_hash', tokenHash);
  }

  async enrolDevice(id: string, tokenHash: string, at: string, schemaVersion: number): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE devices SET token_hash = $1, code_hash = NULL, enrolled_at = $2, schema_version = $3
       WHERE id = $4 AND code_hash IS NOT NULL AND revoked_at IS NULL`,
      [tokenHash, at, schemaVersion, id],
    );
    return r.rowCount === 1;
  }

  async revokeDevice(id: string, at: string): Promise<boolean> {
    const r = await this.pool.query('UPDATE devices SET revoked_at = $1, code_hash = NULL WHERE id = $2 AND revoked_at IS NULL', [at, id]);
    return r.rowCount === 1;
  }

  async touchDevice(id: string, at: string, schemaVersion: number): Promise<void> {
    await this.pool.query('UPDATE devices SET last_sync_at = $1, schema_version = $2 WHERE id = $3', [at, schemaVersion, id]);
  }

  async listDevices(): Promise<DeviceRecord[]> {
    return (await this.pool.query<DeviceRow>('SELECT * FROM devices ORDER BY created_at, id')).rows.map(deviceFromRow);
  }

  async push(deviceId: string, ops: PushOp[], decide: (existing: ServerRow | null, op: PushOp) => OpOutcome, at: string): Promise<OpResult[]> {
    const nextSeq = `INSERT INTO buckets (bucket, seq, last_change_at) VALUES ($1, 1, $2)
       ON CONFLICT (bucket) DO UPDATE SET seq = buckets.seq + 1, last_change_at = excluded.last_change_at RETURNING seq`;
    return this.tx(async (c) => {
      // One device's batches run one at a time, so a retried batch racing the original still answers once.
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [deviceId]);
      const results: OpResult[] = [];
      for (const op of ops) {
        const prior = await c.query<{ status: OpResult['status']; reason: string | null }>(
          'SELECT status, reason FROM op_receipts WHERE device_id = $1 AND seq = $2 AND hlc = $3',
          [deviceId, op.seq, op.hlc],
        );
        if (prior.rows[0]) {
          const p = prior.rows[0];
          results.push(p.reason ? { seq: op.seq, status: p.status, reason: p.reason } : { seq: op.seq, status: p.status });
          // A retry of an operation the row has changed since: the device may have pulled that newer
          // row while this one waited and kept its own value; sequenced again, its next pull repairs that.
          const now = (await c.query<StoredRow>('SELECT * FROM sync_rows WHERE table_name = $1 AND id = $2 FOR UPDATE', [op.table, op.id])).rows[0];
          if (now && now.hlc > op.hlc) {
            const seq = (await c.query<{ seq: number }>(nextSeq, [now.bucket, at])).rows[0].seq;
            await c.query('UPDATE sync_rows SET seq = $1 WHERE table_name = $2 AND id = $3', [seq, op.table, op.id]);
          }
          continue;
        }
        const stored = (await c.query<StoredRow>('SELECT * FROM sync_rows WHERE table_name = $1 AND id = $2 FOR UPDATE', [op.table, op.id])).rows[0];
        const outcome = decide(stored ? rowFromStored(stored) : null, op);
        if (outcome.write) {
          const w = outcome.write;
          const seq = (await c.query<{ seq: number }>(nextSeq, [w.bucket, at])).rows[0].seq;
          await c.query(
            `INSERT INTO sync_rows (table_name, id, bucket, seq, data, stamps, hlc, deleted) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (table_name, id) DO UPDATE SET bucket = excluded.bucket, seq = excluded.seq, data = excluded.data,
               stamps = excluded.stamps, hlc = excluded.hlc, deleted = excluded.deleted`,
            [w.table, w.id, w.bucket, seq, JSON.stringify(w.data), JSON.stringify(w.stamps), w.hlc, w.deleted],
          );
          if (stored && stored.bucket !== w.bucket) {
            const markerSeq = (await c.query<{ seq: number }>(nextSeq, [stored.bucket, at])).rows[0].seq;
            await c.query('INSERT INTO sync_moves (bucket, seq, table_name, id, moved_to) VALUES ($1, $2, $3, $4, $5)', [stored.bucket, markerSeq, w.table, w.id, w.bucket]);
          }
        }
        for (const l of outcome.lost) {
          const cid = (await c.query<{ seq: number }>(nextSeq, ['#conflicts', at])).rows[0].seq;
          const bucket = outcome.write?.bucket ?? stored?.bucket ?? 'state';
          await c.query(
            `INSERT INTO conflicts (id, bucket, table_name, row_id, field, losing_value, losing_hlc, losing_device, winning_value, winning_hlc, reason, at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
            [cid, bucket, op.table, op.id, l.field, JSON.stringify(l.losingValue), l.losingHlc, l.losingHlc === op.hlc ? deviceId : '',
              JSON.stringify(l.winningValue), l.winningHlc, l.reason, at],
          );
        }
        await c.query(
          `INSERT INTO op_receipts (device_id, seq, hlc, status, reason) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (device_id, seq) DO UPDATE SET hlc = excluded.hlc, status = excluded.status, reason = excluded.reason`,
          [deviceId, op.seq, op.hlc, outcome.result.status, outcome.result.reason ?? null],
        );
        results.push(outcome.result);
      }
      return results;
    });
  }

  async pull(cursors: Record<string, number>, limit: number): Promise<PullPage> {
    return parsePage(await this.pullRaw(cursors, limit));
  }

  async pullRaw(cursors: Record<string, number>, limit: number): Promise<RawPullPage> {
    return this.tx(async (c) => {
      const rows: RawPulledRow[] = [];
      const next: Record<string, number> = {};
      let remaining = 0;
      for (const [bucket, cursor] of Object.entries(cursors)) {
        let after = cursor;
        if (rows.length < limit) {
          const page = await c.query<StoredRow & { moved_to: string | null }>(pullPageSql(['$1', '$2', '$3']), [bucket, cursor, limit - rows.length]);
          for (const r of page.rows) {
            const row: RawPulledRow = { bucket, seq: Number(r.seq), table: r.table_name, id: r.id, hlc: r.hlc, deleted: r.deleted, data: r.data };
            if (r.moved_to) row.movedTo = r.moved_to;
            rows.push(row);
            after = r.seq;
          }
        }
        next[bucket] = after;
        const t = (await c.query<{ seq: number }>('SELECT seq FROM buckets WHERE bucket = $1', [bucket])).rows[0];
        if (t && t.seq > after) remaining += t.seq - after;
      }
      return { rows, cursors: next, remaining };
    });
  }

  async conflicts(buckets: string[] | null, afterId: number, limit: number) {
    const r = buckets
      ? await this.pool.query<ConflictRow>('SELECT * FROM conflicts WHERE id > $1 AND bucket = ANY($2) ORDER BY id LIMIT $3', [afterId, buckets, limit])
      : await this.pool.query<ConflictRow>('SELECT * FROM conflicts WHERE id > $1 ORDER BY id LIMIT $2', [afterId, limit]);
    return r.rows.map(conflictFromRow);
  }

  async latestConflicts(limit: number) {
    return (await this.pool.query<ConflictRow>('SELECT * FROM conflicts ORDER BY id DESC LIMIT $1', [limit])).rows.map(conflictFromRow);
  }

  async freshness() {
    const r = await this.pool.query<{ bucket: string; seq: number; last_change_at: string | null; rows: string }>(
      `SELECT b.bucket, b.seq, b.last_change_at, (SELECT count(*) FROM sync_rows r WHERE r.bucket = b.bucket) AS rows
       FROM buckets b WHERE b.bucket NOT LIKE '#%' ORDER BY b.bucket`,
    );
    return r.rows.map((x) => ({ bucket: x.bucket, seq: x.seq, lastChangeAt: x.last_change_at, rows: Number(x.rows) }));
  }

  async putFigures(pcNo: number, figures: string, at: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO pc_figures (pc_no, figures, reported_at) VALUES ($1, $2, $3)
       ON CONFLICT (pc_no) DO UPDATE SET figures = excluded.figures, reported_at = excluded.reported_at`,
      [pcNo, figures, at],
    );
  }

  async listFigures() {
    const r = await this.pool.query<{ pc_no: number; figures: string; reported_at: string }>('SELECT pc_no, figures, reported_at FROM pc_figures ORDER BY pc_no');
    return r.rows.map((x) => ({ pcNo: Number(x.pc_no), figures: x.figures, reportedAt: x.reported_at }));
  }
}
