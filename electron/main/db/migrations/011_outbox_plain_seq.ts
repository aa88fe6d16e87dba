import type { Db } from '../connection';

/**
 * The outbox's `seq` becomes a plain rowid (no AUTOINCREMENT): AUTOINCREMENT cost about 10 µs on every
 * local write (it reads and rewrites `sqlite_sequence`), most of the outbox's overhead over a plain
 * insert. A plain rowid is reused once the outbox empties, so a seq alone no longer names one
 * operation: the server recognises a retried batch by (device, seq, hlc) — every operation of a device
 * carries its own clock tick — and a reused seq with a new stamp is a new operation.
 * Local rejections no longer take the outbox seq as their key: they are numbered on their own.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE outbox_plain (
      seq INTEGER PRIMARY KEY,
      table_name TEXT NOT NULL,
      row_id TEXT NOT NULL,
      op TEXT NOT NULL CHECK (op IN ('upsert','delete')),
      data TEXT NOT NULL,
      hlc TEXT NOT NULL,
      fields TEXT,
      base_hlc TEXT
    );
    INSERT INTO outbox_plain (seq, table_name, row_id, op, data, hlc, fields, base_hlc)
      SELECT seq, table_name, row_id, op, data, hlc, fields, base_hlc FROM outbox ORDER BY seq;
    DROP TABLE outbox;
    ALTER TABLE outbox_plain RENAME TO outbox;
    DELETE FROM sqlite_sequence WHERE name = 'outbox';
  `);
}
