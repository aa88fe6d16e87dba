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

describe('migration numbering with gaps (parallel branches merge 003/004/006 separately)', () => {
  it('a database from before the ledger (at 2, populated) gets the membership tables and keeps its data', async () => {
    const { up: up1 } = await import('../../electron/main/db/migrations/001_initial');
    const { up: up2 } = await import('../../electron/main/db/migrations/002_dashboard_indexes');
    const db = openDatabase(':memory:');
    up1(db);
    up2(db);
    db.pragma('user_version = 2');
    db.prepare(`INSERT INTO meta (key, value) VALUES ('keep', 'me')`).run();
    expect(migrate(db)).toBe(5);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect((db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version)).toEqual([1, 2, 5]);
    expect(db.prepare(`SELECT value FROM meta WHERE key = 'keep'`).get()).toEqual({ value: 'me' });
    expect(db.prepare(`SELECT count(*) AS n FROM members`).get()).toEqual({ n: 0 });
  });

  it('a migration numbered below the current version but merged later still runs, once', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    let ran = 0;
    const withThree = [...MIGRATIONS, { version: 3, name: 'later_branch', up: (d: typeof db) => { ran++; d.exec('CREATE TABLE later_branch (x TEXT)'); } }];
    expect(migrate(db, withThree)).toBe(5);
    expect(ran).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    migrate(db, withThree);
    expect(ran).toBe(1);
  });
});
