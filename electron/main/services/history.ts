import type { ChangeSummary } from '../../../shared/ipc/views';
import type { Db } from '../db/connection';
import { hasLiveChangeSince, lastUndoableGroup, markGroupUndone, type ChangeLogEntry } from '../db/repositories/changeLog';
import { getKind } from '../db/repositories/committeeKinds';
import { getStoredRow } from '../db/repositories/syncedRows';
import { userName } from '../db/repositories/users';
import { SYNCED_TABLES, type StoredRow, type SyncedTable } from '../db/schema';
import { restoreRow } from '../sync/writer';
import { AppError } from './AppError';
import { inChange, requireUser, type ServiceContext } from './context';

const LEVEL_WORDS: Record<string, { en: string; hi: string }> = {
  state: { en: 'state', hi: 'प्रदेश' },
  district: { en: 'district', hi: 'ज़िला' },
  pc: { en: 'Lok Sabha', hi: 'लोकसभा' },
  ac: { en: 'assembly', hi: 'विधानसभा' },
  block: { en: 'block', hi: 'प्रखंड' },
  mandal: { en: 'mandal', hi: 'मंडल' },
  panchayat: { en: 'panchayat', hi: 'पंचायत' },
  booth: { en: 'booth', hi: 'बूथ' },
};

function parse(image: string | null): StoredRow | null {
  return image ? (JSON.parse(image) as StoredRow) : null;
}

function imageOf(e: ChangeLogEntry): StoredRow | null {
  return parse(e.after) ?? parse(e.before);
}

function unitSubject(db: Db, unitId: string): { en: string; hi: string } | null {
  const u = getStoredRow(db, 'org_units', unitId);
  if (!u) return null;
  const w = LEVEL_WORDS[String(u.level)] ?? { en: String(u.level), hi: String(u.level) };
  const en = String(u.name_en);
  const hi = u.name_hi ? String(u.name_hi) : en;
  return { en: `${en} ${w.en}`, hi: `${hi} ${w.hi}` };
}

function committeeSubject(db: Db, committeeId: string): { en: string; hi: string } | null {
  const c = getStoredRow(db, 'committees', committeeId);
  if (!c) return null;
  const unit = unitSubject(db, String(c.unit_id));
  const kind = getKind(db, String(c.kind_id));
  const kEn = kind?.nameEn ?? String(c.kind_id);
  const kHi = kind?.nameHi ?? kEn;
  return unit ? { en: `${unit.en} — ${kEn}`, hi: `${unit.hi} — ${kHi}` } : { en: kEn, hi: kHi };
}

/** A sentence-sized name for what a change group touched, e.g. "Kanke block — Main committee". */
function subjectOf(db: Db, entries: ChangeLogEntry[]): { en: string; hi: string } {
  const byTable = (t: string) => entries.find((e) => e.tableName === t);
  const committee = byTable('committees');
  if (committee) {
    const s = committeeSubject(db, committee.rowId);
    if (s) return s;
  }
  const appointment = byTable('appointments');
  if (appointment) {
    const img = imageOf(appointment);
    const s = img ? committeeSubject(db, String(img.committee_id)) : null;
    if (s) return s;
  }
  const unit = byTable('org_units');
  if (unit) {
    const s = unitSubject(db, unit.rowId);
    if (s) return s;
  }
  const rule = byTable('completeness_rules');
  if (rule) return { en: `Completeness rule ${rule.rowId}`, hi: `पूर्णता नियम ${rule.rowId}` };
  const kind = byTable('committee_kinds');
  if (kind) {
    const img = imageOf(kind);
    return { en: String(img?.name_en ?? kind.rowId), hi: String(img?.name_hi ?? kind.rowId) };
  }
  return { en: entries[0]?.tableName ?? '', hi: entries[0]?.tableName ?? '' };
}

/** The change groups a user may undo: not their own account's creation (that is who they are, not what they did). */
function undoableGroup(db: Db, userId: string): ChangeLogEntry[] | null {
  const entries = lastUndoableGroup(db, userId);
  if (entries.length === 0) return null;
  if (entries.some((e) => e.tableName === 'users')) return null;
  return entries;
}

function summarise(db: Db, entries: ChangeLogEntry[]): ChangeSummary {
  // Entries are newest first; the action the user took is the one the group started with.
  const first = entries[entries.length - 1];
  const subject = subjectOf(db, entries);
  return {
    id: first.groupId,
    at: first.at,
    userName: userName(db, first.userId) ?? first.userId,
    action: first.action,
    subjectEn: subject.en,
    subjectHi: subject.hi,
  };
}

export function lastChange(ctx: ServiceContext): ChangeSummary | null {
  const user = requireUser(ctx);
  const entries = undoableGroup(ctx.db, user.id);
  return entries ? summarise(ctx.db, entries) : null;
}

/**
 * Undo the current user's newest change: every row it touched goes back to how it was before, in one
 * transaction and one new change group (which syncs like any other write). Both groups are then marked
 * undone, so the undo is not itself offered for undo and the progress history leaves both out.
 * Refused when someone has changed one of those rows since: undoing would silently discard their work.
 */
export function undoLast(ctx: ServiceContext): ChangeSummary | null {
  const user = requireUser(ctx);
  const entries = undoableGroup(ctx.db, user.id);
  if (!entries) return null;
  const result = summarise(ctx.db, entries);

  // Per row: the oldest before-image in the group and the group's newest log entry for it.
  const rows = new Map<string, { table: SyncedTable; id: string; before: StoredRow | null; lastSeq: number }>();
  for (const e of entries) {
    if (!(e.tableName in SYNCED_TABLES)) continue;
    const key = `${e.tableName}:${e.rowId}`;
    const existing = rows.get(key);
    if (existing) existing.before = parse(e.before);
    else rows.set(key, { table: e.tableName as SyncedTable, id: e.rowId, before: parse(e.before), lastSeq: e.seq });
  }
  for (const r of rows.values()) {
    if (hasLiveChangeSince(ctx.db, r.table, r.id, r.lastSeq)) {
      throw new AppError('conflict', 'This change cannot be undone: the same record has been changed again since. Make the correction by hand.');
    }
  }

  inChange(ctx, user.id, (w) => {
    for (const r of rows.values()) restoreRow(w, r.table, r.id, r.before, 'history.undo');
    markGroupUndone(ctx.db, entries[0].groupId);
    markGroupUndone(ctx.db, w.groupId);
  });
  return result;
}
