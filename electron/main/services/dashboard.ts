import { toFigure } from '../../../shared/domain/completeness';
import { MEASURE_LEVELS, type Figure, type MeasureLevel } from '../../../shared/domain/types';
import type { AreaFigure, DashboardData, StatusCounts, TableRow } from '../../../shared/ipc/views';
import {
  figuresByAncestor,
  rollupAllLevels,
  statusChangesByDay,
  writeGeneration,
  type Counts,
  type GroupCounts,
} from '../db/repositories/dashboard';
import type { Db } from '../db/connection';
import { getKind } from '../db/repositories/committeeKinds';
import { unitsOfLevel, type StoredUnit } from '../db/repositories/orgUnits';
import { AppError } from './AppError';
import { nowIso, type ServiceContext } from './context';

export const ZERO: Counts = { expected: 0, declared: 0, verified: 0, done: 0 };

export function addCounts(a: Counts, b: Counts): Counts {
  return { expected: a.expected + b.expected, declared: a.declared + b.declared, verified: a.verified + b.verified, done: a.done + b.done };
}

export function figureOf(c: Counts | undefined): Figure {
  const x = c ?? ZERO;
  return toFigure(x.expected, x.declared, x.verified, x.done);
}

/** Sum grouped counts by one key (district, PC, AC or block). */
export function sumBy<K>(groups: GroupCounts[], key: (g: GroupCounts) => K | null): Map<K, Counts> {
  const m = new Map<K, Counts>();
  for (const g of groups) {
    const k = key(g);
    if (k === null) continue;
    m.set(k, addCounts(m.get(k) ?? ZERO, g));
  }
  return m;
}

export function sumAll(groups: GroupCounts[]): Counts {
  return groups.reduce<Counts>((acc, g) => addCounts(acc, g), ZERO);
}

function area(u: StoredUnit, featureId: number, c: Counts | undefined): AreaFigure {
  return { ...figureOf(c), featureId, unitId: u.id, nameEn: u.nameEn, nameHi: u.nameHi };
}

function tableRow(u: StoredUnit, c: Counts | undefined): TableRow {
  return {
    ...figureOf(c),
    unitId: u.id,
    level: u.level,
    code: u.code,
    nameEn: u.nameEn,
    nameHi: u.nameHi,
    acNo: u.acNo,
    pcNo: u.pcNo,
    districtCode: u.districtCode,
  };
}

/** Lagging first: lowest percentage on top, units with nothing expected last, then by name. */
function lagging(a: TableRow, b: TableRow): number {
  if (a.pct === null && b.pct !== null) return 1;
  if (b.pct === null && a.pct !== null) return -1;
  if (a.pct !== null && b.pct !== null && a.pct !== b.pct) return a.pct - b.pct;
  return a.nameEn.localeCompare(b.nameEn);
}

// Progress over time reads the change log, which only grows: cache it until the database next changes.
const historyCache = new WeakMap<Db, Map<string, { generation: string; value: DashboardData['history'] }>>();

function progressHistory(db: Db, L: MeasureLevel, K: string, pcNo: number | undefined): DashboardData['history'] {
  const generation = writeGeneration(db);
  let perDb = historyCache.get(db);
  if (!perDb) {
    perDb = new Map();
    historyCache.set(db, perDb);
  }
  const key = `${L}|${K}|${pcNo ?? ''}`;
  const hit = perDb.get(key);
  if (hit && hit.generation === generation) return hit.value;
  let declared = 0;
  let verified = 0;
  const value = statusChangesByDay(db, L, K, pcNo).map((d) => {
    declared += d.declared;
    verified += d.verified;
    return { date: d.date, declared, verified };
  });
  perDb.set(key, { generation, value });
  return value;
}

export function getDashboard(
  ctx: ServiceContext,
  input: {
    scope: { type: 'state' } | { type: 'pc'; pcNo: number };
    measureLevel: MeasureLevel;
    kindId: string;
    tableLevel: 'district' | 'ac' | 'block' | 'mandal';
  },
): DashboardData {
  const db = ctx.db;
  const L = input.measureLevel;
  const K = input.kindId;
  if (!getKind(db, K)) throw new AppError('not_found', 'That committee kind does not exist. Choose one from the list.', 'kindId');

  const pcs = unitsOfLevel(db, 'pc').sort((a, b) => (a.pcNo ?? 0) - (b.pcNo ?? 0));
  let pcNo: number | undefined;
  let scope: DashboardData['scope'] = { type: 'state' };
  if (input.scope.type === 'pc') {
    const wanted = input.scope.pcNo;
    const pc = pcs.find((p) => p.pcNo === wanted);
    if (!pc) throw new AppError('not_found', `There is no Lok Sabha constituency number ${wanted}.`, 'scope.pcNo');
    pcNo = wanted;
    scope = { type: 'pc', pcNo: wanted, nameEn: pc.nameEn, nameHi: pc.nameHi };
  }
  const filter = pcNo === undefined ? {} : { pcNo };

  // One grouped query feeds the total, the three map layers, the status chart and the district / AC / block tables.
  const rollup = rollupAllLevels(db, K, filter);
  const groups = rollup.filter((g) => g.level === L);
  const byDistrictCounts = sumBy(groups, (g) => g.districtCode);
  const byPcCounts = sumBy(groups, (g) => g.pcNo);
  const byAcCounts = sumBy(groups, (g) => g.acNo);

  const districts = unitsOfLevel(db, 'district')
    .filter((d) => pcNo === undefined || (d.districtCode !== null && byDistrictCounts.has(d.districtCode)))
    .sort((a, b) => Number(a.districtCode) - Number(b.districtCode));
  const acs = unitsOfLevel(db, 'ac', pcNo).sort((a, b) => (a.acNo ?? 0) - (b.acNo ?? 0));

  const byDistrict = districts.map((d) => area(d, Number(d.districtCode), byDistrictCounts.get(d.districtCode ?? '')));
  const byPc = pcs.map((p) => area(p, p.pcNo ?? 0, byPcCounts.get(p.pcNo ?? -1)));
  const byAc = acs.map((a) => area(a, a.acNo ?? 0, byAcCounts.get(a.acNo ?? -1)));

  const statusByLevel: StatusCounts[] = MEASURE_LEVELS.map((level) => {
    const s: StatusCounts = { level, units: 0, notFormed: 0, declared: 0, verified: 0, dissolved: 0, complete: 0 };
    for (const g of rollup) {
      if (g.level !== level) continue;
      s.units += g.expected;
      s.notFormed += g.notFormed;
      s.declared += g.declaredOnly;
      s.verified += g.verified;
      s.dissolved += g.dissolved;
      s.complete += g.complete;
    }
    return s;
  });

  let table: TableRow[];
  switch (input.tableLevel) {
    case 'district':
      table = districts.map((d) => tableRow(d, byDistrictCounts.get(d.districtCode ?? '')));
      break;
    case 'ac':
      table = acs.map((a) => tableRow(a, byAcCounts.get(a.acNo ?? -1)));
      break;
    case 'block': {
      const byBlock = sumBy(groups, (g) => g.blockCode);
      table = unitsOfLevel(db, 'block')
        .filter((b) => pcNo === undefined || b.pcNo === pcNo || (b.blockCode !== null && byBlock.has(b.blockCode)))
        .map((b) => tableRow(b, byBlock.get(b.blockCode ?? '')));
      break;
    }
    case 'mandal': {
      const byMandal = figuresByAncestor(db, L, K, filter, { ancestorLevel: 'mandal' });
      table = unitsOfLevel(db, 'mandal')
        .filter((m) => pcNo === undefined || m.pcNo === pcNo || byMandal.has(m.id))
        .map((m) => tableRow(m, byMandal.get(m.id)));
      break;
    }
  }
  table.sort(lagging);

  return {
    scope,
    measureLevel: L,
    kindId: K,
    total: figureOf(sumAll(groups)),
    byDistrict,
    byPc,
    byAc,
    statusByLevel,
    history: progressHistory(db, L, K, pcNo),
    table,
    generatedAt: nowIso(ctx),
  };
}
