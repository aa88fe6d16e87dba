import type { UnitLevel } from '../../../../shared/domain/types';
import type { Db } from '../connection';
import { listUnitsByLevel, type StoredUnit } from './orgUnits';

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
export type ReferenceUnitRow = StoredUnit;

export function listUnitsOfLevel(db: Db, level: UnitLevel): StoredUnit[] {
  return listUnitsByLevel(db, level);
}

/** How many units exist that a previous demo run (or an import) created below the reference levels. */
export function countUnitsBySource(db: Db, source: string): number {
  return (db.prepare('SELECT count(*) AS n FROM org_units WHERE source = ?').get(source) as { n: number }).n;
}
