import { addDays } from '../../../../shared/domain/visits/dates';
import { haversineKm } from '../../../../shared/domain/visits/travel';
import type { AvailabilityWindow } from '../../../../shared/domain/visits/types';
import { insertRow, newId, upsertRow, type WriteContext } from '../../sync/writer';
import { FEMALE_FIRST, MALE_FIRST, SURNAMES, type NamePair } from './names';

export interface VisitDemoPlace {
  nameEn: string;
  nameHi: string | null;
  lat: number;
  lon: number;
  acNo: number;
  pcNo: number;
  districtCode: string | null;
}

export interface VisitDemoOptions {
  rand: () => number;
  /** Today (IST), YYYY-MM-DD: the campaign is laid out from here. */
  today: string;
  /** Block headquarters (real points) with the AC and PC they lie in. */
  blockHqs: readonly VisitDemoPlace[];
  pcs: readonly { pcNo: number; nameEn: string }[];
  venues: number;
  requests: number;
  /** 'demo': the party president, two senior national leaders and three state leaders; 'bench': three leaders. */
  leaders: 'demo' | 'bench';
  /** Days of availability from the start of the campaign. */
  campaignDays: number;
  /** Add a held and two confirmed visits so the calendar is not empty. */
  sampleVisits: boolean;
}

/** Jharkhand's four polling phases of 2024, by Lok Sabha name; the demo shifts the dates to the future. */
const PHASES: readonly (readonly string[])[] = [
  ['singhbhum', 'khunti', 'lohardaga', 'palamu'],
  ['chatra', 'koderma', 'kodarma', 'hazaribagh'],
  ['giridih', 'dhanbad', 'ranchi', 'jamshedpur'],
  ['rajmahal', 'dumka', 'godda'],
];
const PHASE_OFFSETS = [28, 35, 40, 47];
/** Every demo leader sets out from Birsa Munda Airport, Ranchi. */
const BASE = { lat: 23.3143, lon: 85.3217 };

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)];

function personName(rand: () => number): NamePair {
  const first = rand() < 0.7 ? pick(rand, MALE_FIRST) : pick(rand, FEMALE_FIRST);
  const last = pick(rand, SURNAMES);
  return [`${first[0]} ${last[0]}`, `${first[1]} ${last[1]}`];
}

interface LeaderSpec {
  titleEn: string;
  titleHi: string;
  tier: 'national' | 'state';
  heli: boolean;
  maxEvents: number;
}

const DEMO_LEADERS: readonly LeaderSpec[] = [
  { titleEn: 'Party President', titleHi: 'पार्टी अध्यक्ष', tier: 'national', heli: true, maxEvents: 4 },
  { titleEn: 'Senior National Leader', titleHi: 'वरिष्ठ राष्ट्रीय नेता', tier: 'national', heli: true, maxEvents: 4 },
  { titleEn: 'Senior National Leader', titleHi: 'वरिष्ठ राष्ट्रीय नेता', tier: 'national', heli: false, maxEvents: 3 },
  { titleEn: 'State President', titleHi: 'प्रदेश अध्यक्ष', tier: 'state', heli: false, maxEvents: 5 },
  { titleEn: 'State Leader', titleHi: 'प्रदेश नेता', tier: 'state', heli: false, maxEvents: 5 },
  { titleEn: 'State Leader', titleHi: 'प्रदेश नेता', tier: 'state', heli: false, maxEvents: 5 },
];

const GROUNDS: readonly NamePair[] = [
  ['Rally Ground', 'रैली मैदान'],
  ['Stadium', 'स्टेडियम'],
  ['High School Ground', 'उच्च विद्यालय मैदान'],
  ['Haat Ground', 'हाट मैदान'],
  ['Mela Ground', 'मेला मैदान'],
];

/**
 * Leaders, venues near real block headquarters, requests from Lok Sabha in-charges, a polling schedule in
 * four phases and a few visits — written through the sync writer in the caller's transaction. Everything
 * is labelled demo (source = 'demo', "(demo)" in leader names).
 */
export function generateVisitsDemo(w: WriteContext, o: VisitDemoOptions): { leaderIds: string[]; venueIds: string[]; requestIds: string[] } {
  const { rand, today } = o;
  const start = addDays(today, 2);

  // Polling schedule.
  const pollOf = new Map<number, string>();
  o.pcs.forEach((pc, i) => {
    const name = pc.nameEn.toLowerCase();
    let phase = PHASES.findIndex((names) => names.some((n) => name.includes(n)));
    if (phase < 0) phase = i % PHASES.length;
    const pollDate = addDays(today, PHASE_OFFSETS[phase]);
    pollOf.set(pc.pcNo, pollDate);
    upsertRow(w, 'poll_schedule', `poll-pc-${pc.pcNo}`, { pc_no: pc.pcNo, phase: phase + 1, poll_date: pollDate, ac_no: null, district_code: null }, 'poll.set');
  });
  upsertRow(w, 'planning_settings', 'state', { permission_lead_days: 7, road_factor: 1.4, big_rally_capacity: 10_000, ac_no: null, district_code: null }, 'settings.set');

  // Leaders.
  const specs = o.leaders === 'demo' ? DEMO_LEADERS : DEMO_LEADERS.slice(0, 3);
  const leaderIds: string[] = [];
  const tierOf = new Map<string, 'national' | 'state'>();
  for (const spec of specs) {
    const [en, hi] = personName(rand);
    const id = newId();
    // Two windows with a short break, as leaders' offices send them (Parliament, party meetings in Delhi).
    const breakAt = 6 + Math.floor(rand() * Math.max(1, o.campaignDays - 10));
    const windows: AvailabilityWindow[] =
      o.leaders === 'bench'
        ? [{ from: start, to: addDays(start, o.campaignDays - 1), dayStartMin: 9 * 60, dayEndMin: 18 * 60 }]
        : [
            { from: start, to: addDays(start, breakAt - 1), dayStartMin: 9 * 60, dayEndMin: 18 * 60 },
            { from: addDays(start, breakAt + 2), to: addDays(start, o.campaignDays - 1), dayStartMin: 10 * 60, dayEndMin: 18 * 60 + 30 },
          ];
    insertRow(
      w,
      'leaders',
      id,
      {
        name_en: `${spec.titleEn} ${en} (demo)`,
        name_hi: `${spec.titleHi} ${hi} (डेमो)`,
        tier: spec.tier,
        base_name: 'Birsa Munda Airport, Ranchi',
        base_lat: BASE.lat,
        base_lon: BASE.lon,
        availability: JSON.stringify(windows),
        heli_cruise_kmh: spec.heli ? 220 : null,
        heli_turnaround_min: spec.heli ? 20 : null,
        heli_daylight_only: 1,
        road_plains_kmh: 45,
        road_hills_kmh: 30,
        max_events_per_day: spec.maxEvents,
        min_gap_min: 20,
        source: 'demo',
        ac_no: null,
        district_code: null,
      },
      'leader.save',
    );
    leaderIds.push(id);
    tierOf.set(id, spec.tier);
  }

  // Venues: a ground within ~3 km of a real block headquarters.
  const venueIds: string[] = [];
  /** Where each venue is and whether its permission is granted: the sample visits pick from these. */
  const venueFacts: { id: string; lat: number; lon: number; granted: boolean; hqIndex: number }[] = [];
  const venuesByPc = new Map<number, { id: string; acNo: number }[]>();
  const hqs = o.blockHqs.filter((b) => b.pcNo > 0);
  for (let i = 0; i < o.venues; i++) {
    const hq = hqs[i % hqs.length];
    const ground = pick(rand, GROUNDS);
    const id = newId();
    const permissionRoll = rand();
    const permission = permissionRoll < 0.55 ? 'granted' : permissionRoll < 0.8 ? 'applied' : permissionRoll < 0.97 ? 'not_applied' : 'refused';
    const suffix = i >= hqs.length ? ` ${Math.floor(i / hqs.length) + 1}` : '';
    const lat = Math.round((hq.lat + (rand() - 0.5) * 0.05) * 1e5) / 1e5;
    const lon = Math.round((hq.lon + (rand() - 0.5) * 0.05) * 1e5) / 1e5;
    insertRow(
      w,
      'venues',
      id,
      {
        name_en: `${hq.nameEn} ${ground[0]}${suffix}`,
        name_hi: `${hq.nameHi ?? hq.nameEn} ${ground[1]}${suffix}`,
        lat,
        lon,
        pc_no: hq.pcNo,
        capacity: pick(rand, [3000, 5000, 8000, 12000, 20000, 40000]),
        helipad: rand() < 0.45 ? 1 : 0,
        terrain: rand() < 0.3 ? 'hills' : 'plains',
        permission,
        permission_applied_on: permission === 'not_applied' ? null : addDays(today, -Math.floor(rand() * 10)),
        permission_granted_on: permission === 'granted' ? addDays(today, -Math.floor(rand() * 3)) : null,
        authority_lead_days: rand() < 0.2 ? 10 : null,
        source: 'demo',
        ac_no: hq.acNo,
        district_code: hq.districtCode,
      },
      'venue.save',
    );
    venueIds.push(id);
    venueFacts.push({ id, lat, lon, granted: permission === 'granted', hqIndex: i % hqs.length });
    const list = venuesByPc.get(hq.pcNo) ?? [];
    list.push({ id, acNo: hq.acNo });
    venuesByPc.set(hq.pcNo, list);
  }

  // Requests from the Lok Sabha in-charges, before each constituency polls.
  const requestIds: string[] = [];
  const pcsWithVenues = o.pcs.filter((p) => (venuesByPc.get(p.pcNo)?.length ?? 0) > 0);
  const national = leaderIds.filter((id) => tierOf.get(id) === 'national');
  const stateLeaders = leaderIds.filter((id) => tierOf.get(id) === 'state');
  for (let i = 0; i < o.requests && pcsWithVenues.length > 0; i++) {
    const pc = pcsWithVenues[i % pcsWithVenues.length];
    const venues = venuesByPc.get(pc.pcNo)!;
    const poll = pollOf.get(pc.pcNo)!;
    const roll = rand();
    const wanted = roll < 0.3 || stateLeaders.length === 0 ? [leaderIds[0]] : roll < 0.7 ? national : stateLeaders;
    const lastDay = addDays(start, o.campaignDays - 1) < addDays(poll, -2) ? addDays(start, o.campaignDays - 1) : addDays(poll, -2);
    const span = Math.max(0, Math.round((Date.parse(lastDay) - Date.parse(start)) / 86_400_000));
    const from = addDays(start, Math.floor(rand() * Math.max(1, span - 2)));
    const to = addDays(from, 1 + Math.floor(rand() * 4));
    const v = pick(rand, venues);
    const byVenue = rand() < 0.5;
    const id = newId();
    insertRow(
      w,
      'visit_requests',
      id,
      {
        pc_no: pc.pcNo,
        leader_ids: JSON.stringify(wanted),
        priority: 1 + Math.floor(rand() * 5),
        preferred_from: from,
        preferred_to: to > lastDay ? lastDay : to,
        venue_id: byVenue ? v.id : null,
        area_ac_no: byVenue ? null : v.acNo,
        duration_min: pick(rand, [60, 90, 120]),
        requested_by: `Lok Sabha in-charge, ${pc.nameEn} (demo)`,
        note: null,
        status: 'open',
        ac_no: v.acNo,
        district_code: null,
      },
      'request.save',
    );
    requestIds.push(id);
  }

  // The sample visits go to the granted grounds nearest the leaders' base, so the day's drive out and
  // back fits the leader's hours and the samples show no conflict of their own making.
  const nearBase = [...venueFacts]
    .sort((a, b) => Number(b.granted) - Number(a.granted) || haversineKm(BASE, a) - haversineKm(BASE, b))
    .slice(0, 3);
  if (o.sampleVisits && nearBase.length >= 3) {
    const sample: [number, string, number, string][] = [
      [0, addDays(today, -2), 11 * 60, 'held'],
      [1, addDays(start, 1), 11 * 60, 'confirmed'],
      [2, addDays(start, 3), 12 * 60, 'confirmed'],
    ];
    for (const [vi, date, startMin, status] of sample) {
      const venueId = nearBase[vi].id;
      const hq = hqs[nearBase[vi].hqIndex];
      insertRow(
        w,
        'visits',
        newId(),
        {
          leader_id: leaderIds[0],
          venue_id: venueId,
          request_id: null,
          date,
          start_min: startMin,
          duration_min: 90,
          status,
          leg_override_min: null,
          leg_mode_override: null,
          pc_no: hq.pcNo,
          ac_no: hq.acNo,
          district_code: hq.districtCode,
        },
        'visit.create',
      );
    }
  }
  return { leaderIds, venueIds, requestIds };
}
