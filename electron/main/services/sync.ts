import type { ConflictView, PcFreshness, SyncAdminOverview, SyncErrorCode, SyncStatusView } from '../../../shared/ipc/syncViews';
import { parseHlc } from '../../../shared/sync/hlc';
import type { AdminOverview, RegisterDeviceResponse, SyncErrorBody } from '../../../shared/sync/protocol';
import { getMeta, setMeta } from '../db/repositories/meta';
import { clearCursors, countOpenConflicts, getSyncDevice, resolveConflict } from '../db/repositories/sync';
import { getStoredRow } from '../db/repositories/syncedRows';
import { countWaiting, getOpenConflictDetail, listOpenConflictDetails, listRejections } from '../db/repositories/syncViews';
import { SYNCED_TABLES, type SqlValue, type SyncedTable } from '../db/schema';
import { SyncClient, SyncError, type SyncProgress } from '../sync/syncClient';
import { upsertRow } from '../sync/writer';
import { AppError } from './AppError';
import { getMetaLists } from './meta';
import { ownFigures } from './stateFigures';
import { inChange, nowIso, requireStateAdmin, requireUser, type ServiceContext } from './context';

export const DEFAULT_INTERVAL_MINUTES = 5;
/** After the server could not be reached, try again this soon: sync resumes on its own when the network returns. */
export const RETRY_MS = 30_000;
/** First automatic sync after the app starts. */
const STARTUP_DELAY_MS = 10_000;
/** A constituency whose control room has not synced for this long is listed as stale. */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;
/** Personal fields are masked in the Conflicts list (the value is restored unmasked). */
const MASKED_FIELDS = new Set(['phone', 'voter_id']);

export interface SyncServiceOptions {
  /** Start the timers (the app); tests leave it off and call syncNow themselves. */
  auto?: boolean;
  fetch?: typeof fetch;
}

function maskValue(v: string | number | null): string | number | null {
  if (v === null) return null;
  const s = String(v);
  return s.length <= 2 ? '••' : `${'•'.repeat(Math.max(2, s.length - 2))}${s.slice(-2)}`;
}

function decode(json: string): string | number | null {
  try {
    const v = JSON.parse(json) as unknown;
    return typeof v === 'string' || typeof v === 'number' ? v : v === null ? null : JSON.stringify(v);
  } catch {
    return json;
  }
}

/**
 * The app's side of sync around the sync engine (SyncClient): settings, enrolment, status for the
 * header, one run at a time, automatic runs (every few minutes, sooner after the server was
 * unreachable), the Conflicts screen's restore and dismiss, and the state office's admin calls.
 */
export class SyncService {
  private readonly fetchImpl: typeof fetch;
  private current: Promise<void> | null = null;
  private progress: SyncProgress | null = null;
  private online: boolean | null = null;
  private lastAttemptAt: string | null = null;
  private lastError: SyncStatusView['lastError'] = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerDueAt: number | null = null;
  private refusedInLastRun = 0;
  private closed = false;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly opts: SyncServiceOptions = {},
  ) {
    this.fetchImpl = opts.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
    if (opts.auto) this.schedule(STARTUP_DELAY_MS);
  }

  private get db() {
    return this.ctx.db;
  }

  intervalMinutes(): number {
    const v = Number(getMeta(this.db, 'sync_interval_minutes'));
    return Number.isInteger(v) && v >= 1 ? v : DEFAULT_INTERVAL_MINUTES;
  }

  serverUrl(): string | null {
    return getSyncDevice(this.db)?.serverUrl ?? getMeta(this.db, 'sync_server_url');
  }

  status(): SyncStatusView {
    const d = getSyncDevice(this.db);
    const lastSyncAt = getMeta(this.db, 'sync_last_at');
    return {
      serverUrl: this.serverUrl(),
      intervalMinutes: this.intervalMinutes(),
      enrolled: d !== null,
      device: d ? { id: d.deviceId, name: d.name, scope: d.scope, pcNo: d.pcNo, enrolledAt: d.enrolledAt } : null,
      online: this.online,
      lastSyncAt,
      lastAttemptAt: this.lastAttemptAt,
      waiting: countWaiting(this.db),
      running: this.current !== null,
      firstSync: d !== null && lastSyncAt === null,
      progress: this.current ? this.progress : null,
      lastError: this.lastError,
      nextAutoSyncAt: this.timer && this.timerDueAt !== null ? new Date(this.timerDueAt).toISOString() : null,
      clockWarning: getMeta(this.db, 'sync_clock_warning'),
      openConflicts: countOpenConflicts(this.db),
      refusedInLastRun: this.refusedInLastRun,
      rejections: listRejections(this.db, 50).map((r) => ({ seq: r.seq, table: r.tableName, rowId: r.rowId, reason: r.reason, at: r.at })),
    };
  }

  setSettings(input: { serverUrl?: string; intervalMinutes?: number }): SyncStatusView {
    requireUser(this.ctx);
    const d = getSyncDevice(this.db);
    if (input.serverUrl !== undefined) {
      if (d && d.serverUrl !== input.serverUrl) {
        throw new AppError(
          'conflict',
          'This computer is enrolled with another server address. To move it, ask the state office for a new enrolment code and enrol again with the new address.',
          'serverUrl',
        );
      }
      setMeta(this.db, 'sync_server_url', input.serverUrl);
    }
    if (input.intervalMinutes !== undefined) setMeta(this.db, 'sync_interval_minutes', String(input.intervalMinutes));
    this.schedule();
    return this.status();
  }

  private client(): SyncClient {
    return new SyncClient(this.db, this.ctx.clock, this.ctx.now, {
      fetch: this.fetchImpl,
      ownFigures: (pcNo) => ownFigures(this.ctx, pcNo),
      onProgress: (p) => {
        this.progress = p;
      },
    });
  }

  /** Exchange the state office's one-time code for this computer's credential, then start the first sync. */
  async enrol(input: { serverUrl: string; code: string }): Promise<SyncStatusView> {
    requireUser(this.ctx);
    if (this.current) throw new AppError('conflict', 'A sync is running. Wait for it to finish, then enrol.');
    if (getMeta(this.db, 'demo')) {
      throw new AppError(
        'conflict',
        'This database holds demo data, which must never reach the state server. Start the app with a new, empty database (not the demo) to enrol this computer.',
      );
    }
    const previous = getSyncDevice(this.db);
    try {
      await this.client().enrol(input.serverUrl, input.code);
    } catch (err) {
      if (err instanceof SyncError) {
        if (err.code === 'unreachable') throw new AppError('unreachable', err.message, 'serverUrl');
        if (err.code === 'update_required') throw new AppError('update_required', err.message);
        throw new AppError('invalid_input', err.message, 'code');
      }
      throw err;
    }
    // Another server keeps other sequences: start pulling it from the beginning.
    if (previous && previous.serverUrl !== input.serverUrl) clearCursors(this.db);
    setMeta(this.db, 'sync_server_url', input.serverUrl);
    this.online = true;
    this.lastError = null;
    void this.syncNow();
    return this.status();
  }

  /** Run a sync now, or join the one already running; resolves with the status after it. */
  async syncNow(): Promise<SyncStatusView> {
    if (this.closed) return this.status();
    if (!getSyncDevice(this.db)) {
      throw new AppError('conflict', 'This computer is not enrolled with the state server yet. Enter the enrolment code from the state office on the Sync page.');
    }
    // A member import holds the database's one write transaction open across yields: a pulled page
    // written now would join it (and vanish with a cancel). Sync waits for it instead.
    if (!this.current && this.ctx.busyWith) {
      throw new AppError('conflict', `${this.ctx.busyWith} is running. Sync after it has finished; your changes wait until then.`);
    }
    this.current ??= this.run().finally(() => {
      this.current = null;
      this.progress = null;
      this.schedule();
    });
    await this.current;
    return this.status();
  }

  private async run(): Promise<void> {
    this.progress = null;
    this.lastAttemptAt = nowIso(this.ctx);
    try {
      const r = await this.client().sync();
      this.refusedInLastRun = r.rejected;
      this.online = true;
      this.lastError = null;
    } catch (err) {
      if (this.closed) return;
      const code: SyncErrorCode = err instanceof SyncError ? err.code : 'internal';
      const message = err instanceof Error ? err.message : String(err);
      if (!(err instanceof SyncError)) console.error('[sync] run failed:', err instanceof Error ? err.stack : err);
      this.online = code !== 'unreachable';
      this.lastError = { code, message, at: nowIso(this.ctx) };
    }
  }

  /** Next automatic run: the interval, or the quick retry after the server could not be reached. */
  private schedule(delayMs?: number): void {
    if (!this.opts.auto || this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerDueAt = null;
    if (this.current || !getSyncDevice(this.db)) return;
    const stopped = this.lastError && (this.lastError.code === 'revoked' || this.lastError.code === 'update_required' || this.lastError.code === 'unauthorised');
    if (stopped) return;
    const delay = delayMs ?? (this.lastError?.code === 'unreachable' || this.lastError?.code === 'server_error' ? RETRY_MS : this.intervalMinutes() * 60_000);
    this.timerDueAt = this.ctx.now() + delay;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.ctx.busyWith) {
        this.schedule(RETRY_MS);
        return;
      }
      this.syncNow().catch((err: unknown) => console.error('[sync] automatic run failed:', err instanceof Error ? err.message : err));
    }, delay);
    this.timer.unref?.();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerDueAt = null;
  }

  // Conflicts --------------------------------------------------------------------------------------

  listConflicts(): ConflictView[] {
    const node = getMeta(this.db, 'node_id');
    return listOpenConflictDetails(this.db, 500).map((c) => {
      const known = c.tableName in SYNCED_TABLES;
      const row = known ? getStoredRow(this.db, c.tableName as SyncedTable, c.rowId) : undefined;
      const masked = MASKED_FIELDS.has(c.field);
      const kept = decode(c.losingValue);
      const current = row ? ((row[c.field] ?? null) as string | number | null) : null;
      let lostAt: string | null = null;
      let lostHere = false;
      try {
        const h = parseHlc(c.losingHlc);
        lostAt = new Date(h.millis).toISOString();
        lostHere = h.node === node;
      } catch {
        lostAt = null;
      }
      const label = row ? (row.name_en ?? row.name ?? row.name_hi ?? null) : null;
      return {
        id: c.id,
        table: c.tableName,
        rowId: c.rowId,
        field: c.field,
        rowLabel: label === null ? null : String(label),
        keptValue: masked ? maskValue(kept) : kept,
        currentValue: masked ? maskValue(current) : current,
        lostAt,
        lostHere,
        decidedAt: c.at,
        reason: c.reason,
      };
    });
  }

  /** Write the kept (losing) value back as a new local edit; it syncs like any other change. */
  restoreConflict(input: { id: number }): { restored: true } {
    const user = requireUser(this.ctx);
    const c = getOpenConflictDetail(this.db, input.id);
    if (!c) throw new AppError('not_found', 'That conflict is no longer open: it was restored or dismissed already.');
    if (!(c.tableName in SYNCED_TABLES)) throw new AppError('conflict', `This version of the app does not know the table "${c.tableName}"; update the app to restore it.`);
    const table = c.tableName as SyncedTable;
    if (!(SYNCED_TABLES[table] as readonly string[]).includes(c.field) && c.field !== 'deleted') {
      throw new AppError('conflict', `This version of the app does not know the field "${c.field}" of ${table}; update the app to restore it.`);
    }
    if (!getStoredRow(this.db, table, c.rowId)) throw new AppError('not_found', `The row ${c.rowId} is not on this computer; sync first, then restore.`);
    const value = decode(c.losingValue) as SqlValue;
    inChange(this.ctx, user.id, (w) => {
      upsertRow(w, table, c.rowId, { [c.field]: value }, 'sync.restoreConflict');
      resolveConflict(this.db, c.id, w.at);
    });
    return { restored: true };
  }

  dismissConflict(input: { id: number }): { dismissed: true } {
    requireUser(this.ctx);
    if (!getOpenConflictDetail(this.db, input.id)) throw new AppError('not_found', 'That conflict is no longer open: it was restored or dismissed already.');
    resolveConflict(this.db, input.id, nowIso(this.ctx));
    return { dismissed: true };
  }

  // State office admin ----------------------------------------------------------------------------

  private async admin<T>(path: string, body?: unknown): Promise<T> {
    requireStateAdmin(this.ctx, 'manage the control rooms');
    const d = getSyncDevice(this.db);
    if (!d) throw new AppError('conflict', 'This computer is not enrolled with the state server. Enrol it with the state office’s own code first (printed when the server first started).');
    if (d.scope !== 'state') throw new AppError('forbidden', 'Only the state office’s computer can manage control rooms; this one is enrolled for one Lok Sabha.');
    let res: Response;
    try {
      res = await this.fetchImpl(d.serverUrl.replace(/\/+$/, '') + path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${d.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (err) {
      this.online = false;
      throw new AppError('unreachable', `The state server at ${d.serverUrl} cannot be reached (${(err as Error).message}). Check the network and try again.`);
    }
    this.online = true;
    if (res.ok) return (await res.json()) as T;
    let e: SyncErrorBody | null = null;
    try {
      e = (await res.json()) as SyncErrorBody;
    } catch {
      e = null;
    }
    const message = e?.message ?? `The state server answered ${res.status}.`;
    if (e?.error === 'revoked' || e?.error === 'unauthorised' || e?.error === 'forbidden') throw new AppError('forbidden', message);
    if (e?.error === 'not_found') throw new AppError('not_found', message);
    if (e?.error === 'invalid') throw new AppError('invalid_input', message);
    throw new AppError('internal', message);
  }

  async adminOverview(): Promise<SyncAdminOverview> {
    const o = await this.admin<AdminOverview>('/admin/overview');
    const now = this.ctx.now();
    const freshness: PcFreshness[] = getMetaLists(this.ctx).pcs.map((pc) => {
      const buckets = o.freshness.filter((f) => f.pcNo === pc.no);
      const devices = o.devices.filter((d) => d.scope === 'pc' && d.pcNo === pc.no && !d.revokedAt);
      const lastSyncAt = devices.reduce<string | null>((m, d) => (d.lastSyncAt && (!m || d.lastSyncAt > m) ? d.lastSyncAt : m), null);
      const lastChangeAt = buckets.reduce<string | null>((m, f) => (f.lastChangeAt && (!m || f.lastChangeAt > m) ? f.lastChangeAt : m), null);
      return {
        pcNo: pc.no,
        nameEn: pc.nameEn,
        nameHi: pc.nameHi,
        lastChangeAt,
        rows: buckets.reduce((n, f) => n + f.rows, 0),
        lastSyncAt,
        devices: devices.length,
        stale: lastSyncAt === null || now - Date.parse(lastSyncAt) > STALE_AFTER_MS,
      };
    });
    freshness.sort((a, b) => Number(b.stale) - Number(a.stale) || (a.lastSyncAt ?? '').localeCompare(b.lastSyncAt ?? '') || a.pcNo - b.pcNo);
    return {
      devices: o.devices,
      freshness,
      conflicts: o.conflicts.map((c) => ({
        id: c.id,
        table: c.table,
        rowId: c.rowId,
        field: c.field,
        losingValue: MASKED_FIELDS.has(c.field) ? String(maskValue(decode(c.losingValue))) : c.losingValue,
        winningValue: MASKED_FIELDS.has(c.field) ? String(maskValue(decode(c.winningValue))) : c.winningValue,
        losingDevice: o.devices.find((d) => d.id === c.losingDevice)?.name ?? c.losingDevice,
        reason: c.reason,
        at: c.at,
      })),
    };
  }

  adminRegister(input: { name: string; scope: 'pc' | 'state'; pcNo: number | null }): Promise<RegisterDeviceResponse> {
    return this.admin<RegisterDeviceResponse>('/admin/devices', { name: input.name, scope: input.scope, pcNo: input.scope === 'pc' ? input.pcNo : null });
  }

  async adminRevoke(input: { id: string }): Promise<{ revoked: true }> {
    await this.admin<{ ok: true }>(`/admin/devices/${encodeURIComponent(input.id)}/revoke`, {});
    return { revoked: true };
  }
}
