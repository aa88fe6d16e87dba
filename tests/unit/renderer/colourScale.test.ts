import { describe, expect, it } from 'vitest';
import { binIndex, COLOUR_BINS, colourForPct, NO_DATA_COLOUR } from '../../../renderer/src/components/map/colourScale';
import { areaStyle, featureBounds, featureIdOf, figureIndex, layerKey } from '../../../renderer/src/components/map/mapShaping';
import type { AreaFigure } from '../../../shared/ipc/views';

const fig = (featureId: number, pct: number | null): AreaFigure => ({
  featureId,
  unitId: `u${featureId}`,
  nameEn: `Area ${featureId}`,
  nameHi: null,
  expected: pct == null ? 0 : 100,
  declared: 0,
  verified: 0,
  done: pct ?? 0,
  pct,
});

describe('colour scale', () => {
  it('maps null and NaN to the no-data grey', () => {
    expect(colourForPct(null)).toBe(NO_DATA_COLOUR);
    expect(colourForPct(undefined)).toBe(NO_DATA_COLOUR);
    expect(colourForPct(Number.NaN)).toBe(NO_DATA_COLOUR);
  });

  it('uses five bins from red to green with exclusive upper bounds', () => {
    expect(COLOUR_BINS).toHaveLength(5);
    expect(binIndex(0)).toBe(0);
    expect(binIndex(19.9)).toBe(0);
    expect(binIndex(20)).toBe(1);
    expect(binIndex(59.99)).toBe(2);
    expect(binIndex(80)).toBe(4);
    expect(binIndex(100)).toBe(4);
    expect(colourForPct(0)).toBe(COLOUR_BINS[0].colour);
    expect(colourForPct(100)).toBe(COLOUR_BINS[4].colour);
  });

  it('clamps out-of-range values rather than failing', () => {
    expect(binIndex(-5)).toBe(0);
    expect(binIndex(140)).toBe(4);
  });
});

describe('map shaping', () => {
  it('reads feature ids from the layer property, falling back to the feature id', () => {
    expect(featureIdOf('districts', { id: 'x', properties: { census2011_code: 355 } })).toBe(355);
    expect(featureIdOf('pcs', { id: 7, properties: {} })).toBe(7);
    expect(featureIdOf('acs', { properties: { ac_no: '12' } })).toBe(12);
    expect(featureIdOf('acs', { properties: {} })).toBeNull();
  });

  it('gives polygons countable classes, with area-nodata when there is no figure', () => {
    expect(areaStyle('acs', null, fig(1, 50)).className).toBe('area area-acs');
    expect(areaStyle('pcs', null, fig(1, null)).className).toBe('area area-pcs area-nodata');
    expect(areaStyle('districts', null, undefined).className).toBe('area area-districts area-nodata');
    expect(areaStyle('acs', 7, fig(1, 90)).fillColor).toBe(COLOUR_BINS[4].colour);
    expect(areaStyle('acs', 12, fig(12, 40)).className).toBe('area area-acs area-acs-12');
  });

  it('indexes figures by feature id', () => {
    const idx = figureIndex([fig(3, 10), fig(5, null)]);
    expect(idx.get(3)?.unitId).toBe('u3');
    expect(idx.get(5)?.pct).toBeNull();
  });

  it('computes the bounding box of a multipolygon', () => {
    const b = featureBounds({
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [[[85, 23], [86, 23], [86, 24], [85, 23]]],
          [[[84.5, 22.5], [85, 22.5], [85, 23], [84.5, 22.5]]],
        ],
      },
    });
    expect(b).toEqual([[22.5, 84.5], [24, 86]]);
  });

  it('changes the layer key when a figure changes so polygons are rebuilt with the right classes', () => {
    const a = layerKey('acs', [fig(1, 10), fig(2, null)], 'en');
    expect(layerKey('acs', [fig(1, 10), fig(2, null)], 'en')).toBe(a);
    expect(layerKey('acs', [fig(1, 12), fig(2, null)], 'en')).not.toBe(a);
    expect(layerKey('acs', [fig(1, 10), fig(2, null)], 'hi')).not.toBe(a);
  });
});
