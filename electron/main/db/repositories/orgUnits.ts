import type { OrgUnit, UnitLevel } from '../../../../shared/domain/types';
import type { Db } from '../connection';
import { prepared } from '../statements';

/** An org unit with the keys the queries roll up by. */
export interface StoredUnit extends OrgUnit {
  blockCode: string | null;
}

interface UnitRow {
  id: string;
  level: string;
  code: string;
  name_en: string;
  name_hi: string | null;
  parent_id: string | null;
  district_code: string | null;
  block_code: string | null;
  ac_no: number | null;
  pc_no: number | null;
  closed: number;
  lat: number | null;
  lon: number | null;
  electors: number | null;
}

const COLS = 'id, level, code, name_en, name_hi, parent_id, district_code, block_code, ac_no, pc_no, closed, lat, lon, electors';
const U_COLS = COLS.split(', ')
  .map((c) => 'u.' + c)
  .join(', ');

/** Hierarchy order for sorting: state first, booth last. */
export const LEVEL_ORDER_SQL = `CASE u.level WHEN 'state' THEN 0 WHEN 'district' THEN 1 WHEN 'pc' THEN 2 WHEN 'ac' THEN 3
  WHEN 'block' THEN 4 WHEN 'mandal' THEN 5 WHEN 'panchayat' THEN 6 ELSE 7 END`;

export const toUnit = (r: UnitRow): StoredUnit => ({
  id: r.id,
  level: r.level as UnitLevel,
  code: r.code,
  nameEn: r.name_en,
  nameHi: r.name_hi,
  parentId: r.parent_id,
  districtCode: r.district_code,
  blockCode: r.block_code,
  acNo: r.ac_no,
  pcNo: r.pc_no,
  closed: r.closed === 1,
  lat: r.lat,
  lon: r.lon,
  electors: r.electors,
});

export function getUnit(db: Db, id: string): StoredUnit | null {
  const r = db.prepare(`SELECT ${COLS} FROM org_units WHERE id = ? AND deleted = 0`).get(id) as UnitRow | undefined;
  return r ? toUnit(r) : null;
}

/** Every live unit of one level, in code order. */
export function listUnitsByLevel(db: Db, level: UnitLevel): StoredUnit[] {
  return (db.prepare(`SELECT ${COLS} FROM org_units WHERE level = ? AND deleted = 0 ORDER BY code`).all(level) as UnitRow[]).map(toUnit);
}

/** A unit by code, tombstoned ones included (a code is never reused; the caller decides). Prepared once: imports call it per row. */
export function getUnitByCodeAnyState(db: Db, code: string): (StoredUnit & { deleted: boolean }) | undefined {
  const r = prepared(db, 'orgUnits.byCodeAny', `SELECT ${COLS}, deleted FROM org_units WHERE code = ?`).get(code) as (UnitRow & { deleted: number }) | undefined;
  return r ? { ...toUnit(r), deleted: r.deleted === 1 } : undefined;
}

export function getUnitByCode(db: Db, code: string): StoredUnit | null {
  const r = db.prepare(`SELECT ${COLS} FROM org_units WHERE code = ? AND deleted = 0`).get(code) as UnitRow | undefined;
  return r ? toUnit(r) : null;
}

export function countUnits(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM org_units WHERE deleted = 0').get() as { n: number }).n;
}

/** Escape LIKE wildcards so a search for "10%" means the text, not a pattern. */
function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

/**
 * Case-insensitive search on English name, Hindi name and code. Codes and names that start with the
 * query come before ones that merely contain it; then hierarchy level, then name.
 */
export function searchUnits(db: Db, q: string, opts: { level?: UnitLevel; pcNo?: number; limit: number }): StoredUnit[] {
  const needle = q.trim().toLowerCase();
  const contains = `%${likeEscape(needle)}%`;
  const prefix = `${likeEscape(needle)}%`;
  const rows = db
    .prepare(
      `SELECT ${U_COLS} FROM org_units u
       WHERE u.deleted = 0
         AND (@q = '' OR lower(u.name_en) LIKE @contains ESCAPE '\\' OR u.name_hi LIKE @contains ESCAPE '\\'
              OR lower(u.code) LIKE @contains ESCAPE '\\')
         AND (@level IS NULL OR u.level = @level)
         AND (@pcNo IS NULL OR u.pc_no = @pcNo)
       ORDER BY ${LEVEL_ORDER_SQL},
         CASE WHEN lower(u.name_en) LIKE @prefix ESCAPE '\\' OR u.name_hi LIKE @prefix ESCAPE '\\' OR lower(u.code) LIKE @prefix ESCAPE '\\' THEN 0 ELSE 1 END,
         u.name_en, u.code
       LIMIT @limit`,
    )
    .all({ q: needle, contains, prefix, level: opts.level ?? null, pcNo: opts.pcNo ?? null, limit: opts.limit }) as UnitRow[];
  return rows.map(toUnit);
}

export function childrenOf(db: Db, parentId: string): StoredUnit[] {
  return (
    db
      .prepare(`SELECT ${U_COLS} FROM org_units u WHERE u.parent_id = ? AND u.deleted = 0 ORDER BY ${LEVEL_ORDER_SQL}, u.name_en`)
      .all(parentId) as UnitRow[]
  ).map(toUnit);
}

export function unitsOfLevel(db: Db, level: UnitLevel, pcNo?: number): StoredUnit[] {
  return (
    db
      .prepare(
        `SELECT ${U_COLS} FROM org_units u WHERE u.level = ? AND u.deleted = 0 AND (? IS NULL OR u.pc_no = ?) ORDER BY u.name_en`,
      )
      .all(level, pcNo ?? null, pcNo ?? null) as UnitRow[]
  ).map(toUnit);
}

export function unitsOfLevelInDistrict(db: Db, level: UnitLevel, districtCode: string): StoredUnit[] {
  return (
    db
      .prepare(`SELECT ${U_COLS} FROM org_units u WHERE u.level = ? AND u.district_code = ? AND u.deleted = 0 ORDER BY u.name_en`)
      .all(level, districtCode) as UnitRow[]
  ).map(toUnit);
}

/** Blocks that have units mapped to this assembly constituency (a block can straddle ACs). */
export function blocksWithUnitsInAc(db: Db, acNo: number): StoredUnit[] {
  return (
    db
      .prepare(
        `SELECT ${U_COLS} FROM org_units u
         WHERE u.level = 'block' AND u.deleted = 0
           AND (u.ac_no = @ac OR u.block_code IN (
                 SELECT DISTINCT x.block_code FROM org_units x
                 WHERE x.ac_no = @ac AND x.deleted = 0 AND x.block_code IS NOT NULL AND x.level <> 'block'))
         ORDER BY u.name_en`,
      )
      .all({ ac: acNo }) as UnitRow[]
  ).map(toUnit);
}

/** Blocks of the given LGD block codes (for roll-up tables). */
export function blocksByCodes(db: Db): Map<string, StoredUnit> {
  const rows = db.prepare(`SELECT ${U_COLS} FROM org_units u WHERE u.level = 'block' AND u.deleted = 0`).all() as UnitRow[];
  const m = new Map<string, StoredUnit>();
  for (const r of rows) if (r.block_code) m.set(r.block_code, toUnit(r));
  return m;
}
