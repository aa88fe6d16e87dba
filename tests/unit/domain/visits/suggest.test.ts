import { describe, expect, it } from 'vitest';
import { findConflicts, type PlanWorld } from '../../../../shared/domain/visits/conflicts';
import { dateRange } from '../../../../shared/domain/visits/dates';
import { planValue, suggestTour, type Suggestion } from '../../../../shared/domain/visits/suggest';
import type { Visit, VisitRequest } from '../../../../shared/domain/visits/types';
import { leader, venue, visit, world } from './fixtures';

/** Mulberry32: a small seeded generator so every instance is reproducible. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function request(id: string, over: Partial<VisitRequest>): VisitRequest {
  return { id, pcNo: 8, leaderIds: ['L1'], priority: 3, preferredFrom: '2026-04-10', preferredTo: '2026-04-10', venueId: 'V1', areaAcNo: null, durationMin: 60, requestedBy: 'test', note: null, ...over };
}

function toVisits(s: readonly Suggestion[]): Visit[] {
  return s.map((x, i) => visit(`s${i}`, { leaderId: x.leaderId, venueId: x.venueId, date: x.date, startMin: x.startMin, durationMin: x.durationMin, requestId: x.requestId }));
}

/** A small random instance: 2 leaders (one national), 2 days, 4 venues in 3 Lok Sabha constituencies, 5 requests. */
function instance(seed: number): { w: PlanWorld; requests: VisitRequest[] } {
  const r = rng(seed);
  const days = [{ from: '2026-04-10', to: '2026-04-11', dayStartMin: 9 * 60, dayEndMin: 15 * 60 }];
  const l1 = leader({ id: 'L1', tier: 'national', availability: days, maxEventsPerDay: 2 + Math.floor(r() * 2), minGapMin: 15 });
  const l2 = leader({ id: 'L2', tier: 'state', availability: [{ ...days[0], from: '2026-04-11' }], maxEventsPerDay: 2, minGapMin: 15 });
  const venues = [0, 1, 2, 3].map((i) =>
    venue(`V${i}`, { lat: 23.0 + r() * 1.2, lon: 84.8 + r() * 1.6, pcNo: 6 + (i % 3), acNo: 40 + i, capacity: 5000 + Math.floor(r() * 20000) }),
  );
  const requests = [0, 1, 2, 3, 4].map((i) => {
    const v = venues[Math.floor(r() * venues.length)];
    const both = r() < 0.5;
    const day = r() < 0.5 ? '2026-04-10' : '2026-04-11';
    return request(`R${i}`, {
      pcNo: v.pcNo,
      venueId: v.id,
      priority: 1 + Math.floor(r() * 5),
      leaderIds: r() < 0.6 ? ['L1'] : ['L1', 'L2'],
      preferredFrom: both ? '2026-04-10' : day,
      preferredTo: both ? '2026-04-11' : day,
    });
  });
  return { w: world([l1, l2], venues, [[6, '2026-05-01'], [7, '2026-05-01'], [8, '2026-05-01']]), requests };
}

/** The true optimum by exhaustive search (branch and bound) over every leader, date and 60-minute start for each request. */
function exhaustiveOptimum(w: PlanWorld, requests: VisitRequest[]): number {
  const priorities = new Map(requests.map((r) => [r.id, r.priority]));
  let best = 0;
  const chosen: Visit[] = [];
  const rest = (i: number) => requests.slice(i).reduce((s, r) => s + r.priority + 3, 0);
  const dfs = (i: number) => {
    const value = planValue(w, [], chosen.map((v) => ({ ...v, requestId: v.requestId! })), priorities);
    if (value > best) best = value;
    if (i === requests.length || value + rest(i) <= best) return;
    const r = requests[i];
    for (const lid of r.leaderIds) {
      const l = w.leaders.get(lid)!;
      for (const date of dateRange(r.preferredFrom, r.preferredTo)) {
        for (const win of l.availability.filter((a) => a.from <= date && date <= a.to)) {
          for (let start = win.dayStartMin; start + r.durationMin <= win.dayEndMin; start += 60) {
            chosen.push(visit(`x${i}`, { leaderId: lid, venueId: r.venueId!, date, startMin: start, durationMin: r.durationMin, requestId: r.id }));
            if (findConflicts(w, chosen).length === 0) dfs(i + 1);
            chosen.pop();
          }
        }
      }
    }
    dfs(i + 1);
  };
  dfs(0);
  return best;
}

/**
 * Last measured (30 instances, base legs checked): mean ratio 0.980, worst 0.765, optimal in 24 of 30.
 * (Before the leg out from the base was a rule: mean 0.990, worst 0.889 — the tighter first slot of each
 * day leaves the greedy less room on one instance.)
 */
const INSTANCES = 30;

describe('suggestion engine', () => {
  it('reaches the exhaustive optimum on small instances (ratio reported)', () => {
    const ratios: number[] = [];
    for (let seed = 1; seed <= INSTANCES; seed++) {
      const { w, requests } = instance(seed);
      const result = suggestTour({ world: w, visits: [], requests, slotMin: 60 });
      // Whatever it proposes is conflict-free under the same rules the workspace shows.
      expect(findConflicts(w, toVisits(result.suggestions))).toEqual([]);
      const optimum = exhaustiveOptimum(w, requests);
      expect(result.value).toBeLessThanOrEqual(optimum);
      ratios.push(optimum === 0 ? 1 : result.value / optimum);
    }
    const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
    const min = Math.min(...ratios);
    console.info(`suggestTour vs exhaustive optimum over ${INSTANCES} instances: mean ratio ${mean.toFixed(3)}, worst ${min.toFixed(3)}, optimal in ${ratios.filter((x) => x === 1).length}/${INSTANCES}`);
    expect(min).toBeGreaterThanOrEqual(0.75);
    expect(mean).toBeGreaterThanOrEqual(0.95);
  }, 30_000);

  it('never moves an existing confirmed visit and never double-books around it', () => {
    const w = world([leader()], [venue('V1'), venue('V2', { acNo: 64, lat: 23.36, lon: 85.33 })]);
    const confirmed = visit('c', { status: 'confirmed', startMin: 9 * 60 + 30, durationMin: 120 });
    const result = suggestTour({ world: w, visits: [confirmed], requests: [request('R1', { venueId: 'V2', priority: 5 })] });
    expect(result.suggestions).toHaveLength(1);
    expect(result.suggestions[0].startMin).toBeGreaterThanOrEqual(11 * 60 + 45);
    expect(findConflicts(w, [confirmed, ...toVisits(result.suggestions)])).toEqual([]);
  });

  it('a request an existing visit answers gets nothing new', () => {
    const w = world([leader()], [venue('V1')]);
    const result = suggestTour({ world: w, visits: [visit('c', { requestId: 'R1' })], requests: [request('R1', {})] });
    expect(result.suggestions).toEqual([]);
    expect(result.unmet).toEqual([]);
  });

  it('honours the leader\'s daylight setting and the return leg to base', () => {
    const evening = [{ from: '2026-04-10', to: '2026-04-10', dayStartMin: 17 * 60 + 30, dayEndMin: 21 * 60 }];
    const venues = [venue('V1', { helipad: true })];
    const req = [request('R1', { venueId: 'V1', priority: 5 })];
    // An evening-only leader whose helicopter flies only by day cannot get there and back; one cleared for night flying can.
    const dayOnly = suggestTour({ world: world([leader({ availability: evening, helicopter: { cruiseKmh: 200, turnaroundMin: 20, daylightOnly: true } })], venues), visits: [], requests: req });
    expect(dayOnly.suggestions).toEqual([]);
    expect(dayOnly.unmet.map((u) => u.reason)).toEqual(['helicopter_daylight']);
    const night = world([leader({ availability: evening, helicopter: { cruiseKmh: 200, turnaroundMin: 20, daylightOnly: false } })], venues);
    const ok = suggestTour({ world: night, visits: [], requests: req });
    expect(ok.suggestions).toHaveLength(1);
    expect(findConflicts(night, toVisits(ok.suggestions))).toEqual([]);
    // By road from Jamshedpur (≈ 175 min home), the meeting is placed so the leader is back by 18:00.
    const far = world([leader()], [venue('V2', { lat: 22.8046, lon: 86.2029, acNo: 48, pcNo: 9 })], [[9, '2026-05-20']]);
    const r = suggestTour({ world: far, visits: [], requests: [request('R2', { venueId: 'V2', pcNo: 9 })] });
    expect(r.suggestions).toHaveLength(1);
    expect(r.suggestions[0].startMin + r.suggestions[0].durationMin).toBeLessThanOrEqual(18 * 60 - 170);
    expect(findConflicts(far, toVisits(r.suggestions))).toEqual([]);
  });

  it('says why each unmet request could not fit', () => {
    const w = world([leader({ maxEventsPerDay: 1, availability: [{ from: '2026-03-20', to: '2026-04-30', dayStartMin: 9 * 60, dayEndMin: 18 * 60 }] })], [venue('V1'), venue('V2', { pcNo: 9, acNo: 48 }), venue('V3', { permission: 'not_applied', permissionGrantedOn: null, permissionAppliedOn: null, acNo: 65 })], [[8, '2026-05-13'], [9, '2026-04-05']]);
    const result = suggestTour({
      world: w,
      visits: [],
      requests: [
        request('busy', { priority: 5 }),
        request('full', { priority: 2, venueId: 'V1' }),
        request('off', { preferredFrom: '2026-06-01', preferredTo: '2026-06-02' }),
        request('polled', { pcNo: 9, venueId: 'V2' }),
        request('nobody', { leaderIds: ['L9'] }),
        request('late', { venueId: 'V3', preferredFrom: '2026-03-22', preferredTo: '2026-03-24' }),
        request('noground', { venueId: null, areaAcNo: 80 }),
      ],
    });
    expect(result.suggestions.map((s) => s.requestId)).toEqual(['busy']);
    const why = Object.fromEntries(result.unmet.map((u) => [u.requestId, u.reason]));
    expect(why).toEqual({
      full: 'too_many_events',
      off: 'outside_availability',
      polled: 'after_polling',
      nobody: 'no_leader',
      late: 'permission_late',
      noground: 'no_venue',
    });
  });

  it('prefers the national leader where a Lok Sabha constituency has no national rally yet', () => {
    const w = world([leader({ id: 'S', tier: 'state' }), leader({ id: 'N', tier: 'national' })], [venue('V1')]);
    const result = suggestTour({ world: w, visits: [], requests: [request('R1', { leaderIds: ['S', 'N'] })] });
    expect(result.suggestions[0]).toMatchObject({ leaderId: 'N', value: 6 });
  });
});
