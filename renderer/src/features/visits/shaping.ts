// Pure shaping for the scheduler workspace: what the calendar, the day map and the itinerary draw.
import { BASE_STOP, baseLegsOfDay, legsOfDay, type Conflict, type DayLeg, type PlanWorld } from '../../../../shared/domain/visits/conflicts';
import { addDays } from '../../../../shared/domain/visits/dates';
import { sunTimesIst, type SunTimes } from '../../../../shared/domain/visits/sun';
import type { TravelMode } from '../../../../shared/domain/visits/types';
import type { GeoJsonCollection, PlanningData, VenueView, Visit } from '../../../../shared/ipc/views';

/** The calendar shows 06:00–22:00. */
export const CAL_START_MIN = 6 * 60;
export const CAL_END_MIN = 22 * 60;
export const PX_PER_MIN = 0.8;
/** Dropped visits snap to this many minutes. */
export const SNAP_MIN = 15;

export function planWorldOf(plan: PlanningData): PlanWorld {
  return {
    leaders: new Map(plan.leaders.map((l) => [l.id, l])),
    venues: new Map(plan.venues.map((v) => [v.id, v])),
    pollDates: new Map(plan.pollDates.map((p) => [p.pcNo, p.pollDate])),
    settings: plan.settings,
    today: plan.today,
  };
}

/** Monday-first week holding `date`. */
export function weekOf(date: string): string[] {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  const monday = addDays(date, -((d + 6) % 7));
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

export interface CalendarBlock {
  visit: Visit;
  venue: VenueView | undefined;
  top: number;
  height: number;
  conflicted: boolean;
  /** 0 for the first of overlapping visits, 1 for the next…: the calendar shifts each lane so overlaps stay visible. */
  lane: number;
}

/** Visits of one leader on these days, placed on the time axis; cancelled ones are left out. */
export function calendarBlocks(plan: PlanningData, leaderId: string, days: readonly string[]): Map<string, CalendarBlock[]> {
  const venues = new Map(plan.venues.map((v) => [v.id, v]));
  const conflicted = new Set(plan.conflicts.flatMap((c) => c.visitIds));
  const out = new Map<string, CalendarBlock[]>(days.map((d) => [d, []]));
  for (const v of plan.visits) {
    if (v.leaderId !== leaderId || v.status === 'cancelled') continue;
    const list = out.get(v.date);
    if (!list) continue;
    const start = Math.max(CAL_START_MIN, v.startMin);
    const end = Math.min(CAL_END_MIN, v.startMin + v.durationMin);
    list.push({ visit: v, venue: venues.get(v.venueId), top: (start - CAL_START_MIN) * PX_PER_MIN, height: Math.max(18, (end - start) * PX_PER_MIN), conflicted: conflicted.has(v.id), lane: 0 });
  }
  for (const list of out.values()) {
    list.sort((a, b) => a.visit.startMin - b.visit.startMin || a.visit.id.localeCompare(b.visit.id));
    list.forEach((b, i) => {
      b.lane = list.slice(0, i).filter((x) => x.visit.startMin + x.visit.durationMin > b.visit.startMin).length;
    });
  }
  return out;
}

/** Where a drop at `offsetY` pixels down a day column puts a visit's start, snapped and kept inside the day. */
export function minutesAtOffset(offsetY: number, durationMin: number): number {
  const raw = CAL_START_MIN + offsetY / PX_PER_MIN;
  const snapped = Math.round(raw / SNAP_MIN) * SNAP_MIN;
  return Math.min(Math.max(CAL_START_MIN, snapped), CAL_END_MIN - durationMin);
}

export interface RouteStop {
  visit: Visit;
  venue: VenueView;
  order: number;
}

export interface RouteLeg {
  fromVisitId: string;
  toVisitId: string;
  from: [number, number];
  to: [number, number];
  mode: TravelMode;
  km: number;
  minutes: number;
  overridden: boolean;
  departMin: number;
  arriveMin: number;
}

export interface LeaderDayRoute {
  stops: RouteStop[];
  legs: RouteLeg[];
  /** Sunrise and sunset at the first stop (or the leader's base). */
  sun: SunTimes;
  base: { name: string; lat: number; lon: number } | null;
}

export function leaderDayRoute(plan: PlanningData, leaderId: string, date: string): LeaderDayRoute {
  const world = planWorldOf(plan);
  const leader = world.leaders.get(leaderId);
  const day = plan.visits.filter((v) => v.leaderId === leaderId && v.date === date && v.status !== 'cancelled').sort((a, b) => a.startMin - b.startMin);
  const stops: RouteStop[] = [];
  for (const v of day) {
    const venue = plan.venues.find((x) => x.id === v.venueId);
    if (venue) stops.push({ visit: v, venue, order: stops.length + 1 });
  }
  const end = (id: string): { lat: number; lon: number } | undefined =>
    id === BASE_STOP ? (leader ? { lat: leader.baseLat, lon: leader.baseLon } : undefined) : world.venues.get(day.find((v) => v.id === id)?.venueId ?? '');
  const toRoute = (l: DayLeg): RouteLeg[] => {
    const a = end(l.fromVisitId);
    const b = end(l.toVisitId);
    if (!a || !b) return [];
    return [
      {
        fromVisitId: l.fromVisitId,
        toVisitId: l.toVisitId,
        from: [a.lat, a.lon],
        to: [b.lat, b.lon],
        mode: l.leg.mode,
        km: Math.round(l.leg.km),
        minutes: l.leg.minutes,
        overridden: l.leg.overridden,
        departMin: l.departMin,
        arriveMin: l.arriveMin,
      },
    ];
  };
  // The day's legs in order: out from the base, between the stops, back to the base.
  const baseLegs = leader ? baseLegsOfDay(world, leader, day) : { out: null, back: null };
  const legs: RouteLeg[] = leader
    ? [...(baseLegs.out ? toRoute(baseLegs.out) : []), ...legsOfDay(world, leader, day).flatMap(toRoute), ...(baseLegs.back ? toRoute(baseLegs.back) : [])]
    : [];
  const at = stops[0]?.venue ?? (leader ? { lat: leader.baseLat, lon: leader.baseLon } : { lat: 23.3441, lon: 85.3096 });
  return {
    stops,
    legs,
    sun: sunTimesIst(date, at.lat, at.lon),
    base: leader ? { name: leader.baseName, lat: leader.baseLat, lon: leader.baseLon } : null,
  };
}

/** Conflicts touching one leader on one day, or (no date) the leader's whole plan. */
export function conflictsFor(plan: PlanningData, leaderId: string | null, dates?: readonly string[]): Conflict[] {
  const ids = new Set(plan.visits.filter((v) => (leaderId == null || v.leaderId === leaderId) && (!dates || dates.includes(v.date))).map((v) => v.id));
  return plan.conflicts.filter((c) => c.visitIds.some((id) => ids.has(id)));
}

/** The interpolation values of a conflict's sentence, with venue names in the chosen language. */
export function conflictValues(c: Conflict, lang: string): Record<string, string | number> {
  const p = c.params;
  const pickName = (k: string) => (lang === 'hi' ? (p[`${k}Hi`] ?? p[`${k}En`]) : p[`${k}En`]) ?? '';
  const leader = (lang === 'hi' ? (p.leaderHi ?? p.leader) : p.leader) ?? '';
  return { ...p, a: pickName('a'), b: pickName('b'), venue: pickName('venue'), base: pickName('base'), leader };
}

type Ring = number[][];

function inRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The assembly constituency a map-picked point lies in (ray casting over the bundled polygons), or null outside Jharkhand. */
export function acAtPoint(acs: GeoJsonCollection, lat: number, lon: number): number | null {
  for (const f of acs.features) {
    const g = f.geometry;
    const polys = (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []) as Ring[][];
    for (const poly of polys) {
      if (poly.length && inRing(lon, lat, poly[0]) && !poly.slice(1).some((hole) => inRing(lon, lat, hole))) {
        return Number(f.properties.ac_no ?? f.id);
      }
    }
  }
  return null;
}
