import type { DeviceInfo, PcFiguresRecord } from '../sync/protocol';

/** Why the last sync failed; the renderer translates by code and shows the server's sentence too. */
export const SYNC_ERROR_CODES = ['unreachable', 'revoked', 'unauthorised', 'update_required', 'refused', 'not_enrolled', 'server_error', 'internal'] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export interface SyncRejectionView {
  seq: number;
  table: string;
  rowId: string;
  reason: string;
  at: string;
}

/** Everything the header's sync status and the Sync page show. */
export interface SyncStatusView {
  serverUrl: string | null;
  intervalMinutes: number;
  enrolled: boolean;
  device: { id: string; name: string; scope: 'pc' | 'state'; pcNo: number | null; enrolledAt: string } | null;
  /** As last seen: true after a request reached the server, false after it could not; null before any attempt. */
  online: boolean | null;
  lastSyncAt: string | null;
  lastAttemptAt: string | null;
  /** Local changes waiting to be sent (the outbox). */
  waiting: number;
  running: boolean;
  /** True until the first sync has finished (drives the first-sync progress bar). */
  firstSync: boolean;
  progress: { phase: 'push' | 'pull'; done: number; total: number } | null;
  lastError: { code: SyncErrorCode; message: string; at: string } | null;
  /** When the next automatic sync is due (null: none planned — not enrolled, running, or stopped by an error only a person can fix). */
  nextAutoSyncAt: string | null;
  clockWarning: string | null;
  openConflicts: number;
  /** How many changes the server refused in the last run (the header names the newest). */
  refusedInLastRun: number;
  /** Changes the server refused, newest first. */
  rejections: SyncRejectionView[];
}

export interface ConflictView {
  id: number;
  table: string;
  rowId: string;
  field: string;
  /** A name for the row a person recognises (unit or committee name), when there is one. */
  rowLabel: string | null;
  /** JSON-decoded values. */
  keptValue: string | number | null;
  currentValue: string | number | null;
  /** When the losing value was written (from its clock stamp) and when the server decided. */
  lostAt: string | null;
  /** The losing value was written on this computer (otherwise on another control room). */
  lostHere: boolean;
  decidedAt: string;
  reason: string;
}

export interface SyncAdminOverview {
  devices: DeviceInfo[];
  /** One row per Lok Sabha constituency, stale ones first. */
  freshness: PcFreshness[];
  conflicts: { id: number; table: string; rowId: string; field: string; losingValue: string; winningValue: string; losingDevice: string; reason: string; at: string }[];
}

export interface PcFreshness {
  pcNo: number;
  nameEn: string;
  nameHi: string | null;
  /** Newest change the server holds for the constituency's assembly constituencies. */
  lastChangeAt: string | null;
  rows: number;
  /** Newest sync by a control room of this Lok Sabha (not revoked). */
  lastSyncAt: string | null;
  devices: number;
  /** Not synced for a day, or never. */
  stale: boolean;
}

/** Every Lok Sabha's headline figures as the state server last gave them (the state-wide comparison). */
export interface StateFiguresView {
  /** When this computer last fetched them (its last sync); null: never. */
  asOf: string | null;
  /** This computer's Lok Sabha, highlighted in the comparison; null on a state device or when not enrolled. */
  ownPcNo: number | null;
  rows: (PcFiguresRecord & { nameEn: string; nameHi: string })[];
}
