import { AppError } from '../../services/AppError';
import type { Db } from '../connection';
import * as m001 from './001_initial';
import * as m002 from './002_dashboard_indexes';
import * as m003 from './003_rosters_directives';
import * as m004 from './004_leader_visits';
import * as m006 from './006_sync';

interface Migration {
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
  { version: 6, name: 'sync', up: m006.up },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/**
 * Bring the database up to the latest schema, each migration in its own transaction. A database
 * written by a newer version of the app is refused untouched rather than misread.
 */
export function migrate(db: Db): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_SCHEMA_VERSION) {
    throw new AppError(
      'newer_database',
      `This database was written by a newer version of Sangathan Control Room (schema ${current}; this version knows up to ${LATEST_SCHEMA_VERSION}). Install the newer version to open it — the data has not been changed.`,
    );
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return LATEST_SCHEMA_VERSION;
}
