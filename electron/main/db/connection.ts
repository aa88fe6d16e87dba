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

/**
 * Give this connection a page cache of `mib` MiB until the returned function puts the old size back.
 * A bulk write into a large indexed table (the member import) spends its time re-reading index pages
 * evicted from the default 2 MiB cache. Only memory changes: journal and sync settings stay as they are.
 */
export function enlargePageCache(db: Db, mib: number): () => void {
  const before = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${-Math.round(mib * 1024)}`);
  return () => {
    db.pragma(`cache_size = ${before}`);
  };
}
