import type { FeatureCollection } from 'geojson';
import L, { type Layer, type PathOptions } from 'leaflet';
import { useEffect, useMemo } from 'react';
import { CircleMarker, GeoJSON, MapContainer, Tooltip, useMap } from 'react-leaflet';
import type { AreaFigure, GeoJsonCollection, GeoLayers } from '../../../../shared/ipc/views';
import { displayName, formatNumber, formatPct } from '../../app/format';
import { COLOUR_BINS, NO_DATA_COLOUR } from './colourScale';
import { areaStyle, featureBounds, featureIdOf, figureIndex, layerKey, STATE_BOUNDS, type MapLayer } from './mapShaping';

export interface StatusPoint {
  id: string;
  lat: number;
  lon: number;
  status: 'done' | 'pending' | 'overdue';
  lines: string[];
}

/** done / pending / overdue, the colours of the compliance lists. */
export const STATUS_COLOURS: Record<StatusPoint['status'], string> = { done: '#1b7f3b', pending: '#e0a800', overdue: '#c0392b' };
const EMPTY_COLLECTION = { type: 'FeatureCollection', features: [] };

export interface MapLabels {
  noData: string;
  legendTitle: string;
  /** e.g. "12 of 40 complete" — built by the caller with i18n. */
  figureLine: (f: AreaFigure) => string;
  blockHq: string;
  /** Legend names of the point colours, when points are drawn. */
  statuses?: Record<StatusPoint['status'], string>;
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
  points,
}: {
  geo: GeoLayers;
  layer: MapLayer;
  figures: AreaFigure[];
  lang: string;
  fitPcNo: number | null;
  labels: MapLabels;
  onAreaClick: (unitId: string) => void;
  /** Coloured points drawn instead of the plain block headquarters (e.g. block compliance). */
  points?: readonly StatusPoint[];
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
        {points?.map((p) => (
          <CircleMarker
            key={p.id}
            center={[p.lat, p.lon]}
            radius={5}
            // className goes in the constructor options: react-leaflet applies pathOptions with setStyle, which ignores it.
            className={`status-point status-point-${p.status}`}
            pathOptions={{ color: '#1f2d3d', weight: 1, fillColor: STATUS_COLOURS[p.status], fillOpacity: 1 }}
          >
            <Tooltip>{p.lines.join(' · ')}</Tooltip>
          </CircleMarker>
        ))}
        <GeoJSON
          key={`${hqKey}-${points ? 'hidden' : 'shown'}`}
          data={(points ? EMPTY_COLLECTION : geo.blockHq) as unknown as FeatureCollection}
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
      <Legend labels={labels} lang={lang} withStatuses={Boolean(points)} />
    </div>
  );
}

function Legend({ labels, lang, withStatuses }: { labels: MapLabels; lang: string; withStatuses: boolean }) {
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
      {withStatuses &&
        labels.statuses &&
        (['done', 'pending', 'overdue'] as const).map((st) => (
          <div key={st} className="legend-row">
            <span className="swatch round" style={{ background: STATUS_COLOURS[st] }} />
            {labels.statuses?.[st]}
          </div>
        ))}
    </div>
  );
}
