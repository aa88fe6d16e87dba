import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/main/db/connection';
import { migrate } from '../../electron/main/db/migrations';
import { countOutbox } from '../../electron/main/db/repositories/outbox';
import { loadReference, readAttribution } from '../../electron/main/services/reference/loadReference';
import { LocalClock } from '../../electron/main/sync/clock';

const resourcesDir = path.resolve(__dirname, '../../resources');
const FIXED_NOW = Date.UTC(2026, 10, 25, 6, 0, 0);

function count(db: Db, level: string): number {
  return (db.prepare('SELECT count(*) AS n FROM org_units WHERE level = ? AND deleted = 0').get(level) as { n: number }).n;
}

describe('loadReference', () => {
  let db: Db;
  let clock: LocalClock;

  beforeAll(() => {
    db = openDatabase(':memory:');
    migrate(db);
    clock = LocalClock.open(db, () => FIXED_NOW);
    loadReference(db, clock, resourcesDir);
  });

  it('loads the real Jharkhand geography: 24 districts, 14 PCs, 81 ACs, 264 blocks, 4,403 panchayats', () => {
    expect(count(db, 'state')).toBe(1);
    expect(count(db, 'district')).toBe(24);
    expect(count(db, 'pc')).toBe(14);
    expect(count(db, 'ac')).toBe(81);
    expect(count(db, 'block')).toBe(264);
    expect(count(db, 'panchayat')).toBe(4403);
  });

  it('has Hindi names for all 24 districts and 14 Lok Sabha seats', () => {
    const missing = db
      .prepare("SELECT code FROM org_units WHERE level IN ('district','pc') AND (name_hi IS NULL OR name_hi = '')")
      .all();
    expect(missing).toEqual([]);
    const ranchi = db.prepare("SELECT name_en, name_hi FROM org_units WHERE code = 'PC-8'").get();
    expect(ranchi).toEqual({ name_en: 'Ranchi', name_hi: 'राँची' });
    expect(db.prepare("SELECT name_hi FROM org_units WHERE code = 'D-355'").get()).toEqual({ name_hi: 'बोकारो' });
  });

  it('maps ACs to PCs and districts, with 2019 electors', () => {
    const ac = db.prepare("SELECT a.ac_no, a.pc_no, a.district_code, a.electors, p.code AS parent FROM org_units a JOIN org_units p ON p.id = a.parent_id WHERE a.code = 'AC-1'").get();
    expect(ac).toEqual({ ac_no: 1, pc_no: 1, district_code: '352', electors: 301867, parent: 'PC-1' });
    const total = db.prepare("SELECT sum(electors) AS n FROM org_units WHERE level = 'ac'").get() as { n: number };
    expect(total.n).toBe(23_058_035);
  });

  it('puts panchayats under their block with no AC, and blocks under their district in Title Case', () => {
    const p = db
      .prepare("SELECT u.district_code, u.block_code, u.ac_no, b.code AS parent FROM org_units u JOIN org_units b ON b.id = u.parent_id WHERE u.code = 'P-3064-001'")
      .get();
    expect(p).toEqual({ district_code: '355', block_code: '3064', ac_no: null, parent: 'B-3064' });
    const b = db.prepare("SELECT name_en, district_code FROM org_units WHERE code = 'B-3074'").get();
    expect(b).toEqual({ name_en: 'Shaligram Ram Narayanpur Alias Hunterganj', district_code: '347' });
    const withPoint = db.prepare("SELECT count(*) AS n FROM org_units WHERE level = 'block' AND lat IS NOT NULL").get() as { n: number };
    expect(withPoint.n).toBe(215);
  });

  it('writes the built-in committee kinds and one rule per level and category', () => {
    const kinds = db.prepare('SELECT id FROM committee_kinds WHERE builtin = 1 ORDER BY sort').all() as { id: string }[];
    expect(kinds.map((k) => k.id)).toEqual([
      'main', 'youth', 'students', 'women', 'service', 'labour', 'dept_training', 'dept_legal', 'cell_doctors', 'cell_teachers', 'media', 'social_media',
    ]);
    const rule = db.prepare("SELECT required_roles, min_members FROM completeness_rules WHERE id = 'booth:main'").get();
    expect(rule).toEqual({ required_roles: JSON.stringify(['president', 'bla']), min_members: 5 });
  });

  it('is idempotent: a second load writes nothing', () => {
    const before = countOutbox(db);
    const logBefore = (db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
    loadReference(db, clock, resourcesDir);
    expect(countOutbox(db)).toBe(before);
    expect((db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n).toBe(logBefore);
  });

  it('does not overwrite what was changed after loading', () => {
    db.prepare("UPDATE org_units SET ac_no = 34 WHERE code = 'P-3064-001'").run();
    loadReference(db, clock, resourcesDir);
    expect(db.prepare("SELECT ac_no FROM org_units WHERE code = 'P-3064-001'").get()).toEqual({ ac_no: 34 });
  });

  it('reads the attribution line and the sources with their licences', () => {
    const a = readAttribution(resourcesDir);
    expect(a.line).toMatch(/^Boundaries: Hindustan Times Labs.*Not official boundaries\.$/);
    expect(a.sources).toContainEqual({ name: 'covid19india/covid19india-react', licence: 'MIT' });
    expect(a.sources.some((s) => /pmgsy/i.test(s.name))).toBe(false);
  });
});
