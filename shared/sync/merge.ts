import { canTransition } from '../domain/committeeStatus';
import type { CommitteeStatus } from '../domain/types';
import { canVisitTransition } from '../domain/visits/status';
import type { VisitStatus } from '../domain/visits/types';
import { STATE_OWNED_TABLES, acBucket, districtBucket, pcBucket, type PushOp } from './protocol';

/**
 * The server's conflict rules, as one pure function (shared so tests and tools can reason about them):
 *
 * - Last writer wins per field: the server keeps a stamp per column; a column an operation set is taken
 *   when the operation's stamp is newer than the column's.
 * - Deletes win: a tombstone is taken whatever its stamp, and a later change to other columns never
 *   brings the row back. Only an explicit undelete (undo of a delete) newer than the tombstone does.
 * - Committee and visit status only move along their state machines (shared/domain/committeeStatus.ts,
 *   shared/domain/visits/status.ts): a newer status that is not a legal step from the current one loses,
 *   and is kept as a conflict (reason 'status').
 * - A row may move to another bucket when its scope keys (ac_no, pc_no, district_code, scope_pc) change — a
 *   visit moved to a ground in another constituency, say: the merged row's bucket is computed again and
 *   the storage leaves a "moved" marker in the old bucket, so a room that reads only the old one drops
 *   its copy. A unit's scope keys and source never change (every row below it carries them).
 * - A value that loses to a concurrent change (the column changed on the server after the device's base)
 *   is kept as a conflict so an operator can restore it.
 */

export type Scalar = string | number | null;
export type RowData = Record<string, Scalar>;

export interface ServerRow {
  table: string;
  id: string;
  bucket: string;
  data: RowData;
  /** Per-column stamps; `deleted` has its own. */
  stamps: Record<string, string>;
  hlc: string;
  deleted: number;
}

/** Why a value lost: a newer change, an illegal status step, or a delete. */
export const CONFLICT_REASONS = ['older', 'status', 'deleted'] as const;
export type ConflictReason = (typeof CONFLICT_REASONS)[number];

export interface LostValue {
  field: string;
  losingValue: Scalar;
  losingHlc: string;
  winningValue: Scalar;
  winningHlc: string;
  reason: ConflictReason;
}

export type MergeDecision =
  | { kind: 'rejected'; reason: string }
  | { kind: 'applied' | 'superseded'; row: ServerRow; changed: boolean; lost: LostValue[] };

/** Tables whose `status` column follows a state machine, and its legal steps. */
const STATUS_MACHINES: Record<string, (from: string, to: string) => boolean> = {
  committees: (from, to) => canTransition(from as CommitteeStatus, to as CommitteeStatus),
  visits: (from, to) => canVisitTransition(from as VisitStatus, to as VisitStatus),
};

const IMMUTABLE: Record<string, string[]> = { org_units: ['ac_no', 'pc_no', 'district_code', 'source'] };

const positive = (v: Scalar | undefined): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

/**
 * The bucket a row belongs to. State-owned tables and the reference geography: the state's. Otherwise
 * the narrowest scope the row carries: its assembly constituency; else its Lok Sabha constituency
 * (`pc_no`, or `scope_pc` of a member import — rows of a whole Lok Sabha, like its control room or its
 * committee); else its district (a district office's rows); else the state's (rows the state office
 * issued for everyone, like state directives and leaders).
 */
export function bucketOf(table: string, data: RowData): string {
  if ((STATE_OWNED_TABLES as readonly string[]).includes(table)) return 'state';
  if (table === 'org_units' && data.source === 'reference') return 'state';
  if (positive(data.ac_no)) return acBucket(data.ac_no);
  if (positive(data.pc_no)) return pcBucket(data.pc_no);
  if (positive(data.scope_pc)) return pcBucket(data.scope_pc);
  const district = data.district_code;
  if (typeof district === 'string' && /^[0-9A-Za-z]{1,12}$/.test(district)) return districtBucket(district);
  return 'state';
}

function sameValue(a: Scalar | undefined, b: Scalar | undefined): boolean {
  return (a ?? null) === (b ?? null);
}

/** Apply one pushed operation to the server's copy of the row (null: not seen yet). */
export function mergeOp(existing: ServerRow | null, op: PushOp): MergeDecision {
  const incomingDeleted = op.op === 'delete' ? 1 : Number(op.data.deleted ?? 0) === 1 ? 1 : 0;
  const payload: RowData = { ...op.data };
  delete payload.id;
  delete payload.hlc;
  delete payload.deleted;

  if (!existing) {
    const stamps: Record<string, string> = { deleted: op.hlc };
    for (const k of Object.keys(payload)) stamps[k] = op.hlc;
    return {
      kind: 'applied',
      changed: true,
      lost: [],
      row: { table: op.table, id: op.id, bucket: bucketOf(op.table, payload), data: payload, stamps, hlc: op.hlc, deleted: incomingDeleted },
    };
  }

  for (const k of IMMUTABLE[op.table] ?? []) {
    if (k in existing.data && k in payload && !sameValue(existing.data[k], payload[k])) {
      return { kind: 'rejected', reason: `The ${k} of a row cannot change once it is synced (row ${op.id} in ${op.table}).` };
    }
  }

  const data: RowData = { ...existing.data };
  const stamps = { ...existing.stamps };
  let deleted = existing.deleted;
  let applied = false;
  let changed = false;
  const lost: LostValue[] = [];
  // "Concurrent": the column changed on the server after the state this change was based on. Stamps of
  // different machines do not show causality, so a stamp from a third machine counts as concurrent too.
  const nodeOf = (h: string | null) => (h ? h.slice(22) : '');
  const concurrent = (field: string) => {
    const stamp = stamps[field] ?? '';
    if (op.baseHlc === null || stamp > op.baseHlc) return true;
    return nodeOf(stamp) !== nodeOf(op.hlc) && nodeOf(stamp) !== nodeOf(op.baseHlc);
  };

  const fields = new Set(op.fields.filter((f) => f !== 'id' && f !== 'hlc' && f !== 'updated_by'));
  if (op.op === 'delete') fields.add('deleted');
  // Columns a newer client sent that the server has never seen are taken as set by this change.
  for (const k of Object.keys(payload)) if (!(k in data)) fields.add(k);

  for (const f of fields) {
    if (f === 'deleted') {
      const stamp = stamps.deleted ?? '';
      if (incomingDeleted === deleted) {
        applied = true;
        if (op.hlc > stamp) stamps.deleted = op.hlc;
      } else if (incomingDeleted === 1 || op.hlc > stamp) {
        // Deletes win whatever their stamp; an undelete only when newer than the tombstone.
        deleted = incomingDeleted;
        stamps.deleted = op.hlc > stamp ? op.hlc : stamp;
        applied = changed = true;
      } else {
        lost.push({ field: f, losingValue: incomingDeleted, losingHlc: op.hlc, winningValue: deleted, winningHlc: stamp, reason: 'deleted' });
      }
      continue;
    }
    const incoming = payload[f] ?? null;
    const current = data[f] ?? null;
    const stamp = stamps[f] ?? '';
    if (sameValue(incoming, current)) {
      applied = true;
      continue;
    }
    const legalStep = f === 'status' ? STATUS_MACHINES[op.table] : undefined;
    if (legalStep && typeof current === 'string' && typeof incoming === 'string') {
      if (op.hlc > stamp && !legalStep(current, incoming)) {
        lost.push({ field: f, losingValue: incoming, losingHlc: op.hlc, winningValue: current, winningHlc: stamp, reason: 'status' });
        continue;
      }
    }
    if (op.hlc > stamp) {
      if (stamp && concurrent(f)) {
        lost.push({ field: f, losingValue: current, losingHlc: stamp, winningValue: incoming, winningHlc: op.hlc, reason: 'older' });
      }
      data[f] = incoming;
      stamps[f] = op.hlc;
      applied = changed = true;
    } else if (concurrent(f)) {
      lost.push({ field: f, losingValue: incoming, losingHlc: op.hlc, winningValue: current, winningHlc: stamp, reason: 'older' });
    }
  }
  if (fields.size === 0) applied = true;

  const hlc = Object.values(stamps).reduce((a, b) => (b > a ? b : a), existing.hlc);
  return {
    kind: applied ? 'applied' : 'superseded',
    changed,
    lost,
    row: { ...existing, bucket: bucketOf(op.table, data), data, stamps, hlc, deleted },
  };
}
