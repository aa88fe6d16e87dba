/**
 * Just enough planar geometry to place block headquarters inside assembly constituencies. Ray casting
 * on longitude/latitude is exact enough at the scale of an AC (tens of km) and avoids a dependency.
 */
export type Ring = [number, number][];
export type PolygonCoords = Ring[];

export interface Area {
  polygons: PolygonCoords[];
  bbox: [number, number, number, number];
}

function inRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the exterior ring and outside every hole. */
export function pointInPolygon(lon: number, lat: number, polygon: PolygonCoords): boolean {
  if (polygon.length === 0 || !inRing(lon, lat, polygon[0])) return false;
  for (let h = 1; h < polygon.length; h++) if (inRing(lon, lat, polygon[h])) return false;
  return true;
}

export function toArea(geometry: { type: string; coordinates: unknown }): Area {
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates as PolygonCoords]
      : geometry.type === 'MultiPolygon'
        ? (geometry.coordinates as PolygonCoords[])
        : [];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of polygons)
    for (const [x, y] of p[0] ?? []) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  return { polygons, bbox: [minX, minY, maxX, maxY] };
}

export function pointInArea(lon: number, lat: number, area: Area): boolean {
  const [minX, minY, maxX, maxY] = area.bbox;
  if (lon < minX || lon > maxX || lat < minY || lat > maxY) return false;
  return area.polygons.some((p) => pointInPolygon(lon, lat, p));
}
