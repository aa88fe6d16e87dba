import { describe, expect, it } from 'vitest';
import { baseLegsOfDay, explainConflict, findConflicts, legsOfDay } from '../../../../shared/domain/visits/conflicts';
import { leader, venue, visit, world } from './fixtures';

const RANCHI = { lat: 23.3441, lon: 85.3096 };
const JAMSHEDPUR = { lat: 22.8046, lon: 86.2029, acNo: 48, pcNo: 9 };

const kinds = (w: ReturnType<typeof world>, vs: Parameters<typeof findConflicts>[1]) => findConflicts(w, vs).map((c) => c.kind).sort();

describe('conflict rules, each explained in words', () => {
  it('none on a clean day', () => {
    const w = world([leader()], [venue('V1'), venue('V2', { lat: 23.4, lon: 85.35, acNo: 64 })]);
    expect(findConflicts(w, [visit('a'), visit('b', { venueId: 'V2', startMin: 13 * 60 })])).toEqual([]);
  });

  it('double booking: one leader in two places at once', () => {
    const w = world([leader()], [venue('V1'), venue('V2', { acNo: 64 })]);
    const cs = findConflicts(w, [visit('a'), visit('b', { venueId: 'V2', startMin: 10 * 60 + 30 })]);
    expect(cs.map((c) => c.kind)).toContain('double_booking');
    const c = cs.find((x) => x.kind === 'double_booking')!;
    expect(c.visitIds).toEqual(['a', 'b']);
    expect(explainConflict(c)).toBe('Leader One is booked twice at once: Ground V1 at 10:00 overlaps Ground V2 at 10:30.');
  });

  it('a cancelled visit conflicts with nothing', () => {
    const w = world([leader()], [venue('V1')]);
    expect(findConflicts(w, [visit('a'), visit('b', { status: 'cancelled' })])).toEqual([]);
  });

  it('leg not coverable: travel + minimum gap longer than the free time between events', () => {
    const w = world([leader()], [venue('V1', RANCHI), venue('V2', JAMSHEDPUR)]);
    // Ranchi → Jamshedpur ≈ 109 km × 1.4 at 50 km/h ≈ 183 min; only 60 min free.
    const cs = findConflicts(w, [visit('a'), visit('b', { venueId: 'V2', startMin: 12 * 60 })]);
    const c = cs.find((x) => x.kind === 'leg_gap')!;
    expect(c.params).toMatchObject({ mode: 'road', gap: 60, minGap: 15 });
    expect(Number(c.params.travel)).toBeGreaterThan(170);
    expect(explainConflict(c)).toMatch(/^Ground V1 to Ground V2 takes \d+ min by road \(109 km\) plus a 15 min minimum gap, but only 60 min are free between the events\.$/);
    // The scheduler knows the road is faster: the override removes the conflict.
    expect(kinds(w, [visit('a'), visit('b', { venueId: 'V2', startMin: 12 * 60, legOverrideMin: 40 })])).toEqual([]);
  });

  it('helicopter leg outside daylight: landing after sunset', () => {
    const heli = leader({ helicopter: { cruiseKmh: 200, turnaroundMin: 20, daylightOnly: true }, availability: [{ from: '2026-04-01', to: '2026-04-30', dayStartMin: 6 * 60, dayEndMin: 21 * 60 }] });
    const w = world([heli], [venue('V1', { ...RANCHI, helipad: true }), venue('V2', { ...JAMSHEDPUR, helipad: true })], [[8, '2026-05-13'], [9, '2026-05-20']]);
    // Sunset at Jamshedpur on 10 Apr 2026 is about 18:03; leaving Ranchi at 17:45 lands about 18:38.
    const late = findConflicts(w, [visit('a', { startMin: 16 * 60 + 45 }), visit('b', { venueId: 'V2', startMin: 19 * 60 })]);
    const c = late.find((x) => x.kind === 'helicopter_daylight')!;
    expect(c).toBeDefined();
    expect(explainConflict(c)).toMatch(/^The helicopter leg Ground V1 → Ground V2 would fly 17:45–18:\d\d, outside daylight \(sunrise 05:\d\d, sunset 18:0\d\); this leader's helicopter flies only in daylight\.$/);
    // The same legs at midday are fine, and legsOfDay reports a helicopter leg of about an hour.
    const day = [visit('a'), visit('b', { venueId: 'V2', startMin: 13 * 60 })];
    expect(kinds(w, day)).toEqual([]);
    const [leg] = legsOfDay(w, heli, day);
    expect(leg.leg.mode).toBe('helicopter');
    expect(leg.leg.minutes).toBe(Math.ceil((leg.leg.km / 200) * 60 + 20));
  });

  it('base leg: the first stop must be reachable from the base after the leader\'s day starts', () => {
    // Base: Ranchi airport. Jamshedpur is ≈ 108 km away: ≈ 180 min by road, so a 10:00 event cannot follow a 09:00 start.
    const w = world([leader()], [venue('V1', RANCHI), venue('V2', JAMSHEDPUR)], [[8, '2026-05-13'], [9, '2026-05-20']]);
    const cs = findConflicts(w, [visit('b', { venueId: 'V2' })]);
    const c = cs.find((x) => x.kind === 'base_leg')!;
    expect(c.visitIds).toEqual(['b']);
    expect(explainConflict(c)).toMatch(/^From the base Ranchi airport to Ground V2 takes \d+ min by road \(\d+ km\), but the leader's day starts at 09:00 and the event at 10:00\.$/);
    // Later in the day it fits; a known faster time on the arriving leg also clears it.
    expect(kinds(w, [visit('b', { venueId: 'V2', startMin: 13 * 60 })])).toEqual([]);
    expect(kinds(w, [visit('b', { venueId: 'V2', legOverrideMin: 45 })])).toEqual([]);
    // Only the day's first stop comes from the base: a nearby first stop makes the far one a stop-to-stop leg.
    expect(kinds(w, [visit('a', { startMin: 9 * 60 + 15, durationMin: 30 }), visit('b', { venueId: 'V2', startMin: 13 * 60 + 30 })])).toEqual([]);
  });

  it('base legs by helicopter fly only in daylight, out and back', () => {
    const heli = leader({ helicopter: { cruiseKmh: 200, turnaroundMin: 20, daylightOnly: true }, availability: [{ from: '2026-04-01', to: '2026-04-30', dayStartMin: 4 * 60, dayEndMin: 23 * 60 }] });
    const w = world([heli], [venue('V2', { ...JAMSHEDPUR, helipad: true })], [[9, '2026-05-20']]);
    // Out: landing at 06:00 means leaving the base around 05:00, before sunrise (≈ 05:30).
    const early = findConflicts(w, [visit('b', { venueId: 'V2', startMin: 6 * 60 })]);
    expect(early.map((c) => c.kind)).toEqual(['helicopter_daylight']);
    expect(explainConflict(early[0])).toMatch(/^The helicopter leg Ranchi airport → Ground V2 would fly 0\d:\d\d–06:00, outside daylight/);
    // Back: an event ending 18:30 flies home after sunset (≈ 18:05).
    const late = findConflicts(w, [visit('b', { venueId: 'V2', startMin: 17 * 60 + 30 })]);
    expect(late.map((c) => c.kind)).toEqual(['helicopter_daylight']);
    expect(explainConflict(late[0])).toMatch(/^The helicopter leg Ground V2 → Ranchi airport would fly 18:30–/);
    // Midday is fine, and the legs are reported with their times.
    const midday = [visit('b', { venueId: 'V2', startMin: 11 * 60 })];
    expect(kinds(w, midday)).toEqual([]);
    const { out, back } = baseLegsOfDay(w, heli, midday);
    expect(out).toMatchObject({ fromVisitId: 'base', toVisitId: 'b', arriveMin: 11 * 60 });
    expect(out!.leg.mode).toBe('helicopter');
    expect(back).toMatchObject({ fromVisitId: 'b', toVisitId: 'base', departMin: 12 * 60 });
  });

  it('a helicopter that may fly after dark: the daylight rule is the leader\'s setting', () => {
    const hours = [{ from: '2026-04-01', to: '2026-04-30', dayStartMin: 4 * 60, dayEndMin: 23 * 60 }];
    const venues = [venue('V1', { ...RANCHI, helipad: true }), venue('V2', { ...JAMSHEDPUR, helipad: true })];
    const day = [visit('b', { venueId: 'V2', startMin: 6 * 60 }), visit('c', { venueId: 'V1', startMin: 17 * 60 + 30 })];
    // Daylight only (the default): out before sunrise, between the stops and home after sunset are all flagged.
    const dayOnly = world([leader({ helicopter: { cruiseKmh: 200, turnaroundMin: 20, daylightOnly: true }, availability: hours })], venues, [[8, '2026-05-13'], [9, '2026-05-20']]);
    expect(kinds(dayOnly, day)).toEqual(['helicopter_daylight', 'helicopter_daylight']);
    const lateHop = [visit('a', { startMin: 16 * 60 + 45 }), visit('b', { venueId: 'V2', startMin: 19 * 60 })];
    expect(kinds(dayOnly, lateHop)).toContain('helicopter_daylight');
    // The same days with night flying allowed have no conflict at all.
    const night = world([leader({ helicopter: { cruiseKmh: 200, turnaroundMin: 20, daylightOnly: false }, availability: hours })], venues, [[8, '2026-05-13'], [9, '2026-05-20']]);
    expect(kinds(night, day)).toEqual([]);
    expect(kinds(night, lateHop)).toEqual([]);
  });

  it('return leg: the leader must be back at the base before the day ends', () => {
    // Jamshedpur → Ranchi airport is ≈ 175 min by road; an event ending 15:30 gets home after 18:00.
    const w = world([leader()], [venue('V2', JAMSHEDPUR)], [[9, '2026-05-20']]);
    const cs = findConflicts(w, [visit('b', { venueId: 'V2', startMin: 14 * 60 + 30 })]);
    expect(cs.map((c) => c.kind)).toEqual(['return_leg']);
    expect(cs[0].visitIds).toEqual(['b']);
    expect(explainConflict(cs[0])).toMatch(
      /^Back from Ground V2 to the base Ranchi airport takes \d+ min by road \(\d+ km\): leaving at 15:30 the leader reaches the base at 18:\d\d, after the day ends at 18:00\.$/,
    );
    // An hour earlier it fits.
    expect(kinds(w, [visit('b', { venueId: 'V2', startMin: 13 * 60 })])).toEqual([]);
    // Only the day's last stop goes home: a nearby stop after it takes over the return leg.
    const w2 = world([leader()], [venue('V1', RANCHI), venue('V2', JAMSHEDPUR)], [[8, '2026-05-13'], [9, '2026-05-20']]);
    expect(kinds(w2, [visit('b', { venueId: 'V2', startMin: 12 * 60, durationMin: 30 }), visit('a', { startMin: 16 * 60 + 15, durationMin: 60 })])).toEqual([]);
  });

  it('outside availability: on a date outside the windows, or outside the daily hours', () => {
    const w = world([leader()], [venue('V1')]);
    const off = findConflicts(w, [visit('a', { date: '2026-05-02' })]);
    expect(off.map((c) => c.kind)).toEqual(['outside_availability']);
    expect(explainConflict(off[0])).toBe('Leader One is not available on this date.');
    const late = findConflicts(w, [visit('a', { startMin: 17 * 60 + 30 })]);
    expect(explainConflict(late[0])).toBe('Leader One is available 09:00–18:00 that day; this visit runs 17:30–18:30.');
  });

  it('permission not granted by the lead time', () => {
    const notApplied = venue('V1', { permission: 'not_applied', permissionAppliedOn: null, permissionGrantedOn: null });
    const w = world([leader()], [notApplied]);
    // Today 20 Mar + 7 days' lead = 27 Mar at the earliest: a visit on 25 Mar cannot have it, 10 Apr can.
    const cs = findConflicts(w, [visit('a', { date: '2026-03-25' })]).filter((c) => c.kind === 'permission_late');
    expect(cs).toHaveLength(1);
    expect(explainConflict(cs[0])).toBe('Permission for Ground V1 is not granted and needs 7 days: it cannot be granted before 2026-03-27.');
    expect(kinds(w, [visit('a')])).toEqual([]);
    // The authority's own lead time wins over the state's default.
    const slow = world([leader()], [venue('V1', { permission: 'applied', permissionAppliedOn: '2026-04-01', permissionGrantedOn: null, authorityLeadDays: 14 })]);
    expect(kinds(slow, [visit('a')])).toEqual(['permission_late']);
    const refused = world([leader()], [venue('V1', { permission: 'refused' })]);
    expect(explainConflict(findConflicts(refused, [visit('a')])[0])).toBe('Permission for Ground V1 was refused.');
    // Granted, but only after the visit's day: the visit had no permission.
    const lateGrant = world([leader()], [venue('V1', { permission: 'granted', permissionAppliedOn: '2026-03-01', permissionGrantedOn: '2026-04-12' })]);
    const lg = findConflicts(lateGrant, [visit('a', { date: '2026-04-10' })]).filter((c) => c.kind === 'permission_late');
    expect(lg).toHaveLength(1);
    expect(explainConflict(lg[0])).toBe('Permission for Ground V1 was granted on 2026-04-12, after this visit’s day.');
    expect(kinds(lateGrant, [visit('a', { date: '2026-04-12' })])).toEqual([]);
  });

  it('two big rallies in one assembly constituency the same day, whichever leaders', () => {
    const w = world([leader(), leader({ id: 'L2', nameEn: 'Leader Two' })], [venue('V1', { capacity: 20000 }), venue('V2', { capacity: 15000 }), venue('V3', { capacity: 15000, acNo: 64 })]);
    const cs = findConflicts(w, [visit('a'), visit('b', { leaderId: 'L2', venueId: 'V2', startMin: 15 * 60 })]);
    expect(cs.map((c) => c.kind)).toEqual(['big_rallies_same_ac']);
    expect(explainConflict(cs[0])).toBe('Two big rallies (10000+ capacity) in assembly constituency 63 on the same day: Ground V1 and Ground V2.');
    expect(kinds(w, [visit('a'), visit('b', { leaderId: 'L2', venueId: 'V3', startMin: 15 * 60 })])).toEqual([]);
    expect(kinds(w, [visit('a'), visit('b', { leaderId: 'L2', venueId: 'V2', date: '2026-04-11' })])).toEqual([]);
  });

  it('a visit on or after the constituency’s polling date', () => {
    const w = world([leader()], [venue('V1')], [[8, '2026-04-10']]);
    const cs = findConflicts(w, [visit('a')]);
    expect(cs.map((c) => c.kind)).toEqual(['after_polling']);
    expect(explainConflict(cs[0])).toBe('Ground V1 is in Lok Sabha constituency 8, which polls on 2026-04-10: a visit on or after polling day cannot campaign.');
    expect(kinds(w, [visit('a', { date: '2026-04-09' })])).toEqual([]);
  });

  it('more events in a day than the leader’s maximum', () => {
    const w = world([leader({ maxEventsPerDay: 2, minGapMin: 0 })], [venue('V1')]);
    const cs = findConflicts(w, [visit('a'), visit('b', { startMin: 11 * 60 }), visit('c', { startMin: 12 * 60 })]);
    expect(cs.map((c) => c.kind)).toEqual(['too_many_events']);
    expect(explainConflict(cs[0])).toBe('Leader One has 3 events this day; the most is 2.');
  });
});
