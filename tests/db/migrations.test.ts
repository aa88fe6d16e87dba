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

describe('migration numbering with gaps', () => {
  it('brings a version-2 database to 6 (3–5 are reserved elsewhere) and adds the sync tables', () => {
    const db = new Database(':memory:');
    for (const m of MIGRATIONS.filter((x) => x.version <= 2)) m.up(db);
    db.pragma('user_version = 2');
    db.prepare("INSERT INTO outbox (table_name, row_id, op, data, hlc) VALUES ('people', 'p1', 'upsert', '{}', 'h')").run();
    expect(migrate(db)).toBe(6);
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare('SELECT fields, base_hlc FROM outbox').get()).toEqual({ fields: null, base_hlc: null });
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('sync_device','sync_cursors','sync_conflicts','sync_rejections')").get()).toEqual({ n: 4 });
    db.close();
  });
});
