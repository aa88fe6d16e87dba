import type { FeatureCollection } from 'geojson';
import { useEffect } from 'react';
import { CircleMarker, GeoJSON, MapContainer, Polyline, Tooltip, useMap, useMapEvents } from 'react-leaflet';
import type { GeoLayers } from '../../../../shared/ipc/views';
import { STATE_BOUNDS } from '../../components/map/mapShaping';

export interface MapStop {
  id: string;
  lat: number;
  lon: number;
  label: string;
  order?: number;
  selected?: boolean;
}

export interface MapLeg {
  id: string;
  from: [number, number];
  to: [number, number];
  label: string;
  mode: 'road' | 'helicopter';
}

function FitTo({ points }: { points: [number, number][] }) {
  const map = useMap();
  const key = points.map((p) => p.join(',')).join(';');
  useEffect(() => {
    if (points.length === 0) {
      map.fitBounds(STATE_BOUNDS, { padding: [8, 8] });
    } else if (points.length === 1) {
      map.setView(points[0], 9);
    } else {
      const lats = points.map((p) => p[0]);
      const lons = points.map((p) => p[1]);
      map.fitBounds(
        [
          [Math.min(...lats), Math.min(...lons)],
          [Math.max(...lats), Math.max(...lons)],
        ],
        { padding: [30, 30] },
      );
    }
    // `key` summarises the points: refit only when they change, not on every render's new array.
  }, [map, key]);
  return null;
}

function ClickToPick({ onPick }: { onPick: (lat: number, lon: number) => void }) {
  useMapEvents({ click: (e) => onPick(e.latlng.lat, e.latlng.lng) });
  return null;
}

/**
 * Offline map of stops and legs over the bundled constituency boundaries (no tile server). Used for a
 * leader-day (numbered stops, legs labelled with travel time) and for picking a venue's location.
 */
export function DayMap({
  geo,
  stops,
  legs,
  testId,
  onPick,
  onStopClick,
  base,
}: {
  geo: GeoLayers;
  /** The leader's base, drawn when the day's legs start or end there. */
  base?: { lat: number; lon: number; label: string } | null;
  stops: MapStop[];
  legs: MapLeg[];
  testId: string;
  onPick?: (lat: number, lon: number) => void;
  onStopClick?: (id: string) => void;
}) {
  return (
    <div className="map-wrap day-map" data-testid={testId}>
      <MapContainer className="map" bounds={STATE_BOUNDS} zoomSnap={0.25} attributionControl={false} scrollWheelZoom={false} style={{ height: '100%', width: '100%', background: '#f4f6f8' }}>
        <GeoJSON data={geo.acs as unknown as FeatureCollection} style={() => ({ color: '#9aa5b1', weight: 0.6, fillColor: '#ffffff', fillOpacity: 0.6 })} />
        <GeoJSON data={geo.pcs as unknown as FeatureCollection} style={() => ({ color: '#52606d', weight: 1.4, fill: false })} />
        {legs.map((l) => (
          <Polyline key={l.id} positions={[l.from, l.to]} pathOptions={{ color: l.mode === 'helicopter' ? '#7b2cbf' : '#d9480f', weight: 3, dashArray: l.mode === 'helicopter' ? '6 6' : undefined, className: `leg leg-${l.mode}` }}>
            <Tooltip permanent direction="center" className="leg-label">
              {l.label}
            </Tooltip>
          </Polyline>
        ))}
        {stops.map((s) => (
          <CircleMarker
            key={s.id}
            center={[s.lat, s.lon]}
            radius={s.selected ? 9 : 7}
            pathOptions={{ color: '#1f2d3d', weight: 2, fillColor: s.selected ? '#f59f00' : '#1971c2', fillOpacity: 0.9, className: 'stop' }}
            eventHandlers={onStopClick ? { click: () => onStopClick(s.id) } : undefined}
          >
            <Tooltip permanent={s.order != null} direction="top" offset={[0, -8]} className="stop-label">
              {s.order != null ? `${s.order}. ${s.label}` : s.label}
            </Tooltip>
          </CircleMarker>
        ))}
        {base && (
          <CircleMarker center={[base.lat, base.lon]} radius={6} pathOptions={{ color: '#1f2d3d', weight: 2, fillColor: '#2b8a3e', fillOpacity: 0.9, className: 'base' }}>
            <Tooltip permanent direction="bottom" offset={[0, 8]} className="base-label">
              {base.label}
            </Tooltip>
          </CircleMarker>
        )}
        {onPick && <ClickToPick onPick={onPick} />}
        <FitTo points={[...stops.map((s) => [s.lat, s.lon] as [number, number]), ...(base ? [[base.lat, base.lon] as [number, number]] : [])]} />
      </MapContainer>
    </div>
  );
}
