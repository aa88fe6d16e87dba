import type { FeatureCollection } from 'geojson';
import L, { type Layer, type PathOptions } from 'leaflet';
import { useEffect, useMemo } from 'react';
import { GeoJSON, MapContainer, useMap } from 'react-leaflet';
import type { AreaFigure, GeoJsonCollection, GeoLayers } from '../../../../shared/ipc/views';
import { displayName, formatNumber, formatPct } from '../../app/format';
import { COLOUR_BINS, NO_DATA_COLOUR } from './colourScale';
import { areaStyle, featureBounds, featureIdOf, figureIndex, layerKey, STATE_BOUNDS, type MapLayer } from './mapShaping';

export interface MapLabels {
  noData: string;
  legendTitle: string;
  /** e.g. "12 of 40 complete" — built by the caller with i18n. */
  figureLine: (f: AreaFigure) => string;
  blockHq: string;
}

type GeoFeature = GeoJsonCollection['features'][number];

function tooltipElement(lines: string[]): HTMLElement {
  // Built with textContent so names from data can never inject markup.
  const el = document.createElement('div');
  lines.forEach((line, i) => {
    const div = document.createElement(i === 0 ? 'strong' : 'div');
    div.textContent = line;
    el.appendChild(div);
  });
  return el;
}

function FitBounds({ bounds }: { bounds: [[number, number], [number, number]] }) {
  const map = useMap();
  // Refit only when the box itself changes, not on every render's new array.
  const key = bounds.flat().join(',');
  useEffect(() => {
    const [s, w, n, e] = key.split(',').map(Number);
    map.fitBounds([[s, w], [n, e]], { padding: [8, 8] });
  }, [map, key]);
  return null;
}

/**
 * Offline choropleth: bundled boundaries only, no tile layer. Polygons are SVG paths carrying
 * `area area-<layer>` (+ `area-nodata`) classes so tests and print styles can find them.
 */
export function ChoroplethMap({
  geo,
  layer,
  figures,
  lang,
  fitPcNo,
  labels,
  onAreaClick,
}: {
  geo: GeoLayers;
  layer: MapLayer;
  figures: AreaFigure[];
  lang: string;
  fitPcNo: number | null;
  labels: MapLabels;
  onAreaClick: (unitId: string) => void;
}) {
  const index = useMemo(() => figureIndex(figures), [figures]);
  const collection = geo[layer];

  const bounds = useMemo(() => {
    if (fitPcNo == null) return STATE_BOUNDS;
    const f = geo.pcs.features.find((x) => featureIdOf('pcs', x) === fitPcNo);
    return (f && featureBounds(f)) ?? STATE_BOUNDS;
  }, [fitPcNo, geo.pcs]);

  const style = (feature?: GeoFeature): PathOptions => {
    const id = feature ? featureIdOf(layer, feature) : null;
    return areaStyle(layer, id, id == null ? undefined : index.get(id));
  };

  const onEachFeature = (feature: GeoFeature, l: Layer) => {
    const id = featureIdOf(layer, feature);
    const fig = id == null ? undefined : index.get(id);
    const p = feature.properties;
    const fallbackName = String(p.district_name ?? p.pc_name ?? p.ac_name ?? id ?? '');
    const name = fig ? displayName(fig.nameEn, fig.nameHi, lang) : displayName(fallbackName, (p.pc_name_hi as string) ?? null, lang);
    const lines = [name];
    if (fig) {
      lines.push(labels.figureLine(fig));
      lines.push(formatPct(fig.pct, lang) ?? labels.noData);
    } else {
      lines.push(labels.noData);
    }
    l.bindTooltip(tooltipElement(lines), { sticky: true });
    if (fig) l.on('click', () => onAreaClick(fig.unitId));
  };

  const hqKey = `hq-${lang}`;
  return (
    <div className="map-wrap">
      <MapContainer
        className="map"
        bounds={STATE_BOUNDS}
        zoomSnap={0.25}
        attributionControl={false}
        scrollWheelZoom={false}
        style={{ height: '100%', width: '100%', background: '#f4f6f8' }}
      >
        <GeoJSON
          key={layerKey(layer, figures, lang)}
          data={collection as unknown as FeatureCollection}
          style={style as never}
          onEachFeature={onEachFeature as never}
        />
        <GeoJSON
          key={hqKey}
          data={geo.blockHq as unknown as FeatureCollection}
          pointToLayer={(feature, latlng) => {
            const p = feature.properties as Record<string, unknown>;
            const m = L.circleMarker(latlng, { radius: 3, className: 'block-hq', color: '#1f2d3d', weight: 1, fillColor: '#ffffff', fillOpacity: 1 });
            const name = String(p.block_name_lgd ?? p.subdistrict_name_lgd ?? p.subdistrict_name_census2011 ?? '');
            m.bindTooltip(tooltipElement([name, `${labels.blockHq} · ${String(p.district_name ?? '')}`]));
            return m;
          }}
        />
        <FitBounds bounds={bounds} />
      </MapContainer>
      <Legend labels={labels} lang={lang} />
    </div>
  );
}

function Legend({ labels, lang }: { labels: MapLabels; lang: string }) {
  return (
    <div className="map-legend" data-testid="map-legend">
      <div className="legend-title">{labels.legendTitle}</div>
      {COLOUR_BINS.map((b) => (
        <div key={b.min} className="legend-row">
          <span className="swatch" style={{ background: b.colour }} />
          {formatNumber(b.min, lang)}–{formatNumber(b.max, lang)}%
        </div>
      ))}
      <div className="legend-row">
        <span className="swatch" style={{ background: NO_DATA_COLOUR }} />
        {labels.noData}
      </div>
    </div>
  );
}
