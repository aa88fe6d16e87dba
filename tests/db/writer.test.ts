import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/main/db/connection';
import { migrate } from '../../electron/main/db/migrations';
import { LocalClock } from '../../electron/main/sync/clock';
import { beginChange, insertRow, newId, tombstoneRow, upsertRow } from '../../electron/main/sync/writer';

function fresh(): { db: Db; clock: LocalClock } {
  const db = openDatabase(':memory:');
  migrate(db);
  return { db, clock: LocalClock.open(db, () => Date.UTC(2026, 0, 1)) };
}

const count = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function addKind(db: Db, clock: LocalClock, id: string, nameEn: string) {
  db.transaction(() => {
    const w = beginChange(db, clock, 'u1', '2026-01-01T00:00:00.000Z');
    upsertRow(w, 'committee_kinds', id, { category: 'frontal', name_en: nameEn, name_hi: 'युवा', builtin: 0, sort: 10 }, 'kind.add');
  })();
}

describe('sync writer', () => {
  it('each write stores the row, one outbox entry and one change-log entry, stamped with clock and user', () => {
    const { db, clock } = fresh();
    addKind(db, clock, 'youth', 'Youth wing');
    const row = db.prepare('SELECT * FROM committee_kinds WHERE id = ?').get('youth') as Record<string, unknown>;
    expect(row.name_en).toBe('Youth wing');
    expect(row.updated_by).toBe('u1');
    expect(String(row.hlc)).toMatch(/^\d{15}-\d{5}-/);
    const outbox = db.prepare('SELECT * FROM outbox').all() as { row_id: string; op: string; hlc: string; data: string }[];
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ row_id: 'youth', op: 'upsert', hlc: row.hlc });
    expect(JSON.parse(outbox[0].data).name_en).toBe('Youth wing');
    const log = db.prepare('SELECT * FROM change_log').all() as { before: string | null; after: string; user_id: string }[];
    expect(log).toHaveLength(1);
    expect(log[0].before).toBeNull();
    expect(log[0].user_id).toBe('u1');
  });

  it('writing the same values again writes nothing (re-imports are no-ops)', () => {
    const { db, clock } = fresh();
    addKind(db, clock, 'youth', 'Youth wing');
    addKind(db, clock, 'youth', 'Youth wing');
    expect(count(db, 'outbox')).toBe(1);
    expect(count(db, 'change_log')).toBe(1);
    addKind(db, clock, 'youth', 'Yuva Morcha');
    expect(count(db, 'outbox')).toBe(2);
    const log = db.prepare('SELECT before, after FROM change_log ORDER BY seq').all() as { before: string; after: string }[];
    expect(JSON.parse(log[1].before).name_en).toBe('Youth wing');
    expect(JSON.parse(log[1].after).name_en).toBe('Yuva Morcha');
  });

  it('deleting keeps the row as a tombstone and queues a delete for sync', () => {
    const { db, clock } = fresh();
    addKind(db, clock, 'youth', 'Youth wing');
    db.transaction(() => tombstoneRow(beginChange(db, clock, 'u1', '2026-01-01T00:00:00.000Z'), 'committee_kinds', 'youth', 'kind.remove'))();
    const row = db.prepare('SELECT deleted FROM committee_kinds WHERE id = ?').get('youth') as { deleted: number };
    expect(row.deleted).toBe(1);
    const last = db.prepare('SELECT op FROM outbox ORDER BY seq DESC LIMIT 1').get() as { op: string };
    expect(last.op).toBe('delete');
  });

  it('a failure inside the transaction leaves no row, no outbox entry and no change-log entry', () => {
    const { db, clock } = fresh();
    expect(() =>
      db.transaction(() => {
        const w = beginChange(db, clock, 'u1', '2026-01-01T00:00:00.000Z');
        insertRow(w, 'committee_kinds', 'youth', { category: 'frontal', name_en: 'Youth', name_hi: 'युवा', builtin: 0, sort: 1 }, 'kind.add');
        // the same id again violates the primary key: the whole action must roll back
        insertRow(w, 'committee_kinds', 'youth', { category: 'frontal', name_en: 'Youth', name_hi: 'युवा', builtin: 0, sort: 1 }, 'kind.add');
      })(),
    ).toThrow();
    expect(count(db, 'committee_kinds')).toBe(0);
    expect(count(db, 'outbox')).toBe(0);
    expect(count(db, 'change_log')).toBe(0);
  });

  it('row ids are UUIDv7: well-formed, all different and in the order they were made', () => {
    const made = Array.from({ length: 5000 }, () => newId());
    for (const id of made) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(made).size).toBe(made.length);
    expect([...made].sort()).toEqual(made);
  });

  it('refuses to write outside a transaction', () => {
    const { db, clock } = fresh();
    const w = beginChange(db, clock, 'u1', '2026-01-01T00:00:00.000Z');
    expect(() => upsertRow(w, 'committee_kinds', newId(), { name_en: 'x' }, 'x')).toThrow(/transaction/);
  });

  it('the clock resumes after the newest logged stamp when reopened with a wall clock set back', () => {
    const { db, clock } = fresh();
    addKind(db, clock, 'youth', 'Youth wing');
    const first = (db.prepare('SELECT hlc FROM committee_kinds').get() as { hlc: string }).hlc;
    const reopened = LocalClock.open(db, () => Date.UTC(2020, 0, 1));
    expect(reopened.tick() > first).toBe(true);
  });
});
