import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * Open the local database with the pragmas the app relies on: WAL so a crash or power cut loses no
 * committed work and readers never block the writer; foreign keys on; NORMAL sync is safe under WAL.
 */
export function openDatabase(path: string, nativeBinding?: string): Db {
  const db = new Database(path, nativeBinding ? { nativeBinding } : {});
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
