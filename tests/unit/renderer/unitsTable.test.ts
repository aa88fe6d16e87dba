import { describe, expect, it } from 'vitest';
import { laggards, nextSort, shapeTable, tableCsv } from '../../../renderer/src/features/dashboard/unitsTable';
import { parsePrefs, effectiveKindId } from '../../../renderer/src/features/dashboard/prefs';
import { csvCell, stripBom } from '../../../renderer/src/app/csv';
import { formatNumber, displayName } from '../../../renderer/src/app/format';
import { parseRoute } from '../../../renderer/src/app/route';
import { canCommit, reasonText } from '../../../renderer/src/features/importExport/importShaping';
import type { ImportRowError, TableRow } from '../../../shared/ipc/views';

const row = (code: string, pct: number | null, expected = 10, nameHi: string | null = null): TableRow => ({
  unitId: code,
  level: 'block',
  code,
  nameEn: `Unit ${code}`,
  nameHi,
  acNo: 1,
  pcNo: 1,
  districtCode: 'D-1',
  expected,
  declared: 0,
  verified: 0,
  done: 0,
  pct,
});

const base = { query: '', sortKey: 'lagging' as const, sortDir: 'asc' as const, lang: 'en' };

describe('units table shaping', () => {
  it('puts lagging units first and no-data units last by default', () => {
    const out = shapeTable([row('A', 80), row('B', null), row('C', 5), row('D', 40)], base);
    expect(out.map((r) => r.code)).toEqual(['C', 'D', 'A', 'B']);
  });

  it('keeps no-data last even when sorting completeness descending', () => {
    const out = shapeTable([row('A', 80), row('B', null), row('C', 5)], { ...base, sortKey: 'pct', sortDir: 'desc' });
    expect(out.map((r) => r.code)).toEqual(['A', 'C', 'B']);
  });

  it('sorts numbers both ways', () => {
    const rows = [row('A', 1, 30), row('B', 1, 10), row('C', 1, 20)];
    expect(shapeTable(rows, { ...base, sortKey: 'expected', sortDir: 'desc' }).map((r) => r.code)).toEqual(['A', 'C', 'B']);
    expect(shapeTable(rows, { ...base, sortKey: 'expected', sortDir: 'asc' }).map((r) => r.code)).toEqual(['B', 'C', 'A']);
  });

  it('searches English names, Hindi names and codes', () => {
    const rows = [row('B-3064', 10, 10, 'कांके'), row('B-1', 20)];
    expect(shapeTable(rows, { ...base, query: 'कांके' }).map((r) => r.code)).toEqual(['B-3064']);
    expect(shapeTable(rows, { ...base, query: 'b-1' }).map((r) => r.code)).toEqual(['B-1']);
    expect(shapeTable(rows, { ...base, query: 'unit' })).toHaveLength(2);
  });

  it('flips direction on the same column and starts numbers descending', () => {
    expect(nextSort({ sortKey: 'name', sortDir: 'asc' }, 'name')).toEqual({ sortKey: 'name', sortDir: 'desc' });
    expect(nextSort({ sortKey: 'name', sortDir: 'asc' }, 'verified')).toEqual({ sortKey: 'verified', sortDir: 'desc' });
  });

  it('lists laggards without no-data or finished units', () => {
    expect(laggards([row('A', 100), row('B', null), row('C', 30), row('D', 0)]).map((r) => r.code)).toEqual(['D', 'C']);
  });

  it('exports CSV with quoting and a formula guard', () => {
    const csv = tableCsv([{ ...row('X', 12.5), nameEn: '=cmd, "x"' }], ['code', 'name', 'e', 'd', 'v', 'done', 'pct'], 'en');
    expect(csv).toBe('code,name,e,d,v,done,pct\r\nX,"\'=cmd, ""x""",10,0,0,0,12.5\r\n');
    expect(csvCell(-3)).toBe('-3');
  });
});

describe('small helpers', () => {
  it('formats numbers with Indian grouping in both languages', () => {
    expect(formatNumber(1234567, 'en')).toBe('12,34,567');
    expect(formatNumber(1234567, 'hi')).toBe('12,34,567');
  });

  it('falls back to the English name when Hindi is missing', () => {
    expect(displayName('Kanke', null, 'hi')).toBe('Kanke');
    expect(displayName('Kanke', 'कांके', 'hi')).toBe('कांके');
    expect(displayName('Kanke', 'कांके', 'en')).toBe('Kanke');
  });

  it('strips a UTF-8 byte-order mark', () => {
    expect(stripBom('\uFEFFa,b')).toBe('a,b');
    expect(stripBom('a,b')).toBe('a,b');
  });

  it('parses hash routes, including drill-down links', () => {
    expect(parseRoute('')).toEqual({ name: 'dashboard' });
    expect(parseRoute('#/unit/abc%2F1')).toEqual({ name: 'unit', id: 'abc/1' });
    expect(parseRoute('#/report/3')).toEqual({ name: 'report', pc: 3 });
    expect(parseRoute('#/report/all')).toEqual({ name: 'report', pc: 'all' });
    expect(parseRoute('#/nope').name).toBe('notFound');
  });

  it('reads remembered dashboard preferences defensively', () => {
    expect(parsePrefs(null)).toMatchObject({ scope: 'state', measureLevel: 'booth' });
    expect(parsePrefs('{"scope":4,"measureLevel":"mandal","mapLayer":"pcs"}')).toMatchObject({ scope: 4, measureLevel: 'mandal', mapLayer: 'pcs' });
    expect(parsePrefs('{"measureLevel":"galaxy"}').measureLevel).toBe('booth');
    expect(parsePrefs('not json').scope).toBe('state');
  });

  it('defaults the committee kind to the main committee', () => {
    const kinds = [
      { id: 'k-youth', category: 'frontal' as const, nameEn: 'Youth wing', nameHi: 'युवा मोर्चा', builtin: true },
      { id: 'k-main', category: 'main' as const, nameEn: 'Main', nameHi: 'मुख्य', builtin: true },
    ];
    expect(effectiveKindId(null, kinds)).toBe('k-main');
    expect(effectiveKindId('k-youth', kinds)).toBe('k-youth');
    expect(effectiveKindId('gone', kinds)).toBe('k-main');
  });

  it('translates import reasons with a fallback to the English message', () => {
    const err: ImportRowError = { row: 3, field: 'parent_code', reason: 'unknown_parent', message: 'No unit with code X' };
    expect(reasonText(err, (k) => (k === 'importErrors.unknown_parent' ? 'मूल इकाई' : null))).toBe('मूल इकाई');
    expect(reasonText(err, () => null)).toBe('No unit with code X');
    expect(canCommit({ kind: 'units', rows: 2, toInsert: 2, toUpdate: 0, unchanged: 0, errors: [], sample: [], columns: [] })).toBe(true);
    expect(canCommit({ kind: 'units', rows: 2, toInsert: 1, toUpdate: 0, unchanged: 0, errors: [err], sample: [], columns: [] })).toBe(false);
  });
});
