import { DEFAULT_SETTINGS, type AvailabilityWindow, type Leader, type PermissionStatus, type PlanningSettings, type PollDate, type Terrain, type TravelMode, type Venue, type Visit, type VisitRequest, type VisitStatus } from '../../../../shared/domain/visits/types';
import type { Suggestion, Unmet, UnmetReason } from '../../../../shared/domain/visits/suggest';
import type { Db } from '../connection';
import { getMeta, setMeta } from './meta';

interface LeaderRow {
  id: string;
  name_en: string;
  name_hi: string | null;
  tier: string;
  base_name: string;
  base_lat: number;
  base_lon: number;
  availability: string;
  heli_cruise_kmh: number | null;
  heli_turnaround_min: number | null;
  heli_daylight_only: number | null;
  road_plains_kmh: number;
  road_hills_kmh: number;
  max_events_per_day: number;
  min_gap_min: number;
  source: string;
}

function parseWindows(text: string): AvailabilityWindow[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? (v as AvailabilityWindow[]) : [];
  } catch {
    // A damaged list means "no availability known", which the rules then report.
    return [];
  }
}

const toLeader = (r: LeaderRow): Leader & { demo: boolean } => ({
  id: r.id,
  nameEn: r.name_en,
  nameHi: r.name_hi,
  tier: r.tier === 'national' ? 'national' : 'state',
  baseName: r.base_name,
  baseLat: r.base_lat,
  baseLon: r.base_lon,
  availability: parseWindows(r.availability),
  helicopter: r.heli_cruise_kmh != null ? { cruiseKmh: r.heli_cruise_kmh, turnaroundMin: r.heli_turnaround_min ?? 0, daylightOnly: r.heli_daylight_only !== 0 } : null,
  road: { plainsKmh: r.road_plains_kmh, hillsKmh: r.road_hills_kmh },
  maxEventsPerDay: r.max_events_per_day,
  minGapMin: r.min_gap_min,
  demo: r.source === 'demo',
});

export function listLeaders(db: Db): (Leader & { demo: boolean })[] {
  return (db.prepare(`SELECT * FROM leaders WHERE deleted = 0 ORDER BY tier, name_en`).all() as LeaderRow[]).map(toLeader);
}

export function getLeader(db: Db, id: string): (Leader & { demo: boolean }) | null {
  const r = db.prepare(`SELECT * FROM leaders WHERE id = ? AND deleted = 0`).get(id) as LeaderRow | undefined;
  return r ? toLeader(r) : null;
}

interface VenueRow {
  id: string;
  name_en: string;
  name_hi: string | null;
  lat: number;
  lon: number;
  pc_no: number;
  ac_no: number;
  district_code: string | null;
  capacity: number;
  helipad: number;
  terrain: string;
  permission: string;
  permission_applied_on: string | null;
  permission_granted_on: string | null;
  authority_lead_days: number | null;
  source: string;
}

export type StoredVenue = Venue & { districtCode: string | null; demo: boolean };

const toVenue = (r: VenueRow): StoredVenue => ({
  id: r.id,
  nameEn: r.name_en,
  nameHi: r.name_hi,
  lat: r.lat,
  lon: r.lon,
  acNo: r.ac_no,
  pcNo: r.pc_no,
  districtCode: r.district_code,
  capacity: r.capacity,
  helipad: r.helipad === 1,
  terrain: r.terrain as Terrain,
  permission: r.permission as PermissionStatus,
  permissionAppliedOn: r.permission_applied_on,
  permissionGrantedOn: r.permission_granted_on,
  authorityLeadDays: r.authority_lead_days,
  demo: r.source === 'demo',
});

export function listVenues(db: Db): StoredVenue[] {
  return (db.prepare(`SELECT * FROM venues WHERE deleted = 0 ORDER BY pc_no, ac_no, name_en`).all() as VenueRow[]).map(toVenue);
}

export function getVenue(db: Db, id: string): StoredVenue | null {
  const r = db.prepare(`SELECT * FROM venues WHERE id = ? AND deleted = 0`).get(id) as VenueRow | undefined;
  return r ? toVenue(r) : null;
}

interface RequestRow {
  id: string;
  pc_no: number;
  leader_ids: string;
  priority: number;
  preferred_from: string;
  preferred_to: string;
  venue_id: string | null;
  area_ac_no: number | null;
  duration_min: number;
  requested_by: string;
  note: string | null;
  status: string;
}

export type StoredRequest = VisitRequest & { status: 'open' | 'withdrawn' };

const toRequest = (r: RequestRow): StoredRequest => ({
  id: r.id,
  pcNo: r.pc_no,
  leaderIds: (JSON.parse(r.leader_ids) as unknown[]).map(String),
  priority: r.priority,
  preferredFrom: r.preferred_from,
  preferredTo: r.preferred_to,
  venueId: r.venue_id,
  areaAcNo: r.area_ac_no,
  durationMin: r.duration_min,
  requestedBy: r.requested_by,
  note: r.note,
  status: r.status === 'withdrawn' ? 'withdrawn' : 'open',
});

export function listRequests(db: Db): StoredRequest[] {
  return (db.prepare(`SELECT * FROM visit_requests WHERE deleted = 0 ORDER BY priority DESC, preferred_from, id`).all() as RequestRow[]).map(toRequest);
}

export function getRequest(db: Db, id: string): StoredRequest | null {
  const r = db.prepare(`SELECT * FROM visit_requests WHERE id = ? AND deleted = 0`).get(id) as RequestRow | undefined;
  return r ? toRequest(r) : null;
}

interface VisitRow {
  id: string;
  leader_id: string;
  venue_id: string;
  request_id: string | null;
  date: string;
  start_min: number;
  duration_min: number;
  status: string;
  leg_override_min: number | null;
  leg_mode_override: string | null;
}

const toVisit = (r: VisitRow): Visit => ({
  id: r.id,
  leaderId: r.leader_id,
  venueId: r.venue_id,
  requestId: r.request_id,
  date: r.date,
  startMin: r.start_min,
  durationMin: r.duration_min,
  status: r.status as VisitStatus,
  legOverrideMin: r.leg_override_min,
  legModeOverride: (r.leg_mode_override as TravelMode | null) ?? null,
});

export function listVisits(db: Db): Visit[] {
  return (db.prepare(`SELECT * FROM visits WHERE deleted = 0 ORDER BY date, leader_id, start_min`).all() as VisitRow[]).map(toVisit);
}

export function getVisit(db: Db, id: string): Visit | null {
  const r = db.prepare(`SELECT * FROM visits WHERE id = ? AND deleted = 0`).get(id) as VisitRow | undefined;
  return r ? toVisit(r) : null;
}

export function listPollDates(db: Db): (PollDate & { id: string })[] {
  return (
    db.prepare(`SELECT id, pc_no, phase, poll_date FROM poll_schedule WHERE deleted = 0 ORDER BY poll_date, pc_no`).all() as {
      id: string;
      pc_no: number;
      phase: number;
      poll_date: string;
    }[]
  ).map((r) => ({ id: r.id, pcNo: r.pc_no, phase: r.phase, pollDate: r.poll_date }));
}

export const SETTINGS_ID = 'state';

export function getPlanningSettings(db: Db): PlanningSettings {
  const r = db.prepare(`SELECT permission_lead_days, road_factor, big_rally_capacity FROM planning_settings WHERE id = ? AND deleted = 0`).get(SETTINGS_ID) as
    | { permission_lead_days: number; road_factor: number; big_rally_capacity: number }
    | undefined;
  return r ? { permissionLeadDays: r.permission_lead_days, roadFactor: r.road_factor, bigRallyCapacity: r.big_rally_capacity } : DEFAULT_SETTINGS;
}

// ── The stored suggested tour (local to this device; see migration 007) ──

export interface StoredSuggestion extends Suggestion {
  id: string;
  status: 'open' | 'rejected';
}

export interface StoredUnmet extends Unmet {
  id: string;
}

export interface StoredRun {
  suggestions: StoredSuggestion[];
  unmet: StoredUnmet[];
  ms: number;
  madeAt: string;
}

interface SuggestionRow {
  id: string;
  seq: number;
  kind: string;
  request_id: string;
  leader_id: string | null;
  venue_id: string | null;
  date: string | null;
  start_min: number | null;
  duration_min: number | null;
  value: number | null;
  reason: string | null;
  blocked: number | null;
  tried: number | null;
  status: string;
}

/** When and how fast the latest run was (meta), so a run whose suggestions were all decided still shows. */
const RUN_KEY = 'visit_suggestions_run';

/** Replace the stored run with a new one: every earlier suggestion, decided or not, goes. */
export function replaceSuggestions(db: Db, run: { suggestions: readonly Suggestion[]; unmet: readonly Unmet[]; ms: number; madeAt: string; madeBy: string }, newId: () => string): void {
  db.transaction(() => {
    db.prepare(`DELETE FROM visit_suggestions`).run();
    const ins = db.prepare(
      `INSERT INTO visit_suggestions (id, seq, kind, request_id, leader_id, venue_id, date, start_min, duration_min, value, reason, blocked, tried, status, run_ms, made_at, made_by)
       VALUES (@id, @seq, @kind, @request_id, @leader_id, @venue_id, @date, @start_min, @duration_min, @value, @reason, @blocked, @tried, 'open', @run_ms, @made_at, @made_by)`,
    );
    setMeta(db, RUN_KEY, JSON.stringify({ ms: run.ms, madeAt: run.madeAt }));
    let seq = 0;
    const common = { run_ms: run.ms, made_at: run.madeAt, made_by: run.madeBy };
    for (const s of run.suggestions) {
      ins.run({ ...common, id: newId(), seq: ++seq, kind: 'suggestion', request_id: s.requestId, leader_id: s.leaderId, venue_id: s.venueId, date: s.date, start_min: s.startMin, duration_min: s.durationMin, value: s.value, reason: null, blocked: null, tried: null });
    }
    for (const u of run.unmet) {
      ins.run({ ...common, id: newId(), seq: ++seq, kind: 'unmet', request_id: u.requestId, leader_id: null, venue_id: null, date: null, start_min: null, duration_min: null, value: null, reason: u.reason, blocked: u.blocked, tried: u.tried });
    }
  })();
}

/** The stored run, or null when no tour has been suggested on this device. */
export function getSuggestions(db: Db): StoredRun | null {
  const marker = getMeta(db, RUN_KEY);
  if (!marker) return null;
  const run = JSON.parse(marker) as { ms: number; madeAt: string };
  const rows = db.prepare(`SELECT * FROM visit_suggestions ORDER BY seq`).all() as SuggestionRow[];
  return {
    suggestions: rows
      .filter((r) => r.kind === 'suggestion')
      .map((r) => ({
        id: r.id,
        status: r.status === 'rejected' ? 'rejected' : 'open',
        requestId: r.request_id,
        leaderId: r.leader_id ?? '',
        venueId: r.venue_id ?? '',
        date: r.date ?? '',
        startMin: r.start_min ?? 0,
        durationMin: r.duration_min ?? 0,
        value: r.value ?? 0,
      })),
    unmet: rows
      .filter((r) => r.kind === 'unmet')
      .map((r) => ({ id: r.id, requestId: r.request_id, reason: r.reason as UnmetReason, blocked: r.blocked ?? 0, tried: r.tried ?? 0 })),
    ms: run.ms,
    madeAt: run.madeAt,
  };
}

export function getSuggestion(db: Db, id: string): StoredSuggestion | null {
  return getSuggestions(db)?.suggestions.find((s) => s.id === id) ?? null;
}

export function setSuggestionStatus(db: Db, id: string, status: 'open' | 'rejected'): void {
  db.prepare(`UPDATE visit_suggestions SET status = ? WHERE id = ? AND kind = 'suggestion'`).run(status, id);
}

export function deleteSuggestion(db: Db, id: string): void {
  db.prepare(`DELETE FROM visit_suggestions WHERE id = ?`).run(id);
}
