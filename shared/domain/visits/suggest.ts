import { baseEnd, checkBigRallies, checkLeaderDay, checkVisitAlone, legBetween, type ConflictKind, type PlanWorld } from './conflicts';
import { planLeg } from './travel';
import { dateRange } from './dates';
import { isLive, type Leader, type Venue, type Visit, type VisitRequest } from './types';

/**
 * The suggested tour: a greedy heuristic on priority-weighted marginal coverage (lazy greedy — a
 * request's value can only fall as Lok Sabha constituencies get covered, so a stale bound is re-scored
 * before it is placed), cheapest feasible insertion into the leader's day, then a local improvement
 * pass (drop one suggested visit to make room for a more valuable unmet request, and re-place the
 * dropped one elsewhere if it still fits). Existing visits — proposed, confirmed or held — are fixed:
 * a new suggestion never moves them. Every candidate is checked with the same conflict rules the
 * workspace shows, so a suggestion never introduces a conflict.
 */

/** Bonus for the first national-leader rally in a Lok Sabha constituency before its polling date. */
export const COVERAGE_BONUS = 3;
const MAX_VENUES_PER_REQUEST = 6;

export const UNMET_REASONS = [
  'no_leader',
  'no_venue',
  'outside_availability',
  'after_polling',
  'permission_late',
  'double_booking',
  'leg_gap',
  'helicopter_daylight',
  'too_many_events',
  'big_rallies_same_ac',
  'base_leg',
  'return_leg',
  'outvalued',
] as const;
export type UnmetReason = (typeof UNMET_REASONS)[number];

export interface Suggestion {
  requestId: string;
  leaderId: string;
  venueId: string;
  date: string;
  startMin: number;
  durationMin: number;
  /** Priority plus the coverage bonus when this visit is the Lok Sabha's first national-leader rally. */
  value: number;
}

export interface Unmet {
  requestId: string;
  reason: UnmetReason;
  /** How many candidate placements that reason blocked (for "x of y tried"). */
  blocked: number;
  tried: number;
}

export interface SuggestInput {
  world: PlanWorld;
  /** Existing visits: fixed, never moved. */
  visits: readonly Visit[];
  requests: readonly VisitRequest[];
  /** Start times snap to this grid (minutes). */
  slotMin?: number;
  /** Stop local improvement after this many accepted moves (keeps the bench bounded). */
  maxImprovements?: number;
}

export interface SuggestResult {
  suggestions: Suggestion[];
  unmet: Unmet[];
  value: number;
}

class Plan {
  /** leaderId|date → live visits */
  byLeaderDay = new Map<string, Visit[]>();
  byDate = new Map<string, Visit[]>();
  coveredPcs = new Set<number>();
  constructor(private world: PlanWorld) {}

  add(v: Visit): void {
    push(this.byLeaderDay, `${v.leaderId}|${v.date}`, v);
    push(this.byDate, v.date, v);
    const pc = this.coveringPc(v);
    if (pc != null) this.coveredPcs.add(pc);
  }

  remove(v: Visit): void {
    pull(this.byLeaderDay, `${v.leaderId}|${v.date}`, v.id);
    pull(this.byDate, v.date, v.id);
    this.recomputeCoverage();
  }

  coveringPc(v: Pick<Visit, 'leaderId' | 'venueId' | 'date'>): number | null {
    const leader = this.world.leaders.get(v.leaderId);
    const venue = this.world.venues.get(v.venueId);
    if (!leader || !venue || leader.tier !== 'national') return null;
    const poll = this.world.pollDates.get(venue.pcNo);
    return poll && v.date >= poll ? null : venue.pcNo;
  }

  private recomputeCoverage(): void {
    this.coveredPcs.clear();
    for (const list of this.byDate.values()) {
      for (const v of list) {
        const pc = this.coveringPc(v);
        if (pc != null) this.coveredPcs.add(pc);
      }
    }
  }
}

function push<K, T>(m: Map<K, T[]>, k: K, v: T): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

function pull(m: Map<string, Visit[]>, k: string, id: string): void {
  const l = m.get(k);
  if (l) m.set(k, l.filter((v) => v.id !== id));
}

function ceilTo(n: number, step: number): number {
  return Math.ceil(n / step) * step;
}

function floorTo(n: number, step: number): number {
  return Math.floor(n / step) * step;
}

interface Placement {
  leader: Leader;
  venue: Venue;
  date: string;
  startMin: number;
  value: number;
  addedTravel: number;
}

interface Attempt {
  best: Placement | null;
  blockers: Map<UnmetReason, number>;
  tried: number;
  /** A reason found before any placement could be tried. */
  early: UnmetReason | null;
}

function candidateVenues(world: PlanWorld, r: VisitRequest, venuesByAc: Map<number, Venue[]>, venuesByPc: Map<number, Venue[]>): Venue[] {
  if (r.venueId) {
    const v = world.venues.get(r.venueId);
    return v ? [v] : [];
  }
  const list = r.areaAcNo != null ? (venuesByAc.get(r.areaAcNo) ?? []) : (venuesByPc.get(r.pcNo) ?? []);
  // Bigger grounds first: a national leader's rally wants the crowd.
  return [...list].sort((a, b) => b.capacity - a.capacity || a.id.localeCompare(b.id)).slice(0, MAX_VENUES_PER_REQUEST);
}

function tryRequest(world: PlanWorld, plan: Plan, r: VisitRequest, venues: Venue[], slot: number): Attempt {
  const blockers = new Map<UnmetReason, number>();
  const block = (k: UnmetReason) => blockers.set(k, (blockers.get(k) ?? 0) + 1);
  const leaders = r.leaderIds.map((id) => world.leaders.get(id)).filter((l): l is Leader => l != null);
  if (leaders.length === 0) return { best: null, blockers, tried: 0, early: 'no_leader' };
  if (venues.length === 0) return { best: null, blockers, tried: 0, early: 'no_venue' };
  const dates = dateRange(r.preferredFrom, r.preferredTo);
  let best: Placement | null = null;
  let tried = 0;
  let anyAvailableDate = false;
  let anyBeforePoll = false;
  for (const leader of leaders) {
    for (const date of dates) {
      const windows = leader.availability.filter((w) => w.from <= date && date <= w.to);
      if (windows.length === 0) continue;
      anyAvailableDate = true;
      const dayVisits = (plan.byLeaderDay.get(`${leader.id}|${date}`) ?? []).filter(isLive).sort((a, b) => a.startMin - b.startMin);
      const dateVisits = plan.byDate.get(date) ?? [];
      // A full day takes nothing more, wherever and whenever: one blocked placement per venue, no probing.
      const full = dayVisits.length >= leader.maxEventsPerDay;
      for (const venue of venues) {
        const poll = world.pollDates.get(venue.pcNo);
        if (poll && date >= poll) continue;
        anyBeforePoll = true;
        if (full) {
          tried++;
          block('too_many_events');
          continue;
        }
        const value = r.priority + (leader.tier === 'national' && plan.coveringPc({ leaderId: leader.id, venueId: venue.id, date }) != null && !plan.coveredPcs.has(venue.pcNo) ? COVERAGE_BONUS : 0);
        if (best && value < best.value) continue;
        for (const start of candidateStarts(world, leader, venue, dayVisits, windows, r.durationMin, slot)) {
          tried++;
          const probe: Visit = { id: '__probe__', leaderId: leader.id, venueId: venue.id, requestId: r.id, date, startMin: start, durationMin: r.durationMin, status: 'proposed', legOverrideMin: null, legModeOverride: null };
          const kinds = conflictsOfProbe(world, leader, probe, dayVisits, dateVisits);
          if (kinds.length > 0) {
            block(kinds[0]);
            continue;
          }
          const addedTravel = travelAdded(world, leader, probe, dayVisits);
          if (!best || value > best.value || (value === best.value && addedTravel < best.addedTravel)) {
            best = { leader, venue, date, startMin: start, value, addedTravel };
          }
        }
      }
    }
  }
  let early: UnmetReason | null = null;
  if (!best && tried === 0) early = !anyAvailableDate ? 'outside_availability' : !anyBeforePoll ? 'after_polling' : 'outside_availability';
  return { best, blockers, tried, early };
}

/** Earliest and latest grid starts in each gap of the day (before the first stop, between stops, after the last). */
function candidateStarts(
  world: PlanWorld,
  leader: Leader,
  venue: Venue,
  day: readonly Visit[],
  windows: readonly { dayStartMin: number; dayEndMin: number }[],
  duration: number,
  slot: number,
): number[] {
  const starts = new Set<number>();
  const probeAt = (start: number): Visit => ({ id: '__p__', leaderId: leader.id, venueId: venue.id, requestId: null, date: '', startMin: start, durationMin: duration, status: 'proposed', legOverrideMin: null, legModeOverride: null });
  for (const w of windows) {
    for (let i = 0; i <= day.length; i++) {
      const prev = i > 0 ? day[i - 1] : null;
      const next = i < day.length ? day[i] : null;
      // Before the day's first stop the leader must first come out from the base.
      let lo = prev ? w.dayStartMin : w.dayStartMin + planLeg(baseEnd(leader), venue, leader, world.settings).minutes;
      if (prev) {
        const leg = legBetween(world, leader, prev, probeAt(0));
        lo = Math.max(lo, prev.startMin + prev.durationMin + (leg?.minutes ?? 0) + leader.minGapMin);
      }
      // After the day's last stop the leader must still get back to the base before the day ends.
      let hi = w.dayEndMin - duration - (next ? 0 : planLeg(venue, baseEnd(leader), leader, world.settings).minutes);
      if (next) {
        const leg = legBetween(world, leader, probeAt(0), next);
        hi = Math.min(hi, next.startMin - (leg?.minutes ?? 0) - leader.minGapMin - duration);
      }
      const a = ceilTo(lo, slot);
      const b = floorTo(hi, slot);
      if (a <= b) {
        starts.add(a);
        starts.add(b);
      } else if (!prev || !next) {
        // Nothing fits here; still try the edge so the reason is recorded.
        starts.add(Math.max(ceilTo(w.dayStartMin, slot), Math.min(a, floorTo(w.dayEndMin - duration, slot))));
      }
    }
  }
  return [...starts].sort((x, y) => x - y);
}

function conflictsOfProbe(world: PlanWorld, leader: Leader, probe: Visit, day: readonly Visit[], dateVisits: readonly Visit[]): ConflictKind[] {
  const kinds: ConflictKind[] = [];
  for (const c of checkVisitAlone(world, leader, probe)) kinds.push(c.kind);
  for (const c of checkLeaderDay(world, leader, [...day, probe])) if (c.visitIds.includes(probe.id)) kinds.push(c.kind);
  for (const c of checkBigRallies(world, [...dateVisits, probe])) if (c.visitIds.includes(probe.id)) kinds.push(c.kind);
  return kinds;
}

function travelAdded(world: PlanWorld, leader: Leader, probe: Visit, day: readonly Visit[]): number {
  const prev = [...day].reverse().find((v) => v.startMin < probe.startMin);
  const next = day.find((v) => v.startMin > probe.startMin);
  // A missing neighbour is the base: the day starts and ends there.
  const base = baseEnd(leader);
  const at = (v: Visit | undefined) => (v ? world.venues.get(v.venueId) : undefined);
  const t = (a: Visit | undefined, b: Visit | undefined) => {
    if (a && b) return legBetween(world, leader, a, b)?.minutes ?? 0;
    const from = a ? at(a) : base;
    const to = b ? at(b) : base;
    return from && to ? planLeg(from, to, leader, world.settings).minutes : 0;
  };
  return t(prev, probe) + t(probe, next) - t(prev, next);
}

function mostCommon(blockers: Map<UnmetReason, number>): [UnmetReason, number] | null {
  let best: [UnmetReason, number] | null = null;
  for (const [k, n] of blockers) if (!best || n > best[1]) best = [k, n];
  return best;
}

export function suggestTour(input: SuggestInput): SuggestResult {
  const { world } = input;
  const slot = input.slotMin ?? 30;
  const plan = new Plan(world);
  for (const v of input.visits) if (isLive(v)) plan.add(v);

  const byAc = new Map<number, Venue[]>();
  const byPc = new Map<number, Venue[]>();
  for (const v of world.venues.values()) {
    push(byAc, v.acNo, v);
    push(byPc, v.pcNo, v);
  }

  // A request an existing live visit already answers needs nothing new.
  const answered = new Set(input.visits.filter((v) => isLive(v) && v.requestId).map((v) => v.requestId));
  const open = input.requests.filter((r) => !answered.has(r.id));
  const venuesOf = new Map(open.map((r) => [r.id, candidateVenues(world, r, byAc, byPc)]));

  // Lazy greedy: queue ordered by an upper bound of each request's marginal value.
  const bound = (r: VisitRequest) =>
    r.priority + (r.leaderIds.some((id) => world.leaders.get(id)?.tier === 'national') && !plan.coveredPcs.has(r.pcNo) ? COVERAGE_BONUS : 0);
  const queue = open.map((r) => ({ r, ub: bound(r) }));
  const placed = new Map<string, { visit: Visit; value: number }>();
  const failed = new Map<string, Attempt>();
  let seq = 0;
  const sortQueue = () => queue.sort((a, b) => b.ub - a.ub || b.r.priority - a.r.priority || a.r.id.localeCompare(b.r.id));
  sortQueue();
  while (queue.length > 0) {
    const head = queue.shift()!;
    const attempt = tryRequest(world, plan, head.r, venuesOf.get(head.r.id) ?? [], slot);
    if (!attempt.best) {
      failed.set(head.r.id, attempt);
      continue;
    }
    if (queue.length > 0 && attempt.best.value < queue[0].ub) {
      // Stale bound: put it back at its true value and look at the next one.
      head.ub = attempt.best.value;
      queue.push(head);
      sortQueue();
      continue;
    }
    const b = attempt.best;
    const visit: Visit = { id: `suggested-${++seq}`, leaderId: b.leader.id, venueId: b.venue.id, requestId: head.r.id, date: b.date, startMin: b.startMin, durationMin: head.r.durationMin, status: 'proposed', legOverrideMin: null, legModeOverride: null };
    plan.add(visit);
    placed.set(head.r.id, { visit, value: b.value });
  }

  // Local improvement: swap a less valuable suggestion out for an unmet request, re-placing the dropped one if it can go elsewhere.
  const requestById = new Map(input.requests.map((r) => [r.id, r]));
  let improvements = 0;
  const maxImprovements = input.maxImprovements ?? 50;
  const unmetIds = () => [...failed.keys()].sort((a, b) => requestById.get(b)!.priority - requestById.get(a)!.priority);
  for (const uid of unmetIds()) {
    if (improvements >= maxImprovements) break;
    const u = requestById.get(uid)!;
    // Dropping a suggestion frees only its leader-day (and its date's big-rally slot), so it can help only
    // a request on that date with that leader — or any leader when the dropped rally was a big one.
    const helps = (v: Visit) =>
      u.preferredFrom <= v.date &&
      v.date <= u.preferredTo &&
      (u.leaderIds.includes(v.leaderId) || (world.venues.get(v.venueId)?.capacity ?? 0) >= world.settings.bigRallyCapacity);
    const candidates = [...placed.entries()].filter(([, p]) => p.value < bound(u) + p.value && helps(p.visit)).sort((a, b) => a[1].value - b[1].value);
    for (const [sid, s] of candidates) {
      plan.remove(s.visit);
      placed.delete(sid);
      const tryU = tryRequest(world, plan, u, venuesOf.get(u.id) ?? [], slot);
      if (!tryU.best) {
        plan.add(s.visit);
        placed.set(sid, s);
        continue;
      }
      const vu: Visit = { id: `suggested-${++seq}`, leaderId: tryU.best.leader.id, venueId: tryU.best.venue.id, requestId: u.id, date: tryU.best.date, startMin: tryU.best.startMin, durationMin: u.durationMin, status: 'proposed', legOverrideMin: null, legModeOverride: null };
      plan.add(vu);
      const sr = requestById.get(sid)!;
      const trySr = tryRequest(world, plan, sr, venuesOf.get(sid) ?? [], slot);
      const gainWithout = tryU.best.value - s.value;
      if (trySr.best) {
        const vs: Visit = { ...s.visit, id: `suggested-${++seq}`, leaderId: trySr.best.leader.id, venueId: trySr.best.venue.id, date: trySr.best.date, startMin: trySr.best.startMin };
        plan.add(vs);
        placed.set(u.id, { visit: vu, value: tryU.best.value });
        placed.set(sid, { visit: vs, value: trySr.best.value });
        failed.delete(u.id);
        improvements++;
        break;
      }
      if (gainWithout > 0) {
        placed.set(u.id, { visit: vu, value: tryU.best.value });
        failed.delete(u.id);
        failed.set(sid, { best: null, blockers: new Map([['outvalued', 1]]), tried: 1, early: null });
        improvements++;
        break;
      }
      plan.remove(vu);
      plan.add(s.visit);
      placed.set(sid, s);
    }
  }

  const suggestions = [...placed.values()]
    .map(({ visit, value }) => ({ requestId: visit.requestId!, leaderId: visit.leaderId, venueId: visit.venueId, date: visit.date, startMin: visit.startMin, durationMin: visit.durationMin, value }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.leaderId.localeCompare(b.leaderId) || a.startMin - b.startMin);
  const unmet: Unmet[] = [...failed.entries()].map(([requestId, a]) => {
    const common = mostCommon(a.blockers);
    return { requestId, reason: a.early ?? common?.[0] ?? 'outside_availability', blocked: common?.[1] ?? 0, tried: a.tried };
  });
  const priorities = new Map(input.requests.map((r) => [r.id, r.priority]));
  return { suggestions, unmet, value: planValue(world, input.visits, suggestions, priorities) };
}

/** The objective: priorities of the requests answered plus the bonus for each newly covered Lok Sabha constituency. */
export function planValue(
  world: PlanWorld,
  existing: readonly Visit[],
  placed: readonly Pick<Suggestion, 'leaderId' | 'venueId' | 'date' | 'requestId'>[],
  priorities: ReadonlyMap<string, number>,
): number {
  const covered = new Set<number>();
  const plan = new Plan(world);
  for (const v of existing) {
    if (!isLive(v)) continue;
    const pc = plan.coveringPc(v);
    if (pc != null) covered.add(pc);
  }
  let value = 0;
  for (const s of placed) {
    value += priorities.get(s.requestId) ?? 0;
    const pc = plan.coveringPc(s);
    if (pc != null && !covered.has(pc)) {
      covered.add(pc);
      value += COVERAGE_BONUS;
    }
  }
  return value;
}
