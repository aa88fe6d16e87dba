import { AppError } from '../../services/AppError';
import type { Db } from '../connection';
import * as m001 from './001_initial';
import * as m002 from './002_dashboard_indexes';
import * as m003 from './003_rosters_directives';
import * as m004 from './004_leader_visits';
import * as m005 from './005_membership';
import * as m006 from './006_sync';
import * as m007 from './007_visit_suggestions';
import * as m008 from './008_progress_reports';
import * as m009 from './009_evidence_files';
import * as m010 from './010_member_totals';
import * as m011 from './011_outbox_plain_seq';
import * as m012 from './012_leader_daylight';

export interface Migration {
  version: number;
  name: string;
  up: (db: Db) => void;
}

/** Numbered and forward-only: append, never edit a shipped migration. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', up: m001.up },
  { version: 2, name: 'dashboard_indexes', up: m002.up },
  { version: 3, name: 'rosters_directives', up: m003.up },
  { version: 4, name: 'leader_visits', up: m004.up },
  { version: 5, name: 'membership', up: m005.up },
  { version: 6, name: 'sync', up: m006.up },
  { version: 7, name: 'visit_suggestions', up: m007.up },
  { version: 8, name: 'progress_reports', up: m008.up },
  { version: 9, name: 'evidence_files', up: m009.up },
  { version: 10, name: 'member_totals', up: m010.up },
  { version: 11, name: 'outbox_plain_seq', up: m011.up },
  { version: 12, name: 'leader_daylight', up: m012.up },
];

/** The migration that introduced the ledger: a database from before the ledger never ran it. */
const LEDGER_ARRIVED_WITH = 5;

export const LATEST_SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

/**
 * Bring the database up to the latest schema, each migration in its own transaction. A database
 * written by a newer version of the app is refused untouched rather than misread.
 *
 * Numbers may have gaps (migrations are written on parallel branches and merged in any order), so
 * `user_version` alone cannot say what ran: a database at 5 may still lack a 3 merged later. The
 * `schema_migrations` ledger records each applied version; a database from before the ledger has
 * every listed version up to its `user_version` except 5, which arrived together with the ledger. `user_version` stays the
 * highest applied version, which is what the newer-database check reads.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = Math.max(...migrations.map((m) => m.version));
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new AppError(
      'newer_database',
      `This database was written by a newer version of Sangathan Control Room (schema ${current}; this version knows up to ${latest}). Install the newer version to open it — the data has not been changed.`,
    );
  }
  const hasLedger = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get() !== undefined;
  if (!hasLedger) {
    db.transaction(() => {
      db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)');
      // Before the ledger, the runner applied every listed version up to user_version; 5 was not listed yet.
      const insert = db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)');
      for (const m of migrations) if (m.version <= current && m.version !== LEDGER_ARRIVED_WITH) insert.run(m.version, m.name);
    })();
  }
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      m.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)').run(m.version, m.name);
      const highest = Math.max(m.version, db.pragma('user_version', { simple: true }) as number);
      db.pragma(`user_version = ${highest}`);
    })();
  }
  return latest;
}
