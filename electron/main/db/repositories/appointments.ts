import type { Role } from '../../../../shared/domain/types';
import type { Db } from '../connection';
import type { StoredPerson } from './people';

export interface StoredAppointment {
  id: string;
  committeeId: string;
  personId: string;
  role: Role;
  person: StoredPerson;
}

interface AppointmentRow {
  id: string;
  committee_id: string;
  person_id: string;
  role: string;
  name_en: string | null;
  name_hi: string | null;
  phone: string | null;
  voter_id: string | null;
}

const toAppointment = (r: AppointmentRow): StoredAppointment => ({
  id: r.id,
  committeeId: r.committee_id,
  personId: r.person_id,
  role: r.role as Role,
  person: { id: r.person_id, nameEn: r.name_en, nameHi: r.name_hi, phone: r.phone, voterId: r.voter_id },
});

const ROLE_ORDER = `CASE a.role WHEN 'president' THEN 0 WHEN 'vice_president' THEN 1 WHEN 'general_secretary' THEN 2
  WHEN 'secretary' THEN 3 WHEN 'treasurer' THEN 4 WHEN 'spokesperson' THEN 5 WHEN 'convenor' THEN 6 WHEN 'bla' THEN 7 ELSE 8 END`;

export function appointmentsOfCommittee(db: Db, committeeId: string): StoredAppointment[] {
  return (
    db
      .prepare(
        `SELECT a.id, a.committee_id, a.person_id, a.role, p.name_en, p.name_hi, p.phone, p.voter_id
         FROM appointments a JOIN people p ON p.id = a.person_id
         WHERE a.committee_id = ? AND a.deleted = 0
         ORDER BY ${ROLE_ORDER}, coalesce(p.name_en, p.name_hi), a.id`,
      )
      .all(committeeId) as AppointmentRow[]
  ).map(toAppointment);
}

export function getAppointment(db: Db, id: string): { id: string; committeeId: string; personId: string; role: Role } | null {
  const r = db
    .prepare('SELECT id, committee_id, person_id, role FROM appointments WHERE id = ? AND deleted = 0')
    .get(id) as { id: string; committee_id: string; person_id: string; role: string } | undefined;
  return r ? { id: r.id, committeeId: r.committee_id, personId: r.person_id, role: r.role as Role } : null;
}

/** Roles held in one committee (one entry per live appointment). */
export function rolesOfCommittee(db: Db, committeeId: string): Role[] {
  return (
    db.prepare('SELECT role FROM appointments WHERE committee_id = ? AND deleted = 0').all(committeeId) as { role: string }[]
  ).map((r) => r.role as Role);
}

export function hasAppointment(db: Db, committeeId: string, personId: string, role: Role): boolean {
  return (
    db
      .prepare('SELECT 1 FROM appointments WHERE committee_id = ? AND person_id = ? AND role = ? AND deleted = 0')
      .get(committeeId, personId, role) !== undefined
  );
}

export interface PostRow {
  committeeId: string;
  unitNameEn: string;
  unitNameHi: string | null;
  kindNameEn: string;
  kindNameHi: string;
  role: Role;
}

/** Every live post a person holds, with where it is. */
export function postsOfPerson(db: Db, personId: string): PostRow[] {
  return (
    db
      .prepare(
        `SELECT a.committee_id, u.name_en AS unit_en, u.name_hi AS unit_hi, k.name_en AS kind_en, k.name_hi AS kind_hi, a.role
         FROM appointments a
         JOIN committees c ON c.id = a.committee_id AND c.deleted = 0
         JOIN org_units u ON u.id = c.unit_id
         JOIN committee_kinds k ON k.id = c.kind_id
         WHERE a.person_id = ? AND a.deleted = 0
         ORDER BY u.name_en, k.sort`,
      )
      .all(personId) as { committee_id: string; unit_en: string; unit_hi: string | null; kind_en: string; kind_hi: string; role: string }[]
  ).map((r) => ({
    committeeId: r.committee_id,
    unitNameEn: r.unit_en,
    unitNameHi: r.unit_hi,
    kindNameEn: r.kind_en,
    kindNameHi: r.kind_hi,
    role: r.role as Role,
  }));
}
