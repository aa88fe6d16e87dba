import {
  MAX_PUSH_OPS,
  SKEW_WARN_MS,
  STATE_OWNED_TABLES,
  SYNCED_TABLE_NAMES,
  type EnrolResponse,
  type FiguresResponse,
  type PcFigures,
  type PullResponse,
  type PulledRow,
  type PushOp,
  type PushResponse,
  type SyncErrorBody,
} from '../../../shared/sync/protocol';
import { bucketOf } from '../../../shared/sync/merge';
import { SYNC_SCHEMA_VERSION } from '../../../shared/sync/version';
import type { Db } from '../db/connection';
import { appendChangeLog } from '../db/repositories/changeLog';
import { setMeta, getMeta } from '../db/repositories/meta';
import { countOutbox, deleteOutbox, listOutbox, outboxIsEmpty, pendingFields } from '../db/repositories/outbox';
import {
  addRejection,
  getCursors,
  getSyncDevice,
  insertConflict,
  maxConflictId,
  putStateFigures,
  putSyncDevice,
  setCursor,
  type SyncDevice,
} from '../db/repositories/sync';
import { getStoredRow, putStoredRow, removeStoredRow, storedValuesInserter } from '../db/repositories/syncedRows';
import { SYNCED_TABLES, type SqlValue, type StoredRow, type SyncedTable } from '../db/schema';
import type { LocalClock } from './clock';

/** Why a sync failed, in words an operator can act on; `code` lets the UI translate. */
export class SyncError extends Error {
  constructor(
    readonly code: 'unreachable' | 'revoked' | 'unauthorised' | 'update_required' | 'refused' | 'not_enrolled' | 'server_error',
    message: string,
  ) {
    super(message);
  }
}

export interface SyncProgress {
  phase: 'push' | 'pull';
  done: number;
  total: number;
}

export interface SyncRunResult {
  pushed: number;
  rejected: number;
  pulled: number;
  clockWarning: string | null;
}

export interface SyncClientOptions {
  fetch?: typeof fetch;
  pushBatch?: number;
  pullLimit?: number;
  onProgress?: (p: SyncProgress) => void;
  /** This Lok Sabha's headline figures, reported at each sync for the state-wide comparison. */
  ownFigures?: (pcNo: number) => PcFigures;
}

const LOCAL_ONLY = new Set(['users']);

/**
 * The control room's side of sync: push the outbox in bounded batches, then pull every bucket the device
 * may read, page by page. Each pulled page is applied in one transaction together with its cursors, so
 * an interrupted first sync resumes where it stopped; pulled rows are written without an outbox entry
 * (they came from the server) and move the local clock past their stamps.
 */
export class SyncClient {
  private readonly fetchImpl: typeof fetch;

  constructor(
    private readonly db: Db,
    private readonly clock: LocalClock,
    private readonly now: () => number,
    private readonly opts: SyncClientOptions = {},
  ) {
    this.fetchImpl = opts.fetch ?? fetch;
  }

  device(): SyncDevice | null {
    return getSyncDevice(this.db);
  }

  private async request<T>(serverUrl: string, path: string, body: unknown, token?: string, method = 'POST'): Promise<T> {
    let res: Response;
    try {
      res = await this.fetchImpl(serverUrl.replace(/\/+$/, '') + path, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(method === 'POST' ? { body: JSON.stringify(body) } : {}),
      });
    } catch (err) {
      throw new SyncError('unreachable', `The state server at ${serverUrl} cannot be reached (${(err as Error).message}). Your changes are kept and will be sent when the network is back.`);
    }
    if (res.ok) return (await res.json()) as T;
    let e: SyncErrorBody | null = null;
    try {
      e = (await res.json()) as SyncErrorBody;
    } catch {
      e = null;
    }
    const message = e?.message ?? `The state server answered ${res.status}.`;
    if (e?.error === 'revoked') throw new SyncError('revoked', message);
    if (e?.error === 'unauthorised') throw new SyncError('unauthorised', message);
    if (e?.error === 'update_required') throw new SyncError('update_required', message);
    if (res.status >= 500) throw new SyncError('server_error', message);
    throw new SyncError('refused', message);
  }

  /** Exchange a one-time code from the state office for this computer's credential. */
  async enrol(serverUrl: string, code: string): Promise<SyncDevice> {
    const r = await this.request<EnrolResponse>(serverUrl, '/enrol', { schemaVersion: SYNC_SCHEMA_VERSION, code });
    const d: SyncDevice = {
      serverUrl,
      deviceId: r.device.id,
      token: r.token,
      name: r.device.name,
      scope: r.device.scope,
      pcNo: r.device.pcNo,
      enrolledAt: new Date(this.now()).toISOString(),
    };
    putSyncDevice(this.db, d);
    return d;
  }

  private requireDevice(): SyncDevice {
    const d = getSyncDevice(this.db);
    if (!d) throw new SyncError('not_enrolled', 'This computer is not enrolled with the state server yet. Enter the enrolment code from the state office.');
    return d;
  }

  /** Push, then pull. */
  async sync(): Promise<SyncRunResult> {
    const pushed = await this.push();
    const pulled = await this.pull();
    await this.exchangeFigures();
    setMeta(this.db, 'sync_last_at', new Date(this.now()).toISOString());
    return { ...pushed, pulled, clockWarning: pushed.clockWarning };
  }

  /** Report this Lok Sabha's figures (a Lok Sabha device that can compute them) and keep every Lok Sabha's. */
  async exchangeFigures(): Promise<void> {
    const d = this.requireDevice();
    const own = d.scope === 'pc' && d.pcNo !== null && this.opts.ownFigures ? this.opts.ownFigures(d.pcNo) : null;
    const res = await this.request<FiguresResponse>(d.serverUrl, '/sync/figures', { schemaVersion: SYNC_SCHEMA_VERSION, figures: own }, d.token);
    putStateFigures(this.db, res.figures, new Date(this.now()).toISOString());
  }

  async push(): Promise<{ pushed: number; rejected: number; clockWarning: string | null }> {
    const d = this.requireDevice();
    const batch = Math.min(this.opts.pushBatch ?? 200, MAX_PUSH_OPS);
    let pushed = 0;
    let rejected = 0;
    let clockWarning: string | null = null;
    const total = countOutbox(this.db);
    for (;;) {
      const entries = listOutbox(this.db, batch);
      if (entries.length === 0) break;
      const ops: PushOp[] = [];
      const localOnly: number[] = [];
      for (const e of entries) {
        const data = JSON.parse(e.data) as Record<string, SqlValue>;
        // Local accounts never leave this computer; every device loads the same reference data from
        // the installer's files (written by 'system', same ids everywhere) and never sends it — only
        // the state office's later changes to it travel.
        if (LOCAL_ONLY.has(e.tableName) || !(SYNCED_TABLE_NAMES as readonly string[]).includes(e.tableName) || data.updated_by === 'system') {
          localOnly.push(e.seq);
          continue;
        }
        const stateOwned = (STATE_OWNED_TABLES as readonly string[]).includes(e.tableName) || (e.tableName === 'org_units' && data.source === 'reference');
        if (d.scope === 'pc' && !stateOwned && data.updated_by !== 'system' && bucketOf(e.tableName, data) === 'state' && d.pcNo !== null) {
          // A row this Lok Sabha's control room made with no narrower scope (one of its own leaders,
          // a directive it issued) is its Lok Sabha's.
          data.pc_no = d.pcNo;
        }
        if (d.scope !== 'state' && bucketOf(e.tableName, data) === 'state') {
          if (data.updated_by !== 'system') {
            addRejection(this.db, { tableName: e.tableName, rowId: e.rowId, reason: 'Only the state office can change the state’s reference data; this change stays on this computer.', at: new Date(this.now()).toISOString() });
            rejected++;
          }
          localOnly.push(e.seq);
          continue;
        }
        ops.push({
          seq: e.seq,
          table: e.tableName,
          id: e.rowId,
          op: e.op,
          hlc: e.hlc,
          baseHlc: e.baseHlc,
          fields: e.fields ? (JSON.parse(e.fields) as string[]) : [...SYNCED_TABLES[e.tableName as SyncedTable], 'deleted'],
          data,
        });
      }
      if (localOnly.length) this.db.transaction(() => deleteOutbox(this.db, localOnly))();
      if (ops.length === 0) continue;
      const res = await this.request<PushResponse>(d.serverUrl, '/sync/push', { schemaVersion: SYNC_SCHEMA_VERSION, ops }, d.token);
      if (res.clockWarning) clockWarning = res.clockWarning;
      const at = new Date(this.now()).toISOString();
      this.db.transaction(() => {
        for (const r of res.results) {
          if (r.status === 'rejected') {
            const op = ops.find((o) => o.seq === r.seq)!;
            addRejection(this.db, { tableName: op.table, rowId: op.id, reason: r.reason ?? 'refused', at });
            rejected++;
          }
        }
        deleteOutbox(this.db, res.results.map((r) => r.seq));
      })();
      pushed += ops.length;
      this.opts.onProgress?.({ phase: 'push', done: pushed, total });
    }
    if (clockWarning) setMeta(this.db, 'sync_clock_warning', clockWarning);
    return { pushed, rejected, clockWarning };
  }

  /**
   * Pull every bucket page by page until nothing is left; returns the number of rows applied. The next
   * page is asked for while this one is written (the server works while this computer does); it is
   * asked with the cursors this page stores, so an interruption anywhere resumes from the last page
   * written.
   */
  async pull(): Promise<number> {
    const d = this.requireDevice();
    const limit = this.opts.pullLimit ?? 2000;
    const ask = (cursors: Record<string, number>, conflictCursor: number) =>
      this.request<PullResponse>(d.serverUrl, '/sync/pull', { schemaVersion: SYNC_SCHEMA_VERSION, cursors, limit, conflictCursor }, d.token);
    let pulled = 0;
    let total = 0;
    let next = ask(getCursors(this.db, SYNC_SCHEMA_VERSION), maxConflictId(this.db));
    for (;;) {
      const res = await next;
      const more = res.rows.length > 0 && res.remaining > 0;
      if (more) {
        next = ask(res.cursors, Math.max(maxConflictId(this.db), ...res.conflicts.map((c) => c.id)));
        // Should writing this page fail, the page asked for meanwhile is dropped unread.
        next.catch(() => undefined);
      }
      this.applyPage(res);
      pulled += res.rows.length;
      total = Math.max(total, pulled + res.remaining);
      this.opts.onProgress?.({ phase: 'pull', done: pulled, total });
      if (!more) break;
    }
    return pulled;
  }

  /** One page, one transaction: rows, cursors and conflicts together. */
  private applyPage(res: PullResponse): void {
    // Pages follow the server's sequence, not parent-before-child order (a parent changed later comes
    // later): foreign keys are checked by the server's scope rules, not here. The pragma cannot change
    // inside a transaction, and nothing else runs on this connection meanwhile (it is synchronous).
    const fk = this.db.pragma('foreign_keys', { simple: true }) as number;
    if (fk) this.db.pragma('foreign_keys = OFF');
    let maxAhead = 0;
    try {
      this.db.transaction(() => {
        const at = new Date(this.now()).toISOString();
        const fresh = new Map<string, { count: number; hlcFrom: string; hlcTo: string; buckets: Set<string> }>();
        let newest = '';
        // Usually nothing waits (a sync pushes before it pulls): then no row has local changes to keep.
        const waiting = !outboxIsEmpty(this.db);
        const readable = new Set(Object.keys(res.cursors));
        for (const row of res.rows) {
          if (!(row.table in SYNCED_TABLES) || LOCAL_ONLY.has(row.table)) continue;
          if (row.movedTo !== undefined) {
            // A row that left this bucket: kept when it moved to a bucket this computer reads (it comes from there).
            if (!readable.has(row.movedTo)) this.removeMovedRow(row, at);
            continue;
          }
          if (row.hlc > newest) newest = row.hlc;
          if (this.applyRow(row, at, waiting) !== 'new') continue;
          const f = fresh.get(row.table) ?? { count: 0, hlcFrom: row.hlc, hlcTo: row.hlc, buckets: new Set<string>() };
          f.count++;
          if (row.hlc < f.hlcFrom) f.hlcFrom = row.hlc;
          if (row.hlc > f.hlcTo) f.hlcTo = row.hlc;
          f.buckets.add(row.bucket);
          fresh.set(row.table, f);
        }
        // Rows new to this computer are logged as one entry per table and page, as an import is (the
        // change log is the local history; the rows' own stamps say who changed what).
        const first = res.rows[0];
        for (const [table, f] of fresh) {
          const value = [...f.buckets].sort().join(',');
          appendChangeLog(this.db, {
            groupId: `sync:${first.bucket}:${first.seq}`,
            at,
            userId: 'server',
            tableName: `${table}:batch`,
            rowId: value,
            action: 'sync.pull',
            before: null,
            after: JSON.stringify({ batch: { table, column: 'bucket', value, hlcFrom: f.hlcFrom, hlcTo: f.hlcTo, count: f.count } }),
            hlc: f.hlcTo,
          });
        }
        // The clock moves past the newest stamp of the page: every later local change orders after it.
        if (newest) maxAhead = this.clock.receive(newest);
        for (const [bucket, seq] of Object.entries(res.cursors)) setCursor(this.db, bucket, seq, SYNC_SCHEMA_VERSION);
        for (const c of res.conflicts) insertConflict(this.db, c);
        setMeta(this.db, 'hlc_last', this.clock.lastStamp);
      })();
    } finally {
      if (fk) this.db.pragma('foreign_keys = ON');
    }
    if (maxAhead > SKEW_WARN_MS) {
      setMeta(this.db, 'sync_clock_warning', `A change from another computer is stamped about ${Math.round(maxAhead / 60000)} minutes ahead of this computer’s clock. Check the date and time here and there.`);
    }
  }

  private removeMovedRow(row: PulledRow, at: string): void {
    const table = row.table as SyncedTable;
    const before = getStoredRow(this.db, table, row.id);
    if (!before) return;
    removeStoredRow(this.db, table, row.id);
    appendChangeLog(this.db, {
      groupId: `sync:${row.bucket}:${row.seq}`,
      at,
      userId: 'server',
      tableName: table,
      rowId: row.id,
      action: 'sync.movedAway',
      before: JSON.stringify(before),
      after: null,
      hlc: String(before.hlc),
    });
  }

  /**
   * Write one pulled row. A row new to this computer is inserted and left to the page's batch entry in
   * the change log — except committees, whose status history feeds the dashboard's progress over time.
   */
  private applyRow(row: PulledRow, at: string, waiting: boolean): 'new' | 'changed' | 'same' {
    const table = row.table as SyncedTable;
    const before = getStoredRow(this.db, table, row.id) ?? null;
    const next: StoredRow = { id: row.id };
    for (const c of SYNCED_TABLES[table]) next[c] = (row.data[c] ?? null) as SqlValue;
    next.hlc = row.hlc;
    next.updated_by = (row.data.updated_by as string | null) ?? 'server';
    next.deleted = row.deleted;
    if (!before && table !== 'committees') {
      storedValuesInserter(this.db, table)([row.id, ...SYNCED_TABLES[table].map((c) => next[c] ?? null), next.hlc, next.updated_by, next.deleted]);
      return 'new';
    }
    // Columns changed here and not yet pushed keep their local value; the push that follows lets the
    // server decide, and the next pull brings its answer.
    const pending = before && waiting ? pendingFields(this.db, table, row.id) : null;
    if (before && pending) {
      for (const c of [...SYNCED_TABLES[table], 'deleted']) if (pending.has('*') || pending.has(c)) next[c] = before[c] ?? null;
      if (String(before.hlc) > String(next.hlc)) next.hlc = before.hlc;
    }
    if (before && [...SYNCED_TABLES[table], 'deleted', 'hlc'].every((c) => (before[c] ?? null) === (next[c] ?? null))) return 'same';
    putStoredRow(this.db, table, next);
    appendChangeLog(this.db, {
      groupId: `sync:${row.bucket}:${row.seq}`,
      at,
      userId: String(next.updated_by),
      tableName: table,
      rowId: row.id,
      action: 'sync.pull',
      before: before ? JSON.stringify(before) : null,
      after: JSON.stringify(next),
      hlc: String(next.hlc),
    });
    return 'changed';
  }

  lastSyncAt(): string | null {
    return getMeta(this.db, 'sync_last_at');
  }
}
