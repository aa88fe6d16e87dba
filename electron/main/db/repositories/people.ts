import type { Db } from '../connection';

/** A person as stored, with the raw phone and voter id: never return this to the renderer unmasked. */
export interface StoredPerson {
  id: string;
  nameEn: string | null;
  nameHi: string | null;
  phone: string | null;
  voterId: string | null;
}

interface PersonRow {
  id: string;
  name_en: string | null;
  name_hi: string | null;
  phone: string | null;
  voter_id: string | null;
}

const toPerson = (r: PersonRow): StoredPerson => ({
  id: r.id,
  nameEn: r.name_en,
  nameHi: r.name_hi,
  phone: r.phone,
  voterId: r.voter_id,
});

export function getPerson(db: Db, id: string): StoredPerson | null {
  const r = db.prepare('SELECT id, name_en, name_hi, phone, voter_id FROM people WHERE id = ? AND deleted = 0').get(id) as
    | PersonRow
    | undefined;
  return r ? toPerson(r) : null;
}

/** The oldest live person with this (normalised) phone: the one a new entry should reuse. */
export function findPersonByPhone(db: Db, phone: string): StoredPerson | null {
  const r = db
    .prepare('SELECT id, name_en, name_hi, phone, voter_id FROM people WHERE phone = ? AND deleted = 0 ORDER BY id LIMIT 1')
    .get(phone) as PersonRow | undefined;
  return r ? toPerson(r) : null;
}
