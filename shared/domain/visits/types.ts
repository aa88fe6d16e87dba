// Leader-visit planning vocabulary: pure data shared by main, the web host and the renderer.
// Times of day are minutes after midnight IST and dates are IST calendar dates (YYYY-MM-DD): rallies are
// planned in local time and India has one time zone without daylight saving.

export const LEADER_TIERS = ['national', 'state'] as const;
export type LeaderTier = (typeof LEADER_TIERS)[number];

export const VISIT_STATUSES = ['proposed', 'confirmed', 'held', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export const TERRAINS = ['plains', 'hills'] as const;
export type Terrain = (typeof TERRAINS)[number];

export const TRAVEL_MODES = ['road', 'helicopter'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];

/** A leader can be booked on these dates, between these hours each day. */
export interface AvailabilityWindow {
  from: string;
  to: string;
  dayStartMin: number;
  dayEndMin: number;
}

export interface Leader {
  id: string;
  nameEn: string;
  nameHi: string | null;
  tier: LeaderTier;
  baseName: string;
  baseLat: number;
  baseLon: number;
  availability: AvailabilityWindow[];
  /** Null when the leader has no helicopter. `daylightOnly`: the helicopter flies only between sunrise and sunset. */
  helicopter: { cruiseKmh: number; turnaroundMin: number; daylightOnly: boolean } | null;
  road: { plainsKmh: number; hillsKmh: number };
  maxEventsPerDay: number;
  minGapMin: number;
}

export type PermissionStatus = 'not_applied' | 'applied' | 'granted' | 'refused';

export interface Venue {
  id: string;
  nameEn: string;
  nameHi: string | null;
  lat: number;
  lon: number;
  acNo: number;
  pcNo: number;
  capacity: number;
  helipad: boolean;
  terrain: Terrain;
  permission: PermissionStatus;
  permissionAppliedOn: string | null;
  permissionGrantedOn: string | null;
  /** The authority's own lead time in days; null = the state's default. */
  authorityLeadDays: number | null;
}

export interface Visit {
  id: string;
  leaderId: string;
  venueId: string;
  requestId: string | null;
  date: string;
  startMin: number;
  durationMin: number;
  status: VisitStatus;
  /** A scheduler's known travel time for the leg arriving at this visit (minutes), replacing the computed one. */
  legOverrideMin: number | null;
  /** The mode of the leg arriving at this visit, when the scheduler chose one; null = computed. */
  legModeOverride: TravelMode | null;
}

export interface VisitRequest {
  id: string;
  pcNo: number;
  /** Any one of these leaders satisfies the request. */
  leaderIds: string[];
  /** 1 (low) … 5 (highest). */
  priority: number;
  preferredFrom: string;
  preferredTo: string;
  /** A named venue, or an area (an assembly constituency) where any venue will do. */
  venueId: string | null;
  areaAcNo: number | null;
  durationMin: number;
  requestedBy: string;
  note: string | null;
}

export interface PollDate {
  pcNo: number;
  phase: number;
  pollDate: string;
}

export interface PlanningSettings {
  /** Days a public-meeting permission needs before the event, state-wide default. */
  permissionLeadDays: number;
  /** Straight-line distance × this = road distance. */
  roadFactor: number;
  /** A rally at a venue of at least this capacity counts as "big". */
  bigRallyCapacity: number;
}

export const DEFAULT_SETTINGS: PlanningSettings = { permissionLeadDays: 7, roadFactor: 1.4, bigRallyCapacity: 10_000 };

export function isLive(v: Pick<Visit, 'status'>): boolean {
  return v.status !== 'cancelled';
}
