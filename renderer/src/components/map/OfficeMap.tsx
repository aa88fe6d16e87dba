import type { FeatureCollection } from 'geojson';
import { CircleMarker, GeoJSON, MapContainer, Tooltip, useMapEvents } from 'react-leaflet';
import type { GeoLayers } from '../../../../shared/ipc/views';
import { STATE_BOUNDS } from './mapShaping';

export interface OfficePoint {
  blockId: string;
  name: string;
  hq: [number, number] | null;
  office: [number, number] | null;
  hasOffice: boolean;
  selected: boolean;
}

function PickLocation({ onPick }: { onPick: (lat: number, lon: number) => void }) {
  useMapEvents({ click: (e) => onPick(Math.round(e.latlng.lat * 1e5) / 1e5, Math.round(e.latlng.lng * 1e5) / 1e5) });
  return null;
}

/**
 * Party offices as a point layer next to the block headquarters: hollow dots are block HQs (green when the
 * block has an office, red when not), filled squares-ish dots are the offices themselves. Clicking the map
 * picks a location for the selected block. Draws only: the page decides what the points are.
 */
export function OfficeMap({
  geo,
  points,
  picked,
  labels,
  onPick,
  onSelect,
}: {
  geo: GeoLayers;
  points: OfficePoint[];
  picked: [number, number] | null;
  labels: { hq: string; office: string; picked: string };
  onPick: ((lat: number, lon: number) => void) | null;
  onSelect: (blockId: string) => void;
}) {
  return (
    <div className="map-wrap" data-testid="office-map">
      <MapContainer className="map" bounds={STATE_BOUNDS} zoomSnap={0.25} attributionControl={false} scrollWheelZoom={false} style={{ height: '100%', width: '100%', background: '#f4f6f8' }}>
        <GeoJSON data={geo.districts as unknown as FeatureCollection} style={() => ({ color: '#8a94a0', weight: 1, fillColor: '#ffffff', fillOpacity: 0.6 })} />
        {points.map((p) =>
          p.hq ? (
            <CircleMarker
              key={`hq-${p.blockId}`}
              center={p.hq}
              radius={p.selected ? 7 : 4}
              // className goes in the constructor options: react-leaflet applies pathOptions with setStyle, which ignores it.
              className={`block-hq ${p.hasOffice ? 'hq-with-office' : 'hq-without-office'}`}
              pathOptions={{ color: p.hasOffice ? '#1b7f3b' : '#c0392b', weight: p.selected ? 3 : 1.5, fillColor: '#ffffff', fillOpacity: 1 }}
              eventHandlers={{ click: () => onSelect(p.blockId) }}
            >
              <Tooltip>{`${p.name} · ${labels.hq}`}</Tooltip>
            </CircleMarker>
          ) : null,
        )}
        {points.map((p) =>
          p.office ? (
            <CircleMarker key={`office-${p.blockId}`} center={p.office} radius={3} className="party-office" pathOptions={{ color: '#1b4f8a', fillColor: '#1b4f8a', fillOpacity: 1 }}>
              <Tooltip>{`${p.name} · ${labels.office}`}</Tooltip>
            </CircleMarker>
          ) : null,
        )}
        {picked && (
          <CircleMarker center={picked} radius={6} className="picked-location" pathOptions={{ color: '#e67e22', fillColor: '#e67e22', fillOpacity: 0.8 }}>
            <Tooltip>{labels.picked}</Tooltip>
          </CircleMarker>
        )}
        {onPick && <PickLocation onPick={onPick} />}
      </MapContainer>
    </div>
  );
}
