import type { Db } from '../connection';
import { prepared as preparedOnce } from '../statements';

// Lookups of the CSV import (and export): an import runs them once or twice per row, for files of a
// hundred thousand rows, so each statement is prepared once per connection.
const prepared = (db: Db, sql: string) => preparedOnce(db, sql, sql);

export function unitCodeById(db: Db, id: string): string | undefined {
  return (prepared(db, 'SELECT code FROM org_units WHERE id = ?').get(id) as { code: string } | undefined)?.code;
}

/** ac_no → pc_no from the reference assembly constituencies. */
export function pcByAc(db: Db): Map<number, number | null> {
  const rows = prepared(db, "SELECT ac_no, pc_no FROM org_units WHERE level = 'ac' AND deleted = 0").all() as {
    ac_no: number;
    pc_no: number | null;
  }[];
  return new Map(rows.map((r) => [r.ac_no, r.pc_no]));
}

export interface KindRef {
  id: string;
  category: string;
  nameEn: string;
  nameHi: string;
}

export function listKinds(db: Db): KindRef[] {
  return (
    prepared(db, 'SELECT id, category, name_en, name_hi FROM committee_kinds WHERE deleted = 0 ORDER BY sort, id').all() as {
      id: string;
      category: string;
      name_en: string;
      name_hi: string;
    }[]
  ).map((r) => ({ id: r.id, category: r.category, nameEn: r.name_en, nameHi: r.name_hi }));
}

export function listRules(db: Db): { level: string; category: string; requiredRoles: string; minMembers: number }[] {
  return (
    prepared(db, 'SELECT level, category, required_roles, min_members FROM completeness_rules WHERE deleted = 0').all() as {
      level: string;
      category: string;
      required_roles: string;
      min_members: number;
    }[]
  ).map((r) => ({ level: r.level, category: r.category, requiredRoles: r.required_roles, minMembers: r.min_members }));
}

export interface CommitteeRef {
  id: string;
  status: string;
  declaredOn: string | null;
  verifiedOn: string | null;
  declaredBy: string | null;
  verifiedBy: string | null;
}

export function committeeByUnitKind(db: Db, unitId: string, kindId: string): CommitteeRef | undefined {
  const r = prepared(
    db,
    'SELECT id, status, declared_on, verified_on, declared_by, verified_by FROM committees WHERE unit_id = ? AND kind_id = ? AND deleted = 0',
  ).get(unitId, kindId) as
    | { id: string; status: string; declared_on: string | null; verified_on: string | null; declared_by: string | null; verified_by: string | null }
    | undefined;
  return r
    ? { id: r.id, status: r.status, declaredOn: r.declared_on, verifiedOn: r.verified_on, declaredBy: r.declared_by, verifiedBy: r.verified_by }
    : undefined;
}

export interface PersonRef {
  id: string;
  nameEn: string | null;
  nameHi: string | null;
  phone: string | null;
  voterId: string | null;
}

type PersonRow = { id: string; name_en: string | null; name_hi: string | null; phone: string | null; voter_id: string | null };
const toPerson = (r: PersonRow): PersonRef => ({ id: r.id, nameEn: r.name_en, nameHi: r.name_hi, phone: r.phone, voterId: r.voter_id });

/** The oldest live person with this phone (a phone identifies one person). */
export function personByPhone(db: Db, phone: string): PersonRef | undefined {
  const r = prepared(
    db,
    'SELECT id, name_en, name_hi, phone, voter_id FROM people WHERE phone = ? AND deleted = 0 ORDER BY id LIMIT 1',
  ).get(phone) as PersonRow | undefined;
  return r ? toPerson(r) : undefined;
}

/** People appointed to a committee (live appointments), with the role held. */
export function appointeesOfCommittee(db: Db, committeeId: string): (PersonRef & { role: string; appointmentId: string })[] {
  return (
    prepared(
      db,
      `SELECT p.id, p.name_en, p.name_hi, p.phone, p.voter_id, a.role, a.id AS appointment_id
       FROM appointments a JOIN people p ON p.id = a.person_id
       WHERE a.committee_id = ? AND a.deleted = 0 AND p.deleted = 0`,
    ).all(committeeId) as (PersonRow & { role: string; appointment_id: string })[]
  ).map((r) => ({ ...toPerson(r), role: r.role, appointmentId: r.appointment_id }));
}

export function liveRolesOfCommittee(db: Db, committeeId: string): string[] {
  return (
    prepared(db, 'SELECT role FROM appointments WHERE committee_id = ? AND deleted = 0').all(committeeId) as { role: string }[]
  ).map((r) => r.role);
}

export function committeeCounters(db: Db, committeeId: string): { complete: number; memberCount: number } | undefined {
  const r = prepared(db, 'SELECT complete, member_count FROM committees WHERE id = ?').get(committeeId) as
    | { complete: number; member_count: number }
    | undefined;
  return r ? { complete: r.complete, memberCount: r.member_count } : undefined;
}

// --- export ---

export interface UnitExportRow {
  level: string;
  code: string;
  name_en: string;
  name_hi: string | null;
  parent_code: string | null;
  ac_no: number | null;
  closed: number;
}

const LEVEL_ORDER = "CASE u.level WHEN 'block' THEN 1 WHEN 'mandal' THEN 2 WHEN 'panchayat' THEN 3 ELSE 4 END";

/** Importable units (block, mandal, panchayat, booth), parents before children, optionally of one Lok Sabha. */
export function unitsForExport(db: Db, pcNo: number | null): UnitExportRow[] {
  return prepared(
    db,
    `SELECT u.level, u.code, u.name_en, u.name_hi, p.code AS parent_code, u.ac_no, u.closed
     FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id
     WHERE u.deleted = 0 AND u.level IN ('block','mandal','panchayat','booth') AND (@pcNo IS NULL OR u.pc_no = @pcNo)
     ORDER BY ${LEVEL_ORDER}, u.code`,
  ).all({ pcNo }) as UnitExportRow[];
}

export interface CommitteeExportRow {
  unit_code: string;
  kind: string;
  status: string;
  declared_on: string | null;
  verified_on: string | null;
  role: string | null;
  name_en: string | null;
  name_hi: string | null;
  phone: string | null;
  voter_id: string | null;
}

/** One row per live appointment; a committee without office-bearers gets one row with the person columns empty. */
export function committeesForExport(db: Db, pcNo: number | null): CommitteeExportRow[] {
  return prepared(
    db,
    `SELECT u.code AS unit_code, c.kind_id AS kind, c.status, c.declared_on, c.verified_on,
            a.role, p.name_en, p.name_hi, p.phone, p.voter_id
     FROM committees c
     JOIN org_units u ON u.id = c.unit_id
     LEFT JOIN appointments a ON a.committee_id = c.id AND a.deleted = 0
     LEFT JOIN people p ON p.id = a.person_id
     WHERE c.deleted = 0 AND (@pcNo IS NULL OR u.pc_no = @pcNo)
     ORDER BY u.code, c.kind_id, a.id`,
  ).all({ pcNo }) as CommitteeExportRow[];
}
