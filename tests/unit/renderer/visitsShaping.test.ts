import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/domain/visits/types';
import type { GeoJsonCollection, PlanningData } from '../../../shared/ipc/views';
import { acAtPoint, calendarBlocks, conflictValues, leaderDayRoute, minutesAtOffset, PX_PER_MIN, weekOf } from '../../../renderer/src/features/visits/shaping';
import { leader, venue, visit } from '../domain/visits/fixtures';

function plan(over: Partial<PlanningData>): PlanningData {
  return { today: '2026-04-01', canEdit: true, canRequest: true, settings: DEFAULT_SETTINGS, leaders: [], venues: [], requests: [], visits: [], pollDates: [], conflicts: [], coverage: [], suggested: null, ...over };
}

describe('visit workspace shaping', () => {
  it('weeks start on Monday', () => {
    expect(weekOf('2026-04-10')).toEqual(['2026-04-06', '2026-04-07', '2026-04-08', '2026-04-09', '2026-04-10', '2026-04-11', '2026-04-12']);
    expect(weekOf('2026-04-06')[0]).toBe('2026-04-06');
  });

  it('a drop position becomes a start time snapped to 15 minutes, inside the calendar day', () => {
    expect(minutesAtOffset((9 * 60 - 6 * 60) * PX_PER_MIN + 3, 60)).toBe(9 * 60);
    expect(minutesAtOffset((14 * 60 + 8 - 6 * 60) * PX_PER_MIN, 60)).toBe(14 * 60 + 15);
    expect(minutesAtOffset(-50, 60)).toBe(6 * 60);
    expect(minutesAtOffset(100_000, 90)).toBe(22 * 60 - 90);
  });

  it('calendar blocks: one leader, shown days only, cancelled left out, conflicts flagged', () => {
    const p = plan({
      leaders: [{ ...leader(), demo: false }],
      venues: [{ ...venue('V1'), districtCode: null, demo: false }],
      visits: [visit('a'), visit('b', { status: 'cancelled' }), visit('c', { leaderId: 'L2' }), visit('d', { date: '2026-04-11', startMin: 12 * 60 })],
      conflicts: [{ kind: 'double_booking', visitIds: ['d'], leaderId: 'L1', date: '2026-04-11', params: {} }],
    });
    const blocks = calendarBlocks(p, 'L1', ['2026-04-10', '2026-04-11']);
    expect(blocks.get('2026-04-10')!.map((b) => b.visit.id)).toEqual(['a']);
    expect(blocks.get('2026-04-10')![0]).toMatchObject({ top: 4 * 60 * PX_PER_MIN, height: 60 * PX_PER_MIN, conflicted: false });
    expect(blocks.get('2026-04-11')![0].conflicted).toBe(true);
    // Overlapping visits go to separate lanes so both stay visible.
    const overlap = calendarBlocks({ ...p, visits: [visit('x'), visit('y', { startMin: 10 * 60 + 30 }), visit('z', { startMin: 12 * 60 })] }, 'L1', ['2026-04-10']);
    expect(overlap.get('2026-04-10')!.map((b) => b.lane)).toEqual([0, 1, 0]);
  });

  it('a leader-day route: numbered stops, legs with travel time, sunrise and sunset at the first stop', () => {
    const p = plan({
      leaders: [{ ...leader(), demo: false }],
      venues: [
        { ...venue('V1'), districtCode: null, demo: false },
        { ...venue('V2', { lat: 22.8046, lon: 86.2029 }), districtCode: null, demo: false },
      ],
      visits: [visit('b', { venueId: 'V2', startMin: 15 * 60 }), visit('a')],
    });
    const r = leaderDayRoute(p, 'L1', '2026-04-10');
    expect(r.stops.map((s) => [s.order, s.visit.id])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    // Out from the base, between the stops, back to the base.
    expect(r.legs.map((l) => [l.fromVisitId, l.toVisitId])).toEqual([
      ['base', 'a'],
      ['a', 'b'],
      ['b', 'base'],
    ]);
    expect(r.legs[1]).toMatchObject({ mode: 'road', km: 109, departMin: 11 * 60 });
    expect(r.legs[0]).toMatchObject({ mode: 'road', from: [23.3143, 85.3217], arriveMin: 10 * 60 });
    expect(r.legs[2]).toMatchObject({ mode: 'road', departMin: 16 * 60, to: [23.3143, 85.3217] });
    expect(r.sun.sunriseMin).toBeGreaterThan(5 * 60);
    expect(r.sun.sunsetMin).toBeGreaterThan(18 * 60);
  });

  it('conflict sentences take venue and leader names in the chosen language', () => {
    const c = { kind: 'leg_gap' as const, visitIds: [], leaderId: null, date: '', params: { aEn: 'Morabadi', aHi: 'मोराबादी', bEn: 'Hatia', bHi: 'Hatia' } };
    expect(conflictValues(c, 'hi')).toMatchObject({ a: 'मोराबादी', b: 'Hatia' });
    expect(conflictValues(c, 'en')).toMatchObject({ a: 'Morabadi' });
    const d = { kind: 'double_booking' as const, visitIds: [], leaderId: null, date: '', params: { leader: 'Leader One', leaderHi: 'नेता एक' } };
    expect(conflictValues(d, 'hi')).toMatchObject({ leader: 'नेता एक' });
    expect(conflictValues(d, 'en')).toMatchObject({ leader: 'Leader One' });
  });

  it('a point picked on the map finds its assembly constituency in the bundled polygons', () => {
    const acs = JSON.parse(readFileSync('resources/jharkhand/assembly.geojson', 'utf8')) as GeoJsonCollection;
    // Morabadi ground, Ranchi: AC 63 Ranchi (or its neighbour Kanke 64 — the boundary runs near it).
    expect([63, 64]).toContain(acAtPoint(acs, 23.3927, 85.3286));
    // Jamshedpur's Bistupur lies in AC 49 Jamshedpur West or 48 Jamshedpur East.
    expect([48, 49]).toContain(acAtPoint(acs, 22.7868, 86.1843));
    expect(acAtPoint(acs, 28.6, 77.2)).toBeNull();
  });
});
