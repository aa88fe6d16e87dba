import type { CommitteeCategory, CommitteeKind } from '../../../../shared/domain/types';
import type { Db } from '../connection';

interface KindRow {
  id: string;
  category: string;
  name_en: string;
  name_hi: string;
  builtin: number;
}

const toKind = (r: KindRow): CommitteeKind => ({
  id: r.id,
  category: r.category as CommitteeCategory,
  nameEn: r.name_en,
  nameHi: r.name_hi,
  builtin: r.builtin === 1,
});

export function listKinds(db: Db): CommitteeKind[] {
  return (
    db
      .prepare('SELECT id, category, name_en, name_hi, builtin FROM committee_kinds WHERE deleted = 0 ORDER BY sort, name_en')
      .all() as KindRow[]
  ).map(toKind);
}

export function getKind(db: Db, id: string): CommitteeKind | null {
  const r = db
    .prepare('SELECT id, category, name_en, name_hi, builtin FROM committee_kinds WHERE id = ? AND deleted = 0')
    .get(id) as KindRow | undefined;
  return r ? toKind(r) : null;
}

export function kindExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM committee_kinds WHERE id = ?').get(id) !== undefined;
}

export function maxKindSort(db: Db): number {
  return (db.prepare('SELECT coalesce(max(sort), 0) AS s FROM committee_kinds').get() as { s: number }).s;
}

export function findKindByName(db: Db, nameEn: string): CommitteeKind | null {
  const r = db
    .prepare('SELECT id, category, name_en, name_hi, builtin FROM committee_kinds WHERE lower(name_en) = lower(?) AND deleted = 0')
    .get(nameEn) as KindRow | undefined;
  return r ? toKind(r) : null;
}
