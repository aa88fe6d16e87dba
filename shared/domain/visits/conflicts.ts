import { addDays, formatMinutes } from './dates';
import { sunTimesIst } from './sun';
import { planLeg, type Leg, type LegEnd } from './travel';
import { isLive, type Leader, type PlanningSettings, type Venue, type Visit } from './types';

export const CONFLICT_KINDS = [
  'double_booking',
  'leg_gap',
  'helicopter_daylight',
  'outside_availability',
  'permission_late',
  'big_rallies_same_ac',
  'after_polling',
  'too_many_events',
  'base_leg',
  'return_leg',
] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** Values a conflict's sentence needs; venue names come as English and Hindi so either catalogue can print them. */
export type ConflictParams = Record<string, string | number>;

export interface Conflict {
  kind: ConflictKind;
  visitIds: string[];
  leaderId: string | null;
  date: string;
  params: ConflictParams;
}

/** Everything the rules read besides the visits themselves. */
export interface PlanWorld {
  leaders: ReadonlyMap<string, Leader>;
  venues: ReadonlyMap<string, Venue>;
  /** Polling date per Lok Sabha constituency. */
  pollDates: ReadonlyMap<number, string>;
  settings: PlanningSettings;
  /** Today (IST) — permissions not yet applied for cannot be granted before today + lead time. */
  today: string;
}

/** Built once per venue and key: the suggestion engine checks thousands of probes that all name the same venues. */
const namesCache = new WeakMap<Venue, Map<string, Readonly<ConflictParams>>>();
const unknownNames = new Map<string, Readonly<ConflictParams>>();

function venueNames(v: Venue | undefined, key: string): Readonly<ConflictParams> {
  const byKey = v ? (namesCache.get(v) ?? new Map<string, Readonly<ConflictParams>>()) : unknownNames;
  if (v && !namesCache.has(v)) namesCache.set(v, byKey);
  let names = byKey.get(key);
  if (!names) {
    names = Object.freeze({ [`${key}En`]: v?.nameEn ?? '?', [`${key}Hi`]: v?.nameHi ?? v?.nameEn ?? '?' });
    byKey.set(key, names);
  }
  return names;
}

/** The leg arriving at `to` from `from`, honouring the scheduler's override stored on the arriving visit. */
export function legBetween(world: PlanWorld, leader: Leader, from: Visit, to: Visit): Leg | null {
  const a = world.venues.get(from.venueId);
  const b = world.venues.get(to.venueId);
  if (!a || !b) return null;
  return planLeg(a, b, leader, world.settings, { minutes: to.legOverrideMin, mode: to.legModeOverride });
}

/** Rules about one visit on its own: availability, permission, polling date. */
export function checkVisitAlone(world: PlanWorld, leader: Leader, v: Visit): Conflict[] {
  const out: Conflict[] = [];
  const venue = world.venues.get(v.venueId);
  const end = v.startMin + v.durationMin;
  const base = { visitIds: [v.id], leaderId: leader.id, date: v.date };

  const windows = leader.availability.filter((w) => w.from <= v.date && v.date <= w.to);
  if (!windows.some((w) => v.startMin >= w.dayStartMin && end <= w.dayEndMin)) {
    const w = windows[0];
    out.push({
      kind: 'outside_availability',
      ...base,
      params: w
        ? { leader: leader.nameEn, leaderHi: leader.nameHi ?? leader.nameEn, hours: `${formatMinutes(w.dayStartMin)}–${formatMinutes(w.dayEndMin)}`, time: `${formatMinutes(v.startMin)}–${formatMinutes(end)}`, onDate: 1 }
        : { leader: leader.nameEn, leaderHi: leader.nameHi ?? leader.nameEn, hours: '', time: `${formatMinutes(v.startMin)}–${formatMinutes(end)}`, onDate: 0 },
    });
  }

  if (venue) {
    const leadDays = venue.authorityLeadDays ?? world.settings.permissionLeadDays;
    const grantedInTime = venue.permission === 'granted' && venue.permissionGrantedOn != null && venue.permissionGrantedOn <= v.date;
    if (!grantedInTime) {
      // Granted only after the visit's day: the visit had none. Otherwise the earliest a grant could come.
      const grantedLate = venue.permission === 'granted' && venue.permissionGrantedOn != null;
      const from = venue.permission === 'applied' && venue.permissionAppliedOn ? venue.permissionAppliedOn : world.today;
      const earliest = grantedLate ? venue.permissionGrantedOn! : addDays(from, leadDays);
      if (venue.permission === 'refused' || grantedLate || earliest > v.date) {
        out.push({
          kind: 'permission_late',
          ...base,
          params: { ...venueNames(venue, 'venue'), status: venue.permission, leadDays, earliest: venue.permission === 'refused' ? '' : earliest },
        });
      }
    }
    const poll = world.pollDates.get(venue.pcNo);
    if (poll && v.date >= poll) out.push({ kind: 'after_polling', ...base, params: { ...venueNames(venue, 'venue'), pollDate: poll, pcNo: venue.pcNo } });
  }
  return out;
}

export interface DayLeg {
  fromVisitId: string;
  toVisitId: string;
  leg: Leg;
  departMin: number;
  arriveMin: number;
}

/** The legs of one leader-day, in time order (live visits only). */
export function legsOfDay(world: PlanWorld, leader: Leader, dayVisits: readonly Visit[]): DayLeg[] {
  const sorted = dayVisits.filter(isLive).sort((a, b) => a.startMin - b.startMin);
  const legs: DayLeg[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const leg = legBetween(world, leader, sorted[i - 1], sorted[i]);
    if (!leg) continue;
    const departMin = sorted[i - 1].startMin + sorted[i - 1].durationMin;
    legs.push({ fromVisitId: sorted[i - 1].id, toVisitId: sorted[i].id, leg, departMin, arriveMin: departMin + leg.minutes });
  }
  return legs;
}

/** Stands for the leader's base in a DayLeg's fromVisitId / toVisitId. */
export const BASE_STOP = 'base';

/**
 * The leader's base as a leg end. The base is the airport or city the leader sets out from and returns
 * to; a leader's helicopter is kept there, so it counts as a helipad when the leader has one.
 */
export function baseEnd(leader: Leader): LegEnd {
  return { lat: leader.baseLat, lon: leader.baseLon, helipad: leader.helicopter != null, terrain: 'plains' };
}

/**
 * The legs from the base to the first stop of the day (honouring the first visit's leg override, which
 * is the leg arriving at it) and from the last stop back to base. The outward leg is timed to arrive
 * just as the first event starts; the return leaves as the last event ends.
 */
export function baseLegsOfDay(world: PlanWorld, leader: Leader, dayVisits: readonly Visit[]): { out: DayLeg | null; back: DayLeg | null } {
  const sorted = dayVisits.filter(isLive).sort((a, b) => a.startMin - b.startMin || a.id.localeCompare(b.id));
  if (sorted.length === 0) return { out: null, back: null };
  const first = sorted[0];
  const last = sorted.reduce((m, v) => (v.startMin + v.durationMin > m.startMin + m.durationMin ? v : m), sorted[0]);
  const base = baseEnd(leader);
  const a = world.venues.get(first.venueId);
  const b = world.venues.get(last.venueId);
  let out: DayLeg | null = null;
  let back: DayLeg | null = null;
  if (a) {
    const leg = planLeg(base, a, leader, world.settings, { minutes: first.legOverrideMin, mode: first.legModeOverride });
    out = { fromVisitId: BASE_STOP, toVisitId: first.id, leg, departMin: first.startMin - leg.minutes, arriveMin: first.startMin };
  }
  if (b) {
    const leg = planLeg(b, base, leader, world.settings);
    const departMin = last.startMin + last.durationMin;
    back = { fromVisitId: last.id, toVisitId: BASE_STOP, leg, departMin, arriveMin: departMin + leg.minutes };
  }
  return { out, back };
}

/**
 * Whether a helicopter leg of this leader must fly between sunrise and sunset: the leader's setting, and
 * always for a leg the scheduler marked as a helicopter leg for a leader without one (a hired aircraft).
 */
export function fliesOnlyInDaylight(leader: Pick<Leader, 'helicopter'>): boolean {
  return leader.helicopter?.daylightOnly ?? true;
}

/**
 * The base legs' rules: the outward leg must fit after the leader's day starts and the return leg
 * must reach the base before it ends; a daylight-only helicopter flies either way only in daylight.
 */
function checkBaseLegs(world: PlanWorld, leader: Leader, dayVisits: readonly Visit[], date: string): Conflict[] {
  const out: Conflict[] = [];
  const { out: go, back } = baseLegsOfDay(world, leader, dayVisits);
  const daylightOnly = fliesOnlyInDaylight(leader);
  const baseNames = { baseEn: leader.baseName, baseHi: leader.baseName };
  // Sunrise and sunset matter only to helicopter legs; computed when one needs them.
  const sunAtBase = () => sunTimesIst(date, leader.baseLat, leader.baseLon);
  if (go) {
    const first = dayVisits.find((v) => v.id === go.toVisitId)!;
    const venue = world.venues.get(first.venueId);
    const names = { ...baseNames, aEn: leader.baseName, aHi: leader.baseName, ...venueNames(venue, 'b') };
    const window = leader.availability.find((w) => w.from <= date && date <= w.to && first.startMin >= w.dayStartMin);
    if (window && go.departMin < window.dayStartMin) {
      out.push({
        kind: 'base_leg',
        visitIds: [first.id],
        leaderId: leader.id,
        date,
        params: { ...names, mode: go.leg.mode, km: Math.round(go.leg.km), travel: go.leg.minutes, dayStart: formatMinutes(window.dayStartMin), time: formatMinutes(first.startMin) },
      });
    }
    if (go.leg.mode === 'helicopter' && daylightOnly && venue) {
      const sunBase = sunAtBase();
      const sunV = sunTimesIst(date, venue.lat, venue.lon);
      if (go.departMin < sunBase.sunriseMin || go.arriveMin > sunV.sunsetMin) {
        out.push({
          kind: 'helicopter_daylight',
          visitIds: [first.id],
          leaderId: leader.id,
          date,
          params: { ...names, depart: formatMinutes(go.departMin), arrive: formatMinutes(go.arriveMin), sunrise: formatMinutes(sunBase.sunriseMin), sunset: formatMinutes(sunV.sunsetMin) },
        });
      }
    }
  }
  if (back) {
    const last = dayVisits.find((v) => v.id === back.fromVisitId)!;
    const venue = world.venues.get(last.venueId);
    const lastEnd = last.startMin + last.durationMin;
    const window = leader.availability.find((w) => w.from <= date && date <= w.to && lastEnd <= w.dayEndMin);
    if (window && back.arriveMin > window.dayEndMin) {
      out.push({
        kind: 'return_leg',
        visitIds: [last.id],
        leaderId: leader.id,
        date,
        params: {
          ...venueNames(venue, 'a'),
          ...baseNames,
          mode: back.leg.mode,
          km: Math.round(back.leg.km),
          travel: back.leg.minutes,
          depart: formatMinutes(back.departMin),
          arrive: formatMinutes(back.arriveMin),
          dayEnd: formatMinutes(window.dayEndMin),
        },
      });
    }
    if (back.leg.mode === 'helicopter' && daylightOnly && venue) {
      const sunBase = sunAtBase();
      const sunV = sunTimesIst(date, venue.lat, venue.lon);
      if (back.departMin < sunV.sunriseMin || back.arriveMin > sunBase.sunsetMin) {
        out.push({
          kind: 'helicopter_daylight',
          visitIds: [last.id],
          leaderId: leader.id,
          date,
          params: {
            ...venueNames(venue, 'a'),
            bEn: leader.baseName,
            bHi: leader.baseName,
            depart: formatMinutes(back.departMin),
            arrive: formatMinutes(back.arriveMin),
            sunrise: formatMinutes(sunV.sunriseMin),
            sunset: formatMinutes(sunBase.sunsetMin),
          },
        });
      }
    }
  }
  return out;
}

/** Rules about the sequence of one leader's day: overlaps, legs (base legs included), daylight flying, events per day. */
export function checkLeaderDay(world: PlanWorld, leader: Leader, dayVisits: readonly Visit[]): Conflict[] {
  const out: Conflict[] = [];
  const sorted = dayVisits.filter(isLive).sort((a, b) => a.startMin - b.startMin || a.id.localeCompare(b.id));
  if (sorted.length === 0) return out;
  const date = sorted[0].date;
  const daylightOnly = fliesOnlyInDaylight(leader);

  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i];
      const b = sorted[j];
      if (b.startMin >= a.startMin + a.durationMin) break;
      out.push({
        kind: 'double_booking',
        visitIds: [a.id, b.id],
        leaderId: leader.id,
        date,
        params: { leader: leader.nameEn, leaderHi: leader.nameHi ?? leader.nameEn, ...venueNames(world.venues.get(a.venueId), 'a'), ...venueNames(world.venues.get(b.venueId), 'b'), aTime: formatMinutes(a.startMin), bTime: formatMinutes(b.startMin) },
      });
    }
  }

  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const next = sorted[i];
    const prevEnd = prev.startMin + prev.durationMin;
    if (next.startMin < prevEnd) continue; // already a double booking
    const leg = legBetween(world, leader, prev, next);
    if (!leg) continue;
    const a = world.venues.get(prev.venueId)!;
    const b = world.venues.get(next.venueId)!;
    const gap = next.startMin - prevEnd;
    const names = { ...venueNames(a, 'a'), ...venueNames(b, 'b') };
    if (leg.minutes + leader.minGapMin > gap) {
      out.push({
        kind: 'leg_gap',
        visitIds: [prev.id, next.id],
        leaderId: leader.id,
        date,
        params: { ...names, mode: leg.mode, km: Math.round(leg.km), travel: leg.minutes, minGap: leader.minGapMin, gap },
      });
    }
    if (leg.mode === 'helicopter' && daylightOnly) {
      const arrive = prevEnd + leg.minutes;
      const sunA = sunTimesIst(date, a.lat, a.lon);
      const sunB = sunTimesIst(date, b.lat, b.lon);
      if (prevEnd < sunA.sunriseMin || arrive > sunB.sunsetMin) {
        out.push({
          kind: 'helicopter_daylight',
          visitIds: [prev.id, next.id],
          leaderId: leader.id,
          date,
          params: {
            ...names,
            depart: formatMinutes(prevEnd),
            arrive: formatMinutes(arrive),
            sunrise: formatMinutes(sunA.sunriseMin),
            sunset: formatMinutes(sunB.sunsetMin),
          },
        });
      }
    }
  }

  out.push(...checkBaseLegs(world, leader, sorted, date));

  if (sorted.length > leader.maxEventsPerDay) {
    out.push({
      kind: 'too_many_events',
      visitIds: sorted.map((v) => v.id),
      leaderId: leader.id,
      date,
      params: { leader: leader.nameEn, leaderHi: leader.nameHi ?? leader.nameEn, count: sorted.length, max: leader.maxEventsPerDay },
    });
  }
  return out;
}

/** Two big rallies (any leaders) in one assembly constituency on one date. */
export function checkBigRallies(world: PlanWorld, dateVisits: readonly Visit[]): Conflict[] {
  const out: Conflict[] = [];
  const big = dateVisits.filter((v) => isLive(v) && (world.venues.get(v.venueId)?.capacity ?? 0) >= world.settings.bigRallyCapacity);
  big.sort((a, b) => a.startMin - b.startMin || a.id.localeCompare(b.id));
  for (let i = 0; i < big.length; i++) {
    for (let j = i + 1; j < big.length; j++) {
      const a = world.venues.get(big[i].venueId)!;
      const b = world.venues.get(big[j].venueId)!;
      if (a.acNo !== b.acNo) continue;
      out.push({
        kind: 'big_rallies_same_ac',
        visitIds: [big[i].id, big[j].id],
        leaderId: null,
        date: big[i].date,
        params: { ...venueNames(a, 'a'), ...venueNames(b, 'b'), acNo: a.acNo, threshold: world.settings.bigRallyCapacity },
      });
    }
  }
  return out;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

/** Every conflict among these visits (cancelled and held ones excluded from what is still to come is the caller's choice). */
export function findConflicts(world: PlanWorld, visits: readonly Visit[]): Conflict[] {
  const live = visits.filter(isLive);
  const out: Conflict[] = [];
  for (const v of live) {
    const leader = world.leaders.get(v.leaderId);
    if (leader) out.push(...checkVisitAlone(world, leader, v));
  }
  for (const dayVisits of groupBy(live, (v) => `${v.leaderId}|${v.date}`).values()) {
    const leader = world.leaders.get(dayVisits[0].leaderId);
    if (leader) out.push(...checkLeaderDay(world, leader, dayVisits));
  }
  for (const dateVisits of groupBy(live, (v) => v.date).values()) out.push(...checkBigRallies(world, dateVisits));
  return out;
}

const str = (p: ConflictParams, k: string) => String(p[k] ?? '');

/** The conflict in one English sentence (the renderer has the same sentences in its catalogues, with Hindi). */
export function explainConflict(c: Conflict): string {
  const p = c.params;
  switch (c.kind) {
    case 'double_booking':
      return `${str(p, 'leader')} is booked twice at once: ${str(p, 'aEn')} at ${str(p, 'aTime')} overlaps ${str(p, 'bEn')} at ${str(p, 'bTime')}.`;
    case 'leg_gap':
      return `${str(p, 'aEn')} to ${str(p, 'bEn')} takes ${str(p, 'travel')} min by ${str(p, 'mode')} (${str(p, 'km')} km) plus a ${str(p, 'minGap')} min minimum gap, but only ${str(p, 'gap')} min are free between the events.`;
    case 'helicopter_daylight':
      return `The helicopter leg ${str(p, 'aEn')} → ${str(p, 'bEn')} would fly ${str(p, 'depart')}–${str(p, 'arrive')}, outside daylight (sunrise ${str(p, 'sunrise')}, sunset ${str(p, 'sunset')}); this leader's helicopter flies only in daylight.`;
    case 'outside_availability':
      return p.onDate
        ? `${str(p, 'leader')} is available ${str(p, 'hours')} that day; this visit runs ${str(p, 'time')}.`
        : `${str(p, 'leader')} is not available on this date.`;
    case 'permission_late':
      return p.status === 'refused'
        ? `Permission for ${str(p, 'venueEn')} was refused.`
        : p.status === 'granted'
        ? `Permission for ${str(p, 'venueEn')} was granted on ${str(p, 'earliest')}, after this visit’s day.`
        : `Permission for ${str(p, 'venueEn')} is not granted and needs ${str(p, 'leadDays')} days: it cannot be granted before ${str(p, 'earliest')}.`;
    case 'big_rallies_same_ac':
      return `Two big rallies (${str(p, 'threshold')}+ capacity) in assembly constituency ${str(p, 'acNo')} on the same day: ${str(p, 'aEn')} and ${str(p, 'bEn')}.`;
    case 'after_polling':
      return `${str(p, 'venueEn')} is in Lok Sabha constituency ${str(p, 'pcNo')}, which polls on ${str(p, 'pollDate')}: a visit on or after polling day cannot campaign.`;
    case 'too_many_events':
      return `${str(p, 'leader')} has ${str(p, 'count')} events this day; the most is ${str(p, 'max')}.`;
    case 'base_leg':
      return `From the base ${str(p, 'baseEn')} to ${str(p, 'bEn')} takes ${str(p, 'travel')} min by ${str(p, 'mode')} (${str(p, 'km')} km), but the leader's day starts at ${str(p, 'dayStart')} and the event at ${str(p, 'time')}.`;
    case 'return_leg':
      return `Back from ${str(p, 'aEn')} to the base ${str(p, 'baseEn')} takes ${str(p, 'travel')} min by ${str(p, 'mode')} (${str(p, 'km')} km): leaving at ${str(p, 'depart')} the leader reaches the base at ${str(p, 'arrive')}, after the day ends at ${str(p, 'dayEnd')}.`;
  }
}
