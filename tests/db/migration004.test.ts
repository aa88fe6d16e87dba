import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/main/db/connection';
import { LATEST_SCHEMA_VERSION, migrate, MIGRATIONS } from '../../electron/main/db/migrations';

describe('migration 004 (leader visits)', () => {
  it('is listed as version 4, in increasing order', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toContain(4);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('migrates a populated version-2 database to 4, keeping its rows and adding the visit tables', () => {
    const db = openDatabase(':memory:');
    for (const m of MIGRATIONS.filter((x) => x.version <= 2)) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
    db.prepare(`INSERT INTO users (id, name, role, created_at, hlc, updated_by) VALUES ('u1', 'Asha', 'state_admin', '2026-01-01', '1', 'u1')`).run();
    expect(migrate(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect((db.prepare(`SELECT name FROM users`).get() as { name: string }).name).toBe('Asha');
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['leaders', 'venues', 'visit_requests', 'visits', 'poll_schedule', 'planning_settings']));
    // A database that already has 3 (once the parallel migration lands) also moves on to 4.
    const db3 = openDatabase(':memory:');
    for (const m of MIGRATIONS.filter((x) => x.version <= 2)) m.up(db3);
    db3.pragma('user_version = 3');
    expect(migrate(db3)).toBe(LATEST_SCHEMA_VERSION);
    expect((db3.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'visits'`).get() as { n: number }).n).toBe(1);
  });
});
