import type { Db } from '../connection';

/**
 * Sync with the state server. The outbox learns which columns each change set and the row's stamp
 * before it (the server's per-field last-writer-wins and conflict detection need both; entries written
 * before this migration have NULL: "every column"). Local tables: the device credential, one pull
 * cursor per bucket (written in the same transaction as the page it follows), the conflicts the server
 * reported for this constituency, and the changes it refused.
 */
export function up(db: Db): void {
  db.exec(`
    ALTER TABLE outbox ADD COLUMN fields TEXT;
    ALTER TABLE outbox ADD COLUMN base_hlc TEXT;

    CREATE TABLE sync_device (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      server_url TEXT NOT NULL,
      device_id TEXT NOT NULL,
      token TEXT NOT NULL,
      name TEXT NOT NULL,
      scope TEXT NOT NULL,
      pc_no INTEGER,
      enrolled_at TEXT NOT NULL
    );

    CREATE TABLE sync_cursors (
      bucket TEXT PRIMARY KEY,
      seq INTEGER NOT NULL,
      schema_version INTEGER NOT NULL
    );

    CREATE TABLE sync_conflicts (
      id INTEGER PRIMARY KEY,
      bucket TEXT NOT NULL,
      table_name TEXT NOT NULL,
      row_id TEXT NOT NULL,
      field TEXT NOT NULL,
      losing_value TEXT NOT NULL,
      losing_hlc TEXT NOT NULL,
      winning_value TEXT NOT NULL,
      winning_hlc TEXT NOT NULL,
      reason TEXT NOT NULL,
      at TEXT NOT NULL,
      resolved_at TEXT
    );

    CREATE TABLE sync_rejections (
      seq INTEGER PRIMARY KEY,
      table_name TEXT NOT NULL,
      row_id TEXT NOT NULL,
      reason TEXT NOT NULL,
      at TEXT NOT NULL
    );
  `);
}
