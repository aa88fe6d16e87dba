import { describe, expect, it } from 'vitest';
import { haversineKm, helicopterMinutes, planLeg, roadMinutes } from '../../../../shared/domain/visits/travel';
import { DEFAULT_SETTINGS } from '../../../../shared/domain/visits/types';
import { leader } from './fixtures';

const RANCHI = { lat: 23.3441, lon: 85.3096 };
const JAMSHEDPUR = { lat: 22.8046, lon: 86.2029 };
const DHANBAD = { lat: 23.7957, lon: 86.4304 };

describe('travel time', () => {
  it('haversine distance matches the known straight-line distances (±1%)', () => {
    // Ranchi–Jamshedpur ≈ 109 km and Ranchi–Dhanbad ≈ 124 km as the crow flies.
    expect(haversineKm(RANCHI, JAMSHEDPUR)).toBeGreaterThan(107.5);
    expect(haversineKm(RANCHI, JAMSHEDPUR)).toBeLessThan(110.5);
    expect(haversineKm(RANCHI, DHANBAD)).toBeGreaterThan(122);
    expect(haversineKm(RANCHI, DHANBAD)).toBeLessThan(125.5);
    expect(haversineKm(RANCHI, RANCHI)).toBe(0);
    expect(haversineKm(RANCHI, JAMSHEDPUR)).toBeCloseTo(haversineKm(JAMSHEDPUR, RANCHI), 9);
  });

  it('road time is distance × road factor at the terrain speed, rounded up to the minute', () => {
    const l = leader({ road: { plainsKmh: 50, hillsKmh: 30 } });
    // 100 km × 1.4 = 140 km at 50 km/h = 168 min; in the hills at 30 km/h = 280 min.
    expect(roadMinutes(100, l, ['plains', 'plains'], { roadFactor: 1.4 })).toBe(168);
    expect(roadMinutes(100, l, ['plains', 'hills'], { roadFactor: 1.4 })).toBe(280);
  });

  it('helicopter time is cruise time plus one turnaround', () => {
    // 120 km at 200 km/h = 36 min + 20 min turnaround.
    expect(helicopterMinutes(120, { cruiseKmh: 200, turnaroundMin: 20 })).toBe(56);
  });

  it('a leg flies only with a helicopter and helipads at both ends; an override wins', () => {
    const heli = leader({ helicopter: { cruiseKmh: 220, turnaroundMin: 20, daylightOnly: true } });
    const a = { ...RANCHI, helipad: true, terrain: 'plains' as const };
    const b = { ...JAMSHEDPUR, helipad: true, terrain: 'plains' as const };
    expect(planLeg(a, b, heli, DEFAULT_SETTINGS).mode).toBe('helicopter');
    expect(planLeg(a, { ...b, helipad: false }, heli, DEFAULT_SETTINGS).mode).toBe('road');
    expect(planLeg(a, b, leader(), DEFAULT_SETTINGS).mode).toBe('road');
    const road = planLeg(a, b, leader(), DEFAULT_SETTINGS);
    expect(road.minutes).toBe(Math.ceil(((road.km * 1.4) / 50) * 60));
    const over = planLeg(a, b, heli, DEFAULT_SETTINGS, { minutes: 95, mode: 'road' });
    expect(over).toMatchObject({ mode: 'road', minutes: 95, overridden: true });
  });
});
