import type { Db } from '../connection';

/**
 * The suggested tour, kept until the scheduler decides (issue 6): one row per suggested visit and one
 * per unmet request with its reason, all from the latest run. A new run replaces the whole set.
 *
 * Local to this device, not synced: a suggestion is the scheduler's working draft — what the other
 * constituencies see is the proposed visit an accepted suggestion becomes, which goes through the sync
 * writer like every other visit. So no hlc / updated_by / deleted columns here.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE visit_suggestions (
      id TEXT PRIMARY KEY,
      seq INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('suggestion','unmet')),
      request_id TEXT NOT NULL,
      leader_id TEXT,
      venue_id TEXT,
      date TEXT,
      start_min INTEGER,
      duration_min INTEGER,
      value REAL,
      reason TEXT,
      blocked INTEGER,
      tried INTEGER,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','rejected')),
      run_ms INTEGER NOT NULL,
      made_at TEXT NOT NULL,
      made_by TEXT NOT NULL
    );
  `);
}
