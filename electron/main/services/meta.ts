import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo, GeoJsonCollection, GeoLayers, MetaLists } from '../../../shared/ipc/views';
import { listKinds } from '../db/repositories/committeeKinds';
import { getMeta } from '../db/repositories/meta';
import { unitsOfLevel } from '../db/repositories/orgUnits';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { readAttribution } from './reference/loadReference';
import type { ServiceContext } from './context';

/** The app version from package.json: next to resources/ in the repo, inside app.asar when packaged. */
export function readAppVersion(resourcesDir: string): string {
  for (const candidate of [join(resourcesDir, '..', 'package.json'), join(resourcesDir, 'app.asar', 'package.json'), join(resourcesDir, 'app', 'package.json')]) {
    try {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { version?: unknown };
      if (typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not there: try the next place
    }
  }
  return '0.0.0';
}

function parseDemo(text: string | null): AppInfo['demo'] {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as { seed?: unknown; generatedAt?: unknown };
    if (typeof v.seed === 'number' && typeof v.generatedAt === 'string') return { seed: v.seed, generatedAt: v.generatedAt };
  } catch {
    // a damaged marker still means demo data
  }
  return { seed: 0, generatedAt: '' };
}

const attributionCache = new Map<string, { line: string; sources: { name: string; licence: string }[] }>();

export function getAppInfo(ctx: ServiceContext): AppInfo {
  let attribution = attributionCache.get(ctx.resourcesDir);
  if (!attribution) {
    attribution = readAttribution(ctx.resourcesDir);
    attributionCache.set(ctx.resourcesDir, attribution);
  }
  return {
    version: ctx.version ?? readAppVersion(ctx.resourcesDir),
    schemaVersion: (ctx.db.pragma('user_version', { simple: true }) as number) || LATEST_SCHEMA_VERSION,
    demo: parseDemo(getMeta(ctx.db, 'demo')),
    setupDone: getMeta(ctx.db, 'setup_done') === '1',
    attribution: attribution.line,
    dataSources: attribution.sources,
    databasePath: ctx.dbPath,
    mode: ctx.mode,
  };
}

export function getMetaLists(ctx: ServiceContext): MetaLists {
  const db = ctx.db;
  const acs = unitsOfLevel(db, 'ac').sort((a, b) => (a.acNo ?? 0) - (b.acNo ?? 0));
  return {
    kinds: listKinds(db),
    pcs: unitsOfLevel(db, 'pc')
      .sort((a, b) => (a.pcNo ?? 0) - (b.pcNo ?? 0))
      .map((p) => ({
        no: p.pcNo ?? 0,
        code: p.code,
        nameEn: p.nameEn,
        nameHi: p.nameHi,
        acNos: acs.filter((a) => a.pcNo === p.pcNo).map((a) => a.acNo ?? 0),
      })),
    acs: acs.map((a) => ({
      no: a.acNo ?? 0,
      code: a.code,
      nameEn: a.nameEn,
      nameHi: a.nameHi,
      pcNo: a.pcNo ?? 0,
      districtCode: a.districtCode ?? '',
    })),
    districts: unitsOfLevel(db, 'district')
      .sort((a, b) => Number(a.districtCode) - Number(b.districtCode))
      .map((d) => ({
        no: Number(d.districtCode),
        code: d.code,
        nameEn: d.nameEn,
        nameHi: d.nameHi,
        census2011Code: Number(d.districtCode),
      })),
  };
}

// The bundled GeoJSON never changes while the app runs: read it once per resources folder.
const geoCache = new Map<string, GeoLayers>();

function readCollection(path: string): GeoJsonCollection {
  return JSON.parse(readFileSync(path, 'utf8')) as GeoJsonCollection;
}

export function getGeoLayers(ctx: ServiceContext): GeoLayers {
  let layers = geoCache.get(ctx.resourcesDir);
  if (!layers) {
    const dir = join(ctx.resourcesDir, 'jharkhand');
    layers = {
      districts: readCollection(join(dir, 'districts.geojson')),
      pcs: readCollection(join(dir, 'lok_sabha.geojson')),
      acs: readCollection(join(dir, 'assembly.geojson')),
      blockHq: readCollection(join(dir, 'extras', 'block_hq_points_census2011.geojson')),
    };
    geoCache.set(ctx.resourcesDir, layers);
  }
  return layers;
}
