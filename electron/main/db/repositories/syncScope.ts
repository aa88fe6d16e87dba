import type { Db } from '../connection';
import { prepared } from '../statements';
import { SYNCED_TABLES, type SqlValue, type StoredRow, type SyncedTable } from '../schema';

/** Columns that name an org unit directly. */
const UNIT_COLUMNS = ['unit_id', 'pc_unit_id', 'block_id'];
/** Columns that name a row that itself names an org unit (its `unit_id`). */
const PARENT_COLUMNS: Record<string, 'committees' | 'workshops' | 'meetings'> = {
  committee_id: 'committees',
  workshop_id: 'workshops',
  meeting_id: 'meetings',
};

function pcOfUnit(db: Db, unitId: SqlValue | undefined): number | null {
  if (typeof unitId !== 'string') return null;
  const u = prepared(db, 'scope:unit', 'SELECT pc_no FROM org_units WHERE id = ?').get(unitId) as { pc_no: number | null } | undefined;
  return u?.pc_no ?? null;
}

/**
 * The Lok Sabha constituency of a row that has no assembly constituency and no pc_no column of its own
 * (a Lok Sabha committee and its appointments, a control room, a Lok Sabha meeting and its
 * directives), found through the org unit it belongs to. Null when the row is district- or state-level.
 * The sync bucket of such a row is its Lok Sabha's.
 */
export function lokSabhaOfRow(db: Db, table: SyncedTable, row: StoredRow): number | null {
  const columns = SYNCED_TABLES[table] as readonly string[];
  if (columns.includes('pc_no') || row.ac_no != null) return null;
  for (const c of UNIT_COLUMNS) {
    if (!columns.includes(c)) continue;
    const pc = pcOfUnit(db, row[c]);
    if (pc !== null) return pc;
  }
  for (const [c, parent] of Object.entries(PARENT_COLUMNS)) {
    if (!columns.includes(c) || typeof row[c] !== 'string') continue;
    const p = prepared(db, `scope:${parent}`, `SELECT unit_id FROM ${parent} WHERE id = ?`).get(row[c]) as { unit_id: string | null } | undefined;
    const pc = pcOfUnit(db, p?.unit_id);
    if (pc !== null) return pc;
  }
  return null;
}
