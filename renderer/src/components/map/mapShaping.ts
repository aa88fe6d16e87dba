import type { AreaFigure, DashboardData, GeoJsonCollection } from '../../../../shared/ipc/views';
import { colourForPct } from './colourScale';

export type MapLayer = 'districts' | 'pcs' | 'acs';
export const MAP_LAYERS: readonly MapLayer[] = ['districts', 'pcs', 'acs'];

type Feature = GeoJsonCollection['features'][number];

/** The property that carries the feature id when the GeoJSON has no top-level id. */
const ID_PROPERTY: Record<MapLayer, string> = { districts: 'census2011_code', pcs: 'pc_no', acs: 'ac_no' };

export function featureIdOf(layer: MapLayer, feature: Pick<Feature, 'id' | 'properties'>): number | null {
  const raw = feature.properties?.[ID_PROPERTY[layer]] ?? feature.id;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

export function figuresForLayer(data: DashboardData, layer: MapLayer): AreaFigure[] {
  return layer === 'districts' ? data.byDistrict : layer === 'pcs' ? data.byPc : data.byAc;
}

export function figureIndex(figures: readonly AreaFigure[]): Map<number, AreaFigure> {
  return new Map(figures.map((f) => [f.featureId, f]));
}

export interface AreaStyle {
  fillColor: string;
  fillOpacity: number;
  color: string;
  weight: number;
  className: string;
}

/** Style of one polygon: colour by pct, and class names the tests (and print CSS) can count. */
export function areaStyle(layer: MapLayer, featureId: number | null, figure: AreaFigure | undefined): AreaStyle {
  const pct = figure?.pct ?? null;
  // The per-feature class lets an operator's stylesheet or a test find one area (e.g. area-acs-12).
  const own = featureId == null ? '' : ` area-${layer}-${featureId}`;
  return {
    fillColor: colourForPct(pct),
    fillOpacity: 0.75,
    color: '#4a4a4a',
    weight: layer === 'acs' ? 0.8 : 1.2,
    className: pct == null ? `area area-${layer}${own} area-nodata` : `area area-${layer}${own}`,
  };
}

/** Bounding box [[south, west], [north, east]] of every coordinate in a feature (Polygon or MultiPolygon). */
export function featureBounds(feature: Pick<Feature, 'geometry'>): [[number, number], [number, number]] | null {
  let s = Infinity;
  let w = Infinity;
  let n = -Infinity;
  let e = -Infinity;
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      const [lon, lat] = c as number[];
      s = Math.min(s, lat);
      n = Math.max(n, lat);
      w = Math.min(w, lon);
      e = Math.max(e, lon);
      return;
    }
    for (const x of c) walk(x);
  };
  walk(feature.geometry?.coordinates);
  return Number.isFinite(s) ? [[s, w], [n, e]] : null;
}

/** Jharkhand's extent, for the state view when no feature is selected. */
export const STATE_BOUNDS: [[number, number], [number, number]] = [
  [21.95, 83.32],
  [25.35, 87.96],
];

/** A key that changes whenever the drawn polygons must be rebuilt (Leaflet sets a path's class only at creation). */
export function layerKey(layer: MapLayer, figures: readonly AreaFigure[], lang: string): string {
  let h = 0;
  for (const f of figures) {
    const v = `${f.featureId}:${f.pct ?? 'x'}:${f.done}:${f.expected}`;
    for (let i = 0; i < v.length; i++) h = (h * 31 + v.charCodeAt(i)) | 0;
  }
  return `${layer}-${lang}-${figures.length}-${h}`;
}
