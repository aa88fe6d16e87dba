import type { PlanWorld } from '../../../../shared/domain/visits/conflicts';
import { DEFAULT_SETTINGS, type Leader, type Venue, type Visit } from '../../../../shared/domain/visits/types';

export function leader(over: Partial<Leader> = {}): Leader {
  return {
    id: 'L1',
    nameEn: 'Leader One',
    nameHi: null,
    tier: 'national',
    baseName: 'Ranchi airport',
    baseLat: 23.3143,
    baseLon: 85.3217,
    availability: [{ from: '2026-04-01', to: '2026-04-30', dayStartMin: 9 * 60, dayEndMin: 18 * 60 }],
    helicopter: null,
    road: { plainsKmh: 50, hillsKmh: 35 },
    maxEventsPerDay: 4,
    minGapMin: 15,
    ...over,
  };
}

export function venue(id: string, over: Partial<Venue> = {}): Venue {
  return {
    id,
    nameEn: `Ground ${id}`,
    nameHi: null,
    lat: 23.3441,
    lon: 85.3096,
    acNo: 63,
    pcNo: 8,
    capacity: 5000,
    helipad: false,
    terrain: 'plains',
    permission: 'granted',
    permissionAppliedOn: '2026-03-01',
    permissionGrantedOn: '2026-03-05',
    authorityLeadDays: null,
    ...over,
  };
}

export function visit(id: string, over: Partial<Visit> = {}): Visit {
  return {
    id,
    leaderId: 'L1',
    venueId: 'V1',
    requestId: null,
    date: '2026-04-10',
    startMin: 10 * 60,
    durationMin: 60,
    status: 'proposed',
    legOverrideMin: null,
    legModeOverride: null,
    ...over,
  };
}

export function world(leaders: Leader[], venues: Venue[], pollDates: [number, string][] = [[8, '2026-05-13']]): PlanWorld {
  return {
    leaders: new Map(leaders.map((l) => [l.id, l])),
    venues: new Map(venues.map((v) => [v.id, v])),
    pollDates: new Map(pollDates),
    settings: DEFAULT_SETTINGS,
    today: '2026-03-20',
  };
}
