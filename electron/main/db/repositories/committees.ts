import type { Committee, CommitteeStatus, Role, UnitLevel } from '../../../../shared/domain/types';
import type { Db } from '../connection';

export interface StoredCommittee extends Committee {
  memberCount: number;
  acNo: number | null;
  districtCode: string | null;
}

interface CommitteeRow {
  id: string;
  unit_id: string;
  kind_id: string;
  status: string;
  declared_on: string | null;
  verified_on: string | null;
  declared_by: string | null;
  verified_by: string | null;
  complete: number;
  member_count: number;
  ac_no: number | null;
  district_code: string | null;
}

const COLS = `id, unit_id, kind_id, status, declared_on, verified_on, declared_by, verified_by, complete, member_count, ac_no, district_code`;

const toCommittee = (r: CommitteeRow): StoredCommittee => ({
  id: r.id,
  unitId: r.unit_id,
  kindId: r.kind_id,
  status: r.status as CommitteeStatus,
  declaredOn: r.declared_on,
  verifiedOn: r.verified_on,
  declaredBy: r.declared_by,
  verifiedBy: r.verified_by,
  complete: r.complete === 1,
  memberCount: r.member_count,
  acNo: r.ac_no,
  districtCode: r.district_code,
});

export function getCommittee(db: Db, id: string): StoredCommittee | null {
  const r = db.prepare(`SELECT ${COLS} FROM committees WHERE id = ? AND deleted = 0`).get(id) as CommitteeRow | undefined;
  return r ? toCommittee(r) : null;
}

export function findCommittee(db: Db, unitId: string, kindId: string): StoredCommittee | null {
  const r = db
    .prepare(`SELECT ${COLS} FROM committees WHERE unit_id = ? AND kind_id = ? AND deleted = 0`)
    .get(unitId, kindId) as CommitteeRow | undefined;
  return r ? toCommittee(r) : null;
}

export function committeesOfUnit(db: Db, unitId: string): StoredCommittee[] {
  return (
    db
      .prepare(
        `SELECT ${COLS.split(', ').map((c) => 'c.' + c).join(', ')}
         FROM committees c JOIN committee_kinds k ON k.id = c.kind_id
         WHERE c.unit_id = ? AND c.deleted = 0 ORDER BY k.sort, k.name_en`,
      )
      .all(unitId) as CommitteeRow[]
  ).map(toCommittee);
}

/**
 * Live committees whose completeness follows the rule of these unit levels and this kind category,
 * with the roles they hold — what a rule edit must recompute.
 */
export function committeesForRule(
  db: Db,
  unitLevels: readonly UnitLevel[],
  category: string,
): { id: string; complete: boolean; memberCount: number; roles: Role[] }[] {
  const placeholders = unitLevels.map(() => '?').join(', ');
  const rows = db
    .prepare(
      `SELECT c.id, c.complete, c.member_count, group_concat(a.role) AS roles
       FROM committees c
       JOIN org_units u ON u.id = c.unit_id
       JOIN committee_kinds k ON k.id = c.kind_id
       LEFT JOIN appointments a ON a.committee_id = c.id AND a.deleted = 0
       WHERE c.deleted = 0 AND k.category = ? AND u.level IN (${placeholders})
       GROUP BY c.id`,
    )
    .all(category, ...unitLevels) as { id: string; complete: number; member_count: number; roles: string | null }[];
  return rows.map((r) => ({
    id: r.id,
    complete: r.complete === 1,
    memberCount: r.member_count,
    roles: r.roles ? (r.roles.split(',') as Role[]) : [],
  }));
}
