import { UNIT_LEVELS, type Figure, type MeasureLevel, type OrgUnit, type UnitLevel } from '../../../shared/domain/types';
import type { UnitDetail, UnitSummary } from '../../../shared/ipc/views';
import type { Db } from '../db/connection';
import { figureGroups, figureUnder, figuresByAncestor, type Counts } from '../db/repositories/dashboard';
import {
  blocksByCodes,
  blocksWithUnitsInAc,
  childrenOf,
  getUnit,
  searchUnits,
  unitsOfLevel,
  type StoredUnit,
} from '../db/repositories/orgUnits';
import { upsertRow } from '../sync/writer';
import { AppError } from './AppError';
import { committeeViewsOfUnit } from './committees';
import { inChange, requireStateAdmin, type ServiceContext } from './context';
import { figureOf, sumAll, sumBy } from './dashboard';

const SEP = ' › ';

/** Names used to build "District › Block" paths, read once per call (a few hundred rows). */
class PathNames {
  private districts?: Map<string, string>;
  private pcs?: Map<number, string>;
  private blocks?: Map<string, string>;
  private state?: string;

  constructor(private readonly db: Db) {}

  pathOf(u: StoredUnit): string {
    switch (u.level) {
      case 'state':
        return '';
      case 'district':
      case 'pc':
        return this.stateName();
      case 'ac':
        return u.pcNo !== null ? (this.pcMap().get(u.pcNo) ?? '') : '';
      case 'block':
        return u.districtCode ? (this.districtMap().get(u.districtCode) ?? '') : '';
      default: {
        const parts = [
          u.districtCode ? this.districtMap().get(u.districtCode) : undefined,
          u.blockCode ? this.blockMap().get(u.blockCode) : undefined,
        ];
        return parts.filter((p): p is string => Boolean(p)).join(SEP);
      }
    }
  }

  private stateName(): string {
    if (this.state === undefined) this.state = unitsOfLevel(this.db, 'state')[0]?.nameEn ?? 'Jharkhand';
    return this.state;
  }
  private districtMap(): Map<string, string> {
    if (!this.districts) {
      this.districts = new Map(unitsOfLevel(this.db, 'district').map((d) => [d.districtCode ?? '', d.nameEn] as [string, string]));
    }
    return this.districts;
  }
  private pcMap(): Map<number, string> {
    if (!this.pcs) this.pcs = new Map(unitsOfLevel(this.db, 'pc').map((p) => [p.pcNo ?? -1, p.nameEn] as [number, string]));
    return this.pcs;
  }
  private blockMap(): Map<string, string> {
    if (!this.blocks) this.blocks = new Map([...blocksByCodes(this.db)].map(([code, b]) => [code, b.nameEn] as [string, string]));
    return this.blocks;
  }
}

function summary(u: StoredUnit, names: PathNames): UnitSummary {
  return {
    id: u.id,
    level: u.level,
    code: u.code,
    nameEn: u.nameEn,
    nameHi: u.nameHi,
    acNo: u.acNo,
    pcNo: u.pcNo,
    districtCode: u.districtCode,
    closed: u.closed,
    path: names.pathOf(u),
  };
}

function orgUnit(u: StoredUnit): OrgUnit {
  return {
    id: u.id,
    level: u.level,
    code: u.code,
    nameEn: u.nameEn,
    nameHi: u.nameHi,
    parentId: u.parentId,
    districtCode: u.districtCode,
    acNo: u.acNo,
    pcNo: u.pcNo,
    closed: u.closed,
    lat: u.lat,
    lon: u.lon,
    electors: u.electors,
  };
}

export function searchUnitSummaries(
  ctx: ServiceContext,
  input: { q: string; level?: UnitLevel; pcNo?: number; limit: number },
): UnitSummary[] {
  const names = new PathNames(ctx.db);
  return searchUnits(ctx.db, input.q, input).map((u) => summary(u, names));
}

const depth = (l: UnitLevel) => UNIT_LEVELS.indexOf(l);

/**
 * A unit's own figure: its units of the measure level. Null for a unit below the measure level (a booth
 * has no blocks under it).
 */
function ownFigure(db: Db, u: StoredUnit, L: MeasureLevel, K: string): Figure | null {
  const scoped = (f: Parameters<typeof figureGroups>[3]) => figureOf(sumAll(figureGroups(db, L, K, f)));
  switch (u.level) {
    case 'state':
      return scoped({});
    case 'district':
      return u.districtCode ? scoped({ districtCode: u.districtCode }) : null;
    case 'pc':
      return u.pcNo !== null ? scoped({ pcNo: u.pcNo }) : null;
    case 'ac':
      return u.acNo !== null ? scoped({ acNo: u.acNo }) : null;
    case 'block':
      return u.blockCode ? scoped({ blockCode: u.blockCode }) : figureOf(figureUnder(db, L, K, u.id, {}));
    default:
      if (depth(u.level) > depth(L)) return null;
      return figureOf(figureUnder(db, L, K, u.id, u.blockCode ? { blockCode: u.blockCode } : {}));
  }
}

/**
 * Children shown on a unit's page, each with its figure:
 * state → its districts; district → its blocks; Lok Sabha → its ACs; AC → the blocks that have units
 * mapped to the AC (figures counting only the AC's units); block / mandal / panchayat → their org children.
 */
function childrenWithFigures(db: Db, u: StoredUnit, L: MeasureLevel, K: string): { unit: StoredUnit; counts: Counts | undefined }[] {
  switch (u.level) {
    case 'state': {
      const m = sumBy(figureGroups(db, L, K, {}), (g) => g.districtCode);
      return unitsOfLevel(db, 'district').map((d) => ({ unit: d, counts: m.get(d.districtCode ?? '') }));
    }
    case 'district': {
      if (!u.districtCode) return [];
      const m = sumBy(figureGroups(db, L, K, { districtCode: u.districtCode }), (g) => g.blockCode);
      return childrenOf(db, u.id)
        .filter((c) => c.level === 'block')
        .map((b) => ({ unit: b, counts: m.get(b.blockCode ?? '') }));
    }
    case 'pc': {
      if (u.pcNo === null) return [];
      const m = sumBy(figureGroups(db, L, K, { pcNo: u.pcNo }), (g) => g.acNo);
      return childrenOf(db, u.id)
        .filter((c) => c.level === 'ac')
        .sort((a, b) => (a.acNo ?? 0) - (b.acNo ?? 0))
        .map((a) => ({ unit: a, counts: m.get(a.acNo ?? -1) }));
    }
    case 'ac': {
      if (u.acNo === null) return [];
      const m = sumBy(figureGroups(db, L, K, { acNo: u.acNo }), (g) => g.blockCode);
      return blocksWithUnitsInAc(db, u.acNo).map((b) => ({ unit: b, counts: m.get(b.blockCode ?? '') }));
    }
    case 'booth':
      return [];
    default: {
      const m = figuresByAncestor(db, L, K, u.blockCode ? { blockCode: u.blockCode } : {}, { childOf: u.id });
      return childrenOf(db, u.id).map((c) => ({ unit: c, counts: m.get(c.id) }));
    }
  }
}

export function getUnitDetail(ctx: ServiceContext, input: { id: string; measureLevel?: MeasureLevel; kindId?: string }): UnitDetail {
  const db = ctx.db;
  const u = getUnit(db, input.id);
  if (!u) throw new AppError('not_found', 'That unit no longer exists. Search for it again.', 'id');
  const L = input.measureLevel ?? 'booth';
  const K = input.kindId ?? 'main';
  const names = new PathNames(db);

  const ancestors: UnitSummary[] = [];
  const seen = new Set([u.id]);
  for (let p = u.parentId ? getUnit(db, u.parentId) : null; p && !seen.has(p.id); p = p.parentId ? getUnit(db, p.parentId) : null) {
    seen.add(p.id);
    ancestors.unshift(summary(p, names));
  }

  return {
    unit: orgUnit(u),
    ancestors,
    children: childrenWithFigures(db, u, L, K).map(({ unit, counts }) => ({ ...summary(unit, names), figure: figureOf(counts) })),
    figure: ownFigure(db, u, L, K),
    committees: committeeViewsOfUnit(db, u),
  };
}

export function setUnitHindiName(ctx: ServiceContext, input: { id: string; nameHi: string }): UnitSummary {
  const user = requireStateAdmin(ctx, 'change a unit’s Hindi name');
  const u = getUnit(ctx.db, input.id);
  if (!u) throw new AppError('not_found', 'That unit no longer exists. Search for it again.', 'id');
  const nameHi = input.nameHi.trim() || null;
  inChange(ctx, user.id, (w) => {
    upsertRow(w, 'org_units', u.id, { name_hi: nameHi }, 'unit.name_hi');
  });
  return summary({ ...u, nameHi }, new PathNames(ctx.db));
}
