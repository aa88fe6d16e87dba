import type { Db } from '../connection';

/** Codes of every org unit already stored (tombstoned ones too: a code is never reused). */
export function unitIdsByCode(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT id, code FROM org_units').all() as { id: string; code: string }[];
  return new Map(rows.map((r) => [r.code, r.id]));
}

export function committeeKindIds(db: Db): Set<string> {
  return new Set((db.prepare('SELECT id FROM committee_kinds').all() as { id: string }[]).map((r) => r.id));
}

export function completenessRuleIds(db: Db): Set<string> {
  return new Set((db.prepare('SELECT id FROM completeness_rules').all() as { id: string }[]).map((r) => r.id));
}

/** The reference units the demo generator builds on. */
export interface ReferenceUnitRow {
  id: string;
  level: string;
  code: string;
  nameEn: string;
  nameHi: string | null;
  parentId: string | null;
  districtCode: string | null;
  blockCode: string | null;
  acNo: number | null;
  pcNo: number | null;
  lat: number | null;
  lon: number | null;
  electors: number | null;
}

export function listUnitsOfLevel(db: Db, level: string): ReferenceUnitRow[] {
  const rows = db
    .prepare(
      `SELECT id, level, code, name_en, name_hi, parent_id, district_code, block_code, ac_no, pc_no, lat, lon, electors
       FROM org_units WHERE level = ? AND deleted = 0 ORDER BY code`,
    )
    .all(level) as {
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
    lat: number | null;
    lon: number | null;
    electors: number | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    level: r.level,
    code: r.code,
    nameEn: r.name_en,
    nameHi: r.name_hi,
    parentId: r.parent_id,
    districtCode: r.district_code,
    blockCode: r.block_code,
    acNo: r.ac_no,
    pcNo: r.pc_no,
    lat: r.lat,
    lon: r.lon,
    electors: r.electors,
  }));
}

/** How many units exist that a previous demo run (or an import) created below the reference levels. */
export function countUnitsBySource(db: Db, source: string): number {
  return (db.prepare('SELECT count(*) AS n FROM org_units WHERE source = ?').get(source) as { n: number }).n;
}
