import { createHash } from 'node:crypto';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/main/db/connection';
import { migrate } from '../../electron/main/db/migrations';
import { getMeta } from '../../electron/main/db/repositories/meta';
import { countOutbox } from '../../electron/main/db/repositories/outbox';
import { AppError } from '../../electron/main/services/AppError';
import { apportion, generateDemo } from '../../electron/main/services/demo/generateDemo';
import { loadReference } from '../../electron/main/services/reference/loadReference';
import { LocalClock } from '../../electron/main/sync/clock';
import { computeCommitteeCompleteness, defaultCompletenessRules } from '../../shared/domain/completeness';
import type { Role } from '../../shared/domain/types';
import { findConflicts } from '../../shared/domain/visits/conflicts';
import { listLeaders, listPollDates, listVenues, listVisits, getPlanningSettings } from '../../electron/main/db/repositories/visits';

const resourcesDir = path.resolve(__dirname, '../../resources');
const NOW = Date.UTC(2026, 10, 25, 6, 0, 0);

function freshDb(): { db: Db; clock: LocalClock } {
  const db = openDatabase(':memory:');
  migrate(db);
  const clock = LocalClock.open(db, () => NOW);
  loadReference(db, clock, resourcesDir);
  return { db, clock };
}

const all = <T>(db: Db, sql: string): T[] => db.prepare(sql).all() as T[];
const one = (db: Db, sql: string): number => (db.prepare(sql).get() as { n: number }).n;

/** Everything a user sees of the generated data, without the random UUIDs. */
function fingerprint(db: Db): string {
  const h = createHash('sha256');
  for (const r of all(db, `SELECT u.code, u.name_en, u.name_hi, u.ac_no, u.closed, u.electors, p.code AS parent FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id ORDER BY u.code`))
    h.update(JSON.stringify(r));
  for (const r of all(db, `SELECT u.code, c.kind_id, c.status, c.declared_on, c.verified_on, c.complete, c.member_count FROM committees c JOIN org_units u ON u.id = c.unit_id ORDER BY u.code, c.kind_id`))
    h.update(JSON.stringify(r));
  for (const r of all(db, `SELECT u.code, c.kind_id, a.role, p.name_en, p.name_hi, p.phone, p.voter_id FROM appointments a JOIN committees c ON c.id = a.committee_id JOIN org_units u ON u.id = c.unit_id JOIN people p ON p.id = a.person_id ORDER BY u.code, c.kind_id, p.phone, a.role`))
    h.update(JSON.stringify(r));
  return h.digest('hex');
}

describe('generateDemo at full Jharkhand scale', () => {
  let db: Db;
  const stages: string[] = [];

  beforeAll(async () => {
    ({ db } = freshDb());
    const clock = LocalClock.open(db, () => NOW);
    await generateDemo({
      db,
      clock,
      userId: 'system',
      seed: 42,
      now: NOW,
      resourcesDir,
      onProgress: (_p, stage) => {
        if (stages[stages.length - 1] !== stage) stages.push(stage);
      },
    });
  }, 240_000);

  it('reports its stages in order', () => {
    expect(stages).toEqual(['reference', 'units', 'booths', 'committees', 'people', 'done']);
    expect(JSON.parse(getMeta(db, 'demo') ?? 'null')).toEqual({ seed: 42, generatedAt: new Date(NOW).toISOString() });
  });

  it('creates about 29,500 booths, each AC in proportion to its 2019 electors', () => {
    const booths = one(db, "SELECT count(*) AS n FROM org_units WHERE level = 'booth'");
    expect(Math.abs(booths - 29_500)).toBeLessThanOrEqual(295);
    const rows = all<{ ac_no: number; electors: number; booths: number }>(
      db,
      `SELECT a.ac_no, a.electors, (SELECT count(*) FROM org_units b WHERE b.level = 'booth' AND b.ac_no = a.ac_no) AS booths
       FROM org_units a WHERE a.level = 'ac' ORDER BY a.ac_no`,
    );
    const totalElectors = rows.reduce((s, r) => s + r.electors, 0);
    for (const r of rows) expect(Math.abs(r.booths - (booths * r.electors) / totalElectors)).toBeLessThanOrEqual(1);
  });

  it('gives every booth an AC, a PC and a panchayat or mandal parent', () => {
    expect(one(db, "SELECT count(*) AS n FROM org_units WHERE level = 'booth' AND (ac_no IS NULL OR pc_no IS NULL)")).toBe(0);
    const parents = all<{ level: string }>(
      db,
      "SELECT DISTINCT p.level FROM org_units b JOIN org_units p ON p.id = b.parent_id WHERE b.level = 'booth'",
    ).map((r) => r.level);
    expect(parents.every((l) => l === 'panchayat' || l === 'mandal')).toBe(true);
    expect(one(db, "SELECT count(*) AS n FROM org_units b LEFT JOIN org_units p ON p.id = b.parent_id WHERE b.level = 'booth' AND p.id IS NULL")).toBe(0);
  });

  it('assigns every block and panchayat an AC, and groups panchayats into mandals of 5–8 on average', () => {
    expect(one(db, "SELECT count(*) AS n FROM org_units WHERE level IN ('block','panchayat','mandal') AND ac_no IS NULL")).toBe(0);
    const mandals = one(db, "SELECT count(*) AS n FROM org_units WHERE level = 'mandal'");
    expect(4403 / mandals).toBeGreaterThan(5);
    expect(4403 / mandals).toBeLessThan(8);
    expect(one(db, "SELECT count(*) AS n FROM org_units u JOIN org_units p ON p.id = u.parent_id WHERE u.level = 'panchayat' AND p.level <> 'mandal'")).toBe(0);
  });

  it('keeps complete and member_count consistent with the appointments and the rules', () => {
    const rules = new Map(defaultCompletenessRules().map((r) => [`${r.level}:${r.category}`, r]));
    const rows = all<{ id: string; level: string; category: string; complete: number; member_count: number; roles: string | null }>(
      db,
      `SELECT c.id, u.level, k.category, c.complete, c.member_count,
              (SELECT group_concat(a.role) FROM appointments a WHERE a.committee_id = c.id AND a.deleted = 0) AS roles
       FROM committees c JOIN org_units u ON u.id = c.unit_id JOIN committee_kinds k ON k.id = c.kind_id`,
    );
    let bad = 0;
    for (const r of rows) {
      const roles = (r.roles ? r.roles.split(',') : []) as Role[];
      const level = r.level === 'pc' || r.level === 'ac' ? 'district' : r.level;
      const expected = computeCommitteeCompleteness(rules.get(`${level}:${r.category}`), roles).complete ? 1 : 0;
      if (r.member_count !== roles.length || r.complete !== expected) bad++;
    }
    expect(bad).toBe(0);
  });

  it('has committees in every state, some Lok Sabha seats well ahead and some lagging', () => {
    const statuses = all<{ status: string }>(db, 'SELECT DISTINCT status FROM committees ORDER BY status').map((r) => r.status);
    expect(statuses).toEqual(['declared', 'dissolved', 'not_formed', 'verified']);
    const byPc = all<{ pc_no: number; share: number }>(
      db,
      `SELECT b.pc_no, avg(CASE WHEN c.status = 'verified' THEN 1.0 ELSE 0 END) AS share
       FROM org_units b LEFT JOIN committees c ON c.unit_id = b.id AND c.kind_id = 'main'
       WHERE b.level = 'booth' AND b.closed = 0 GROUP BY b.pc_no`,
    );
    expect(Math.max(...byPc.map((r) => r.share))).toBeGreaterThan(0.7);
    expect(Math.min(...byPc.map((r) => r.share))).toBeLessThan(0.3);
    expect(one(db, "SELECT count(*) AS n FROM committees WHERE status = 'declared' AND complete = 0")).toBeGreaterThan(100);
    expect(one(db, 'SELECT count(*) AS n FROM org_units WHERE closed = 1')).toBeGreaterThan(0);
  });

  it('gives people unique valid phones, Hindi and English names, and some two posts', () => {
    expect(one(db, 'SELECT count(*) AS n FROM people')).toBe(one(db, 'SELECT count(DISTINCT phone) AS n FROM people'));
    expect(one(db, "SELECT count(*) AS n FROM people WHERE phone NOT GLOB '[6-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'")).toBe(0);
    expect(one(db, 'SELECT count(*) AS n FROM people WHERE name_en IS NULL OR name_hi IS NULL')).toBe(0);
    expect(one(db, 'SELECT count(*) AS n FROM (SELECT person_id FROM appointments GROUP BY person_id HAVING count(DISTINCT committee_id) > 1)')).toBeGreaterThan(100);
  });

  it('backdates declarations and verifications over about 120 days', () => {
    const days = one(
      db,
      "SELECT count(DISTINCT date(at)) AS n FROM change_log WHERE table_name = 'committees' AND json_extract(after, '$.status') IN ('declared','verified')",
    );
    expect(days).toBeGreaterThan(90);
    const first = (db.prepare("SELECT min(at) AS at FROM change_log WHERE table_name = 'committees'").get() as { at: string }).at;
    expect(Date.parse(first)).toBeGreaterThanOrEqual(NOW - 122 * 86_400_000);
  });
});

describe('generateDemo (reduced scale)', () => {
  it('is deterministic for a seed', async () => {
    const prints: string[] = [];
    for (const seed of [5, 5, 6]) {
      const { db, clock } = freshDb();
      await generateDemo({ db, clock, userId: 'system', seed, now: NOW, resourcesDir, scale: 0.02 });
      prints.push(fingerprint(db));
      db.close();
    }
    expect(prints[0]).toBe(prints[1]);
    expect(prints[2]).not.toBe(prints[0]);
  }, 120_000);

  it('plans the confirmed sample visits without conflicts of their own: the drives out and back fit the leader\'s day', async () => {
    for (const seed of [5, 6, 7]) {
      const { db, clock } = freshDb();
      await generateDemo({ db, clock, userId: 'system', seed, now: NOW, resourcesDir, scale: 0.02 });
      const visits = listVisits(db);
      const confirmed = visits.filter((v) => v.status === 'confirmed');
      expect(confirmed).toHaveLength(2);
      const world = {
        leaders: new Map(listLeaders(db).map((l) => [l.id, l])),
        venues: new Map(listVenues(db).map((v) => [v.id, v])),
        pollDates: new Map(listPollDates(db).map((p) => [p.pcNo, p.pollDate])),
        settings: getPlanningSettings(db),
        today: new Date(NOW).toISOString().slice(0, 10),
      };
      expect(findConflicts(world, confirmed)).toEqual([]);
      db.close();
    }
  }, 120_000);

  it('writes nothing when cancelled midway', async () => {
    const { db, clock } = freshDb();
    const outbox = countOutbox(db);
    const units = one(db, 'SELECT count(*) AS n FROM org_units');
    const before = fingerprint(db);
    let calls = 0;
    const run = generateDemo({
      db,
      clock,
      userId: 'system',
      seed: 1,
      now: NOW,
      resourcesDir,
      scale: 0.05,
      shouldCancel: () => ++calls > 40,
    });
    await expect(run).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'cancelled');
    expect(calls).toBeGreaterThan(40);
    expect(db.inTransaction).toBe(false);
    expect(countOutbox(db)).toBe(outbox);
    expect(one(db, 'SELECT count(*) AS n FROM org_units')).toBe(units);
    expect(getMeta(db, 'demo')).toBeNull();
    expect(fingerprint(db)).toBe(before);
  }, 60_000);

  it('splits booths in proportion with largest remainders', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(29_500, [3, 1]).reduce((a, b) => a + b, 0)).toBe(29_500);
  });
});
