import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/main/core';
import { openDatabase } from '../../electron/main/db/connection';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate } from '../../electron/main/db/migrations';
import { AppError } from '../../electron/main/services/AppError';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migrations', () => {
  it('a new database is migrated to the latest version, with the dashboard indexes', () => {
    const db = openDatabase(':memory:');
    expect(migrate(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const idx = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).all() as { name: string }[];
    expect(idx.map((i) => i.name)).toContain('committees_kind_unit');
    // migrating again is a no-op
    expect(migrate(db)).toBe(LATEST_SCHEMA_VERSION);
  });

  it('refuses a database written by a newer version and leaves the file untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scr-mig-'));
    dirs.push(dir);
    const path = join(dir, 'newer.sqlite');
    const raw = new Database(path);
    raw.exec('CREATE TABLE future (x TEXT); INSERT INTO future VALUES (\'keep me\')');
    raw.pragma('user_version = 99');
    raw.close();
    const before = readFileSync(path);
    const mtime = statSync(path).mtimeMs;

    let caught: unknown;
    try {
      createCore({ dbPath: path, resourcesDir: 'resources', mode: 'web' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('newer_database');
    expect((caught as AppError).message).toMatch(/newer version/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(mtime);

    const db = openDatabase(':memory:');
    db.pragma('user_version = 99');
    expect(() => migrate(db)).toThrow(AppError);
  });

  it('a file database is created, migrated and reopened with its data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scr-mig-'));
    dirs.push(dir);
    const path = join(dir, 'app.sqlite');
    const a = createCore({ dbPath: path, resourcesDir: 'resources', mode: 'web' });
    const units = (a.db.prepare('SELECT count(*) AS n FROM org_units').get() as { n: number }).n;
    a.close();
    const b = createCore({ dbPath: path, resourcesDir: 'resources', mode: 'web' });
    expect((b.db.prepare('SELECT count(*) AS n FROM org_units').get() as { n: number }).n).toBe(units);
    b.close();
  });
});

describe('migration ledger (numbers from parallel branches may arrive out of order)', () => {
  it('a database from before the ledger (at 2, populated) gets every later migration and keeps its data', async () => {
    const db = openDatabase(':memory:');
    for (const m of MIGRATIONS.filter((x) => x.version <= 2)) m.up(db);
    db.pragma('user_version = 2');
    db.prepare(`INSERT INTO meta (key, value) VALUES ('keep', 'me')`).run();
    db.prepare("INSERT INTO outbox (table_name, row_id, op, data, hlc) VALUES ('people', 'p1', 'upsert', '{}', 'h')").run();
    expect(migrate(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect((db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version)).toEqual(
      MIGRATIONS.map((m) => m.version),
    );
    expect(db.prepare(`SELECT value FROM meta WHERE key = 'keep'`).get()).toEqual({ value: 'me' });
    expect(db.prepare(`SELECT count(*) AS n FROM members`).get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT fields, base_hlc FROM outbox').get()).toEqual({ fields: null, base_hlc: null });
  });

  it('a database from before the ledger at 6 (3, 4, 6 applied) only gains 5', () => {
    const db = openDatabase(':memory:');
    for (const m of MIGRATIONS.filter((x) => x.version !== 5 && x.version <= 6)) m.up(db);
    db.pragma('user_version = 6');
    expect(migrate(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare(`SELECT count(*) AS n FROM members`).get()).toEqual({ n: 0 });
    expect((db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version)).toEqual(
      MIGRATIONS.map((m) => m.version),
    );
  });

  it('a migration numbered below the current version but merged later still runs, once', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    let ran = 0;
    const later = {
      version: 99,
      name: 'later_branch',
      up: (d: typeof db) => {
        ran++;
        d.exec('CREATE TABLE later_branch (x TEXT)');
      },
    };
    const withLater = [...MIGRATIONS.filter((m) => m.version !== 3), { ...later, version: 3 }];
    db.exec('DELETE FROM schema_migrations WHERE version = 3');
    migrate(db, withLater);
    expect(ran).toBe(1);
    migrate(db, withLater);
    expect(ran).toBe(1);
  });
  it('the outbox keeps its waiting changes and their seqs when its seq becomes a plain rowid (011)', () => {
    const db = openDatabase(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version < 11));
    const add = db.prepare(`INSERT INTO outbox (table_name, row_id, op, data, hlc, fields, base_hlc) VALUES ('people', ?, 'upsert', '{}', ?, '["name_en"]', NULL)`);
    add.run('a', 'h1');
    add.run('b', 'h2');
    db.prepare(`DELETE FROM outbox WHERE row_id = 'a'`).run();
    migrate(db);
    expect(db.prepare('SELECT seq, row_id, hlc, fields FROM outbox').all()).toEqual([{ seq: 2, row_id: 'b', hlc: 'h2', fields: '["name_en"]' }]);
    expect((db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'outbox'`).get() as { sql: string }).sql).not.toMatch(/AUTOINCREMENT/);
    add.run('c', 'h3');
    expect(db.prepare(`SELECT seq FROM outbox WHERE row_id = 'c'`).get()).toEqual({ seq: 3 });
  });
});
