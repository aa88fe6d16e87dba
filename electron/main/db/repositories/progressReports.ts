import type { Db } from '../connection';

export interface StoredProgressReport {
  id: string;
  unitId: string;
  period: string;
  narrative: string;
  figures: string;
  authorName: string;
  savedAt: string;
}

interface ReportRow {
  id: string;
  unit_id: string;
  period: string;
  narrative: string;
  figures: string;
  author_name: string;
  saved_at: string;
}

const COLS = 'id, unit_id, period, narrative, figures, author_name, saved_at';
const toReport = (r: ReportRow): StoredProgressReport => ({
  id: r.id,
  unitId: r.unit_id,
  period: r.period,
  narrative: r.narrative,
  figures: r.figures,
  authorName: r.author_name,
  savedAt: r.saved_at,
});

/** Live reports, newest period first; of one unit when given. */
export function listProgressReports(db: Db, unitId?: string): StoredProgressReport[] {
  const rows = unitId
    ? (db.prepare(`SELECT ${COLS} FROM progress_reports WHERE deleted = 0 AND unit_id = ? ORDER BY period DESC, saved_at DESC`).all(unitId) as ReportRow[])
    : (db.prepare(`SELECT ${COLS} FROM progress_reports WHERE deleted = 0 ORDER BY period DESC, saved_at DESC`).all() as ReportRow[]);
  return rows.map(toReport);
}

export function progressReportOf(db: Db, unitId: string, period: string): StoredProgressReport | null {
  const r = db.prepare(`SELECT ${COLS} FROM progress_reports WHERE deleted = 0 AND unit_id = ? AND period = ?`).get(unitId, period) as ReportRow | undefined;
  return r ? toReport(r) : null;
}
