import type { Db } from '../connection';

/**
 * Progress reports: the periodic report of a Lok Sabha in-charge or district president — one per unit and month,
 * the narrative as written, who saved it and when, and the headline figures as they stood at that save
 * (JSON, read and written whole). Synced like the other rosters.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE progress_reports (
      id TEXT PRIMARY KEY,
      unit_id TEXT NOT NULL REFERENCES org_units(id),
      period TEXT NOT NULL,
      narrative TEXT NOT NULL DEFAULT '',
      figures TEXT NOT NULL DEFAULT '{}',
      author_name TEXT NOT NULL,
      saved_at TEXT NOT NULL,
      ac_no INTEGER,
      district_code TEXT,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE UNIQUE INDEX progress_reports_unit_period ON progress_reports(unit_id, period) WHERE deleted = 0;
  `);
}
