import type { Db } from '../connection';

export interface StoredEvidence {
  id: string;
  directiveId: string;
  unitId: string;
  fileName: string;
  mime: string;
  size: number;
  authorName: string;
  savedAt: string;
}

interface EvidenceRow {
  id: string;
  directive_id: string;
  unit_id: string;
  file_name: string;
  mime: string;
  size: number;
  author_name: string;
  saved_at: string;
}

const toEvidence = (r: EvidenceRow): StoredEvidence => ({
  id: r.id,
  directiveId: r.directive_id,
  unitId: r.unit_id,
  fileName: r.file_name,
  mime: r.mime,
  size: r.size,
  authorName: r.author_name,
  savedAt: r.saved_at,
});

const COLS = 'id, directive_id, unit_id, file_name, mime, size, author_name, saved_at';

export function insertEvidence(db: Db, e: StoredEvidence, data: Buffer): void {
  db.prepare(`INSERT INTO evidence_files (id, directive_id, unit_id, file_name, mime, size, data, author_name, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    e.id,
    e.directiveId,
    e.unitId,
    e.fileName,
    e.mime,
    e.size,
    data,
    e.authorName,
    e.savedAt,
  );
}

/** The files of one directive (without their contents), oldest first. */
export function evidenceOfDirective(db: Db, directiveId: string): StoredEvidence[] {
  return (db.prepare(`SELECT ${COLS} FROM evidence_files WHERE directive_id = ? ORDER BY saved_at, id`).all(directiveId) as EvidenceRow[]).map(toEvidence);
}

export function evidenceFile(db: Db, id: string): (StoredEvidence & { data: Buffer }) | null {
  const r = db.prepare(`SELECT ${COLS}, data FROM evidence_files WHERE id = ?`).get(id) as (EvidenceRow & { data: Buffer }) | undefined;
  return r ? { ...toEvidence(r), data: r.data } : null;
}
