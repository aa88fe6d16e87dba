import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/main/db/connection';
import { MIGRATIONS, migrate } from '../../electron/main/db/migrations';

describe('migration 003 (rosters and directives)', () => {
  it('upgrades a populated version-2 database: existing units untouched, the new synced tables empty and writable', () => {
    const db = openDatabase(':memory:');
    // Bring the database to version 2 only, as an installed app of the foundation release left it.
    for (const m of MIGRATIONS.filter((x) => x.version <= 2)) {
      db.transaction(() => {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      })();
    }
    // Rows as the foundation release wrote them (raw: today's writer expects later columns, e.g. outbox.fields).
    const insertUnit = db.prepare(
      `INSERT INTO org_units (id, level, code, name_en, parent_id, district_code, block_code, source, hlc, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'reference', '000000000000001-00000-n', 'system')`,
    );
    insertUnit.run('s', 'state', 'S-JH', 'Jharkhand', null, null, null);
    insertUnit.run('d', 'district', 'D-355', 'Bokaro', 's', '355', null);
    insertUnit.run('b', 'block', 'B-3064', 'Bermo', 'd', '355', '3064');
    const before = (db.prepare('SELECT count(*) AS n FROM org_units').get() as { n: number }).n;

    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(3);
    expect((db.prepare('SELECT count(*) AS n FROM org_units').get() as { n: number }).n).toBe(before);
    for (const table of ['party_offices', 'speakers', 'team_members', 'whatsapp_groups', 'control_rooms', 'meetings', 'directives', 'directive_marks']) {
      const cols = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      expect(cols, table).toEqual(expect.arrayContaining(['id', 'hlc', 'updated_by', 'deleted', 'ac_no', 'district_code']));
      expect((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n).toBe(0);
    }
    // A directive needs exactly one kind of deadline.
    const block = db.prepare(`SELECT id FROM org_units WHERE level = 'state'`).get() as { id: string };
    db.prepare(`INSERT INTO meetings (id, held_on, level, unit_id, mode, hlc, updated_by) VALUES ('m', '2026-01-10', 'state', ?, 'virtual', '1', 'u')`).run(block.id);
    expect(() =>
      db
        .prepare(`INSERT INTO directives (id, meeting_id, text_en, target_level, deadline_date, deadline_days, done_rule, hlc, updated_by) VALUES ('d', 'm', 'x', 'block', '2026-02-01', 30, 'manual', '1', 'u')`)
        .run(),
    ).toThrow(/CHECK/);
  });
});
