import type { Leader, PlanningSettings, Terrain, TravelMode } from './types';

const EARTH_RADIUS_KM = 6371.0088;

export interface Point {
  lat: number;
  lon: number;
}

/** Great-circle distance in km (haversine; mean Earth radius). */
export function haversineKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Road time: straight line × the road factor (Jharkhand's roads wind; 1.4 is the usual circuity for
 * Indian district roads), at the leader's speed for the slower terrain of the two ends.
 */
export function roadMinutes(km: number, leader: Pick<Leader, 'road'>, terrains: [Terrain, Terrain], settings: Pick<PlanningSettings, 'roadFactor'>): number {
  const kmh = terrains.includes('hills') ? leader.road.hillsKmh : leader.road.plainsKmh;
  return Math.ceil(((km * settings.roadFactor) / kmh) * 60);
}

/** Helicopter time: straight line at cruise speed plus one turnaround (start-up, taxi, landing). */
export function helicopterMinutes(km: number, heli: { cruiseKmh: number; turnaroundMin: number }): number {
  return Math.ceil((km / heli.cruiseKmh) * 60 + heli.turnaroundMin);
}

export interface LegEnd extends Point {
  helipad: boolean;
  terrain: Terrain;
}

export interface Leg {
  mode: TravelMode;
  km: number;
  minutes: number;
  /** True when the scheduler's known time replaced the computed one. */
  overridden: boolean;
}

/**
 * How a leader gets from one stop to the next: by helicopter when the leader has one and both ends have
 * a helipad (and the scheduler did not choose road), otherwise by road; a scheduler's override wins.
 */
export function planLeg(
  from: LegEnd,
  to: LegEnd,
  leader: Pick<Leader, 'road' | 'helicopter'>,
  settings: Pick<PlanningSettings, 'roadFactor'>,
  override?: { minutes: number | null; mode: TravelMode | null },
): Leg {
  const km = haversineKm(from, to);
  const canFly = leader.helicopter != null && from.helipad && to.helipad;
  const mode: TravelMode = override?.mode ?? (canFly ? 'helicopter' : 'road');
  const computed =
    mode === 'helicopter' && leader.helicopter ? helicopterMinutes(km, leader.helicopter) : roadMinutes(km, leader, [from.terrain, to.terrain], settings);
  if (override?.minutes != null) return { mode, km, minutes: override.minutes, overridden: true };
  return { mode, km, minutes: km < 0.05 ? 0 : computed, overridden: false };
}
