import type { Db } from '../connection';

/**
 * Files attached as evidence to a directive's manual mark (photo or PDF, ≤ 5 MB), kept in this database keyed by
 * id. Local to this computer like `users`: the note of the mark syncs, the file itself does not travel.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE evidence_files (
      id TEXT PRIMARY KEY,
      directive_id TEXT NOT NULL REFERENCES directives(id),
      unit_id TEXT NOT NULL REFERENCES org_units(id),
      file_name TEXT NOT NULL,
      mime TEXT NOT NULL,
      size INTEGER NOT NULL,
      data BLOB NOT NULL,
      author_name TEXT NOT NULL,
      saved_at TEXT NOT NULL
    );
    CREATE INDEX evidence_files_directive ON evidence_files(directive_id, unit_id);
  `);
}
