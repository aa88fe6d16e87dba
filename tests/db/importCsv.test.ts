import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/main/db/connection';
import { migrate } from '../../electron/main/db/migrations';
import { countOutbox } from '../../electron/main/db/repositories/outbox';
import { generateDemo } from '../../electron/main/services/demo/generateDemo';
import { exportCsv } from '../../electron/main/services/export/exportCsv';
import { commitImport, parseDate, previewImport } from '../../electron/main/services/import/importCsv';
import { loadReference } from '../../electron/main/services/reference/loadReference';
import { LocalClock } from '../../electron/main/sync/clock';

const resourcesDir = path.resolve(__dirname, '../../resources');
const NOW = Date.UTC(2026, 10, 25, 6, 0, 0);
const AT = new Date(NOW).toISOString();

let db: Db;
let clock: LocalClock;

function fresh(): void {
  db = openDatabase(':memory:');
  migrate(db);
  clock = LocalClock.open(db, () => NOW);
  loadReference(db, clock, resourcesDir);
}

const n = (sql: string, ...params: unknown[]): number => (db.prepare(sql).get(...params) as { n: number }).n;

const UNITS_OK = [
  'level,code,name_en,name_hi,parent_code,ac_no,closed',
  'mandal,M-3064-01,Bermo Mandal 1,बेरमो मंडल 1,B-3064,,',
  'panchayat,P-3064-001,Armo,,M-3064-01,,',
  'booth,BT-34-0001,1 — Primary School Armo,,P-3064-001,34,0',
  'booth,BT-34-0002,2 — Panchayat Bhawan Armo,,P-3064-001,34,no',
].join('\n');

const COMMITTEES_OK = [
  'unit_code,kind,status,declared_on,verified_on,role,name_en,name_hi,phone,voter_id',
  'B-3064,main,verified,2026-08-01,15-08-2026,president,Ramesh Kumar,रमेश कुमार,9876543210,ABC1234567',
  'B-3064,main,verified,2026-08-01,15/08/2026,general_secretary,Sunita Devi,सुनीता देवी,+91 98765 43211,',
  'B-3064,main,verified,01-08-2026,2026-08-15,treasurer,Birsa Munda,बिरसा मुंडा,09876543212,',
  'B-3064,youth,declared,2026-09-10,,president,Ramesh Kumar,रमेश कुमार,9876543210,',
  'D-355,media,not_formed,,,,,,,',
].join('\n');

describe('CSV import of units', () => {
  beforeEach(fresh);

  it('lists a bad row with its row number and field, and writes nothing', () => {
    const bad = UNITS_OK.replace('booth,BT-34-0002,2 — Panchayat Bhawan Armo,,P-3064-001,34,no', 'booth,BT-34-0002,2 — Panchayat Bhawan Armo,,P-9999-001,34,no');
    const preview = previewImport(db, 'units', bad);
    expect(preview.errors).toHaveLength(1);
    expect(preview.errors[0]).toMatchObject({ row: 5, field: 'parent_code', reason: 'unknown_parent' });
    expect(preview.errors[0].message).toMatch(/Row 5, parent_code: .*P-9999-001/);

    const outbox = countOutbox(db);
    expect(() => commitImport(db, clock, 'u1', 'units', bad, AT)).toThrow(/1 row has errors; nothing was imported/);
    expect(countOutbox(db)).toBe(outbox);
    expect(n("SELECT count(*) AS n FROM org_units WHERE level IN ('mandal','booth')")).toBe(0);
  });

  it('imports the fixed file, and re-importing it changes nothing', () => {
    const preview = previewImport(db, 'units', UNITS_OK);
    expect(preview).toMatchObject({ rows: 4, toInsert: 3, toUpdate: 1, unchanged: 0, errors: [] });
    expect(preview.columns).toEqual(['level', 'code', 'name_en', 'name_hi', 'parent_code', 'ac_no', 'closed']);

    expect(commitImport(db, clock, 'u1', 'units', UNITS_OK, AT)).toEqual({ inserted: 3, updated: 1, unchanged: 0 });
    const booth = db
      .prepare("SELECT u.ac_no, u.pc_no, u.district_code, u.block_code, u.source, p.code AS parent FROM org_units u JOIN org_units p ON p.id = u.parent_id WHERE u.code = 'BT-34-0001'")
      .get();
    expect(booth).toEqual({ ac_no: 34, pc_no: 6, district_code: '355', block_code: '3064', source: 'import', parent: 'P-3064-001' });
    const gp = db.prepare("SELECT p.code AS parent, u.ac_no, u.source FROM org_units u JOIN org_units p ON p.id = u.parent_id WHERE u.code = 'P-3064-001'").get();
    expect(gp).toEqual({ parent: 'M-3064-01', ac_no: null, source: 'reference' });

    const outbox = countOutbox(db);
    expect(commitImport(db, clock, 'u1', 'units', UNITS_OK, AT)).toEqual({ inserted: 0, updated: 0, unchanged: 4 });
    expect(countOutbox(db)).toBe(outbox);
  });

  it('refuses to move a stored unit to another assembly constituency or district, naming the row and field', () => {
    commitImport(db, clock, 'u1', 'units', UNITS_OK, AT);
    const elsewhere = db.prepare("SELECT code FROM org_units WHERE level = 'panchayat' AND district_code <> '355' LIMIT 1").get() as { code: string };
    const text = [
      'level,code,name_en,parent_code,ac_no',
      'booth,BT-34-0001,1 — Primary School Armo,P-3064-001,33',
      `booth,BT-34-0002,2 — Panchayat Bhawan Armo,${elsewhere.code},34`,
      'panchayat,P-3064-001,Armo,M-3064-01,34',
      'booth,BT-34-0001,1 — Primary School Armo,P-3064-001,34',
    ].join('\n');
    const errors = previewImport(db, 'units', text).errors;
    expect(errors.map((e) => [e.row, e.field, e.reason])).toEqual([
      [2, 'ac_no', 'scope_change'],
      [3, 'parent_code', 'scope_change'],
      [4, 'ac_no', 'scope_change'],
      [5, 'code', 'duplicate_code'],
    ]);
    expect(errors[0].message).toMatch(/Row 2, ac_no: BT-34-0001 is in assembly constituency 34.*Write 34 or leave the cell empty/);
    expect(() => commitImport(db, clock, 'u1', 'units', text, AT)).toThrow(/nothing was imported/);
    expect(db.prepare("SELECT ac_no, district_code FROM org_units WHERE code = 'BT-34-0001'").get()).toEqual({ ac_no: 34, district_code: '355' });
  });

  it('checks codes, levels, parents, AC numbers and duplicates', () => {
    const text = [
      'level,code,name_en,parent_code,ac_no',
      'booth,BT-34-0001,A,B-3064,34', // a booth cannot sit under a block
      'booth,BT-34-0002,B,P-3064-002,', // booth without AC
      'village,X-1,C,B-3064,', // unknown level
      'mandal,M-3064-09,D,B-3064,82', // AC out of range
      'mandal,M-3064-10,E,B-3064,',
      'mandal,M-3064-10,F,B-3064,', // duplicate code
      'panchayat,P-3064-001,,B-3064,', // name missing
    ].join('\n');
    const errors = previewImport(db, 'units', text).errors.map((e) => [e.row, e.field, e.reason]);
    expect(errors).toEqual([
      [2, 'parent_code', 'invalid_parent_level'],
      [3, 'ac_no', 'required'],
      [4, 'level', 'invalid_level'],
      [5, 'ac_no', 'invalid_ac'],
      [7, 'code', 'duplicate_code'],
      [8, 'name_en', 'required'],
    ]);
  });

  it('accepts Hindi headers, a BOM and semicolons', () => {
    const text = '\uFEFFस्तर;कोड;नाम;हिंदी नाम;मूल इकाई कोड;विधानसभा\nमंडल;M-3064-01;Bermo Mandal 1;बेरमो मंडल 1;B-3064;34\n';
    const preview = previewImport(db, 'units', text);
    expect(preview.errors).toEqual([]);
    expect(preview.columns).toEqual(['level', 'code', 'name_en', 'name_hi', 'parent_code', 'ac_no']);
    commitImport(db, clock, 'u1', 'units', text, AT);
    expect(db.prepare("SELECT name_en, name_hi, ac_no FROM org_units WHERE code = 'M-3064-01'").get()).toEqual({
      name_en: 'Bermo Mandal 1',
      name_hi: 'बेरमो मंडल 1',
      ac_no: 34,
    });
  });

  it('names a missing column in row 1', () => {
    const preview = previewImport(db, 'units', 'level,code,name_en\nmandal,M-3064-01,X');
    expect(preview.errors).toEqual([expect.objectContaining({ row: 1, field: 'parent_code', reason: 'missing_column' })]);
  });
});

describe('CSV import of committees', () => {
  beforeEach(fresh);

  it('imports committees with office-bearers and keeps complete / member_count consistent', () => {
    const result = commitImport(db, clock, 'u1', 'committees', COMMITTEES_OK, AT);
    expect(result).toEqual({ inserted: 5, updated: 0, unchanged: 0 });
    const main = db
      .prepare("SELECT c.status, c.declared_on, c.verified_on, c.declared_by, c.member_count, c.complete FROM committees c JOIN org_units u ON u.id = c.unit_id WHERE u.code = 'B-3064' AND c.kind_id = 'main'")
      .get();
    // block main committee needs president, general secretary, treasurer and 7 members: 3 named, not complete yet
    expect(main).toEqual({ status: 'verified', declared_on: '2026-08-01', verified_on: '2026-08-15', declared_by: 'u1', member_count: 3, complete: 0 });
    // Ramesh Kumar holds posts in two committees: one person
    expect(n('SELECT count(*) AS n FROM people')).toBe(3);
    expect(n("SELECT count(*) AS n FROM people WHERE phone = '9876543211'")).toBe(1);
    expect(n("SELECT count(*) AS n FROM committees WHERE status = 'not_formed'")).toBe(1);
  });

  it('re-importing the same file changes nothing', () => {
    commitImport(db, clock, 'u1', 'committees', COMMITTEES_OK, AT);
    const outbox = countOutbox(db);
    expect(commitImport(db, clock, 'u1', 'committees', COMMITTEES_OK, AT)).toEqual({ inserted: 0, updated: 0, unchanged: 5 });
    expect(countOutbox(db)).toBe(outbox);
  });

  it('reads a phone Excel wrote in scientific notation, and rejects one that lost digits', () => {
    const text = [
      'unit_code,kind,status,declared_on,role,name_en,phone',
      'B-3065,main,declared,2026-08-01,president,Anil Soren,9.876543213E+09',
      'B-3065,main,declared,2026-08-01,member,Kiran Tudu,9.87654E+09',
    ].join('\n');
    const preview = previewImport(db, 'committees', text);
    expect(preview.errors).toEqual([expect.objectContaining({ row: 3, field: 'phone', reason: 'phone_truncated' })]);
    commitImport(db, clock, 'u1', 'committees', text.split('\n').slice(0, 2).join('\n'), AT);
    expect(n("SELECT count(*) AS n FROM people WHERE phone = '9876543213'")).toBe(1);
  });

  it('rejects an impossible date such as 31-02-2026 and writes nothing', () => {
    const text = 'unit_code,kind,status,declared_on\nB-3065,main,declared,31-02-2026\n';
    const preview = previewImport(db, 'committees', text);
    expect(preview.errors).toEqual([expect.objectContaining({ row: 2, field: 'declared_on', reason: 'invalid_date' })]);
    expect(() => commitImport(db, clock, 'u1', 'committees', text, AT)).toThrow(/nothing was imported/);
    expect(n('SELECT count(*) AS n FROM committees')).toBe(0);
    expect(parseDate('29-02-2024')).toBe('2024-02-29');
    expect(parseDate('29/02/2026')).toBeNull();
  });

  it('accepts Hindi headers and Hindi values for kind, status and role', () => {
    const text = [
      'इकाई कोड,समिति,स्थिति,घोषणा तिथि,पद,नाम,हिंदी नाम,मोबाइल',
      'B-3065,महिला मोर्चा,घोषित,05-09-2026,अध्यक्ष,Sunita Devi,सुनीता देवी,9123456780',
    ].join('\n');
    const preview = previewImport(db, 'committees', text);
    expect(preview.errors).toEqual([]);
    commitImport(db, clock, 'u1', 'committees', text, AT);
    const row = db
      .prepare("SELECT c.kind_id, c.status, c.declared_on, a.role FROM committees c JOIN appointments a ON a.committee_id = c.id")
      .get();
    expect(row).toEqual({ kind_id: 'women', status: 'declared', declared_on: '2026-09-05', role: 'president' });
  });

  it('flags rows of one committee that disagree, unknown units and a phone used for two names', () => {
    const text = [
      'unit_code,kind,status,declared_on,verified_on,role,name_en,phone',
      'B-3064,main,declared,2026-08-01,,president,Ramesh Kumar,9876543210',
      'B-3064,main,verified,2026-08-01,2026-08-20,member,Anita Devi,9876543219',
      'B-0000,main,declared,2026-08-01,,member,X,',
      'B-3065,main,declared,2026-08-01,,member,Somebody Else,9876543210',
    ].join('\n');
    const errors = previewImport(db, 'committees', text).errors.map((e) => [e.row, e.field, e.reason]);
    expect(errors).toEqual([
      [3, 'status', 'conflicting_committee'],
      [3, 'verified_on', 'conflicting_committee'],
      [4, 'unit_code', 'unknown_unit'],
      [5, 'phone', 'phone_conflict'],
    ]);
  });
});

describe('CSV export', () => {
  it('re-imports as a no-op (units and committees, full demo slice of one Lok Sabha)', async () => {
    fresh();
    await generateDemo({ db, clock, userId: 'system', seed: 7, now: NOW, resourcesDir, scale: 0.03 });
    const units = exportCsv(db, 'units', 6, new Date(NOW));
    expect(units.fileName).toBe('units-PC-6-2026-11-25.csv');
    expect(units.text.startsWith('\uFEFFlevel,code,name_en,name_hi,parent_code,ac_no,closed')).toBe(true);
    expect(units.rows).toBeGreaterThan(100);
    const committees = exportCsv(db, 'committees', 6, new Date(NOW));
    expect(committees.rows).toBeGreaterThan(100);

    const outbox = countOutbox(db);
    expect(previewImport(db, 'units', units.text).errors).toEqual([]);
    expect(commitImport(db, clock, 'u1', 'units', units.text, AT)).toEqual({ inserted: 0, updated: 0, unchanged: units.rows });
    const c = commitImport(db, clock, 'u1', 'committees', committees.text, AT);
    expect(c).toEqual({ inserted: 0, updated: 0, unchanged: committees.rows });
    expect(countOutbox(db)).toBe(outbox);
  }, 60_000);

  it('round-trips into an empty database', () => {
    fresh();
    commitImport(db, clock, 'u1', 'units', UNITS_OK, AT);
    commitImport(db, clock, 'u1', 'committees', COMMITTEES_OK, AT);
    const units = exportCsv(db, 'units').text;
    const committees = exportCsv(db, 'committees').text;
    fresh();
    expect(previewImport(db, 'units', units).errors).toEqual([]);
    commitImport(db, clock, 'u1', 'units', units, AT);
    commitImport(db, clock, 'u1', 'committees', committees, AT);
    expect(exportCsv(db, 'committees').text).toBe(committees);
  }, 30_000);
});
