import { findConflicts, type PlanWorld } from '../../../shared/domain/visits/conflicts';
import { computeCoverage } from '../../../shared/domain/visits/coverage';
import { canVisitTransition, nextVisitStatuses } from '../../../shared/domain/visits/status';
import { suggestTour } from '../../../shared/domain/visits/suggest';
import type { PlanningSettings, Visit } from '../../../shared/domain/visits/types';
import type { CallArgs } from '../../../shared/ipc/contract';
import type { LeaderView, PlanningData, PollDateView, RequestView, SuggestionsView, SuggestionView, VenueView } from '../../../shared/ipc/views';
import type { User } from '../../../shared/domain/types';
import type { Db } from '../db/connection';
import { getUnitByCode, unitsOfLevel } from '../db/repositories/orgUnits';
import {
  deleteSuggestion,
  getLeader,
  getPlanningSettings,
  getSuggestion,
  getSuggestions,
  replaceSuggestions,
  setSuggestionStatus,
  getRequest,
  getVenue,
  getVisit,
  listLeaders,
  listPollDates,
  listRequests,
  listVenues,
  listVisits,
  SETTINGS_ID,
} from '../db/repositories/visits';
import { insertRow, newId, tombstoneRow, upsertRow } from '../sync/writer';
import { AppError } from './AppError';
import { inChange, istDate, nowIso, requireUser, type ServiceContext } from './context';

/** Schedulers and the state office plan visits; everyone else reads them. */
function requirePlanner(ctx: ServiceContext, what: string): User {
  const user = requireUser(ctx);
  if (user.role !== 'scheduler' && user.role !== 'state_admin') {
    throw new AppError('forbidden', `Only a rally scheduler or a state admin can ${what}. Switch to a scheduler to plan visits.`);
  }
  return user;
}

/** Lok Sabha in-charges file requests; schedulers and the state office may file them on their behalf. */
function requireRequester(ctx: ServiceContext): User {
  const user = requireUser(ctx);
  if (user.role === 'operator') throw new AppError('forbidden', 'Only a Lok Sabha in-charge, a rally scheduler or a state admin can file a visit request.');
  return user;
}

function acPlace(db: Db, acNo: number): { pcNo: number; districtCode: string | null } {
  const ac = getUnitByCode(db, `AC-${acNo}`);
  if (!ac || ac.pcNo == null) throw new AppError('invalid_input', `There is no assembly constituency number ${acNo}.`, 'acNo');
  return { pcNo: ac.pcNo, districtCode: ac.districtCode };
}

export function planWorld(ctx: ServiceContext): PlanWorld & { settings: PlanningSettings } {
  return {
    leaders: new Map(listLeaders(ctx.db).map((l) => [l.id, l])),
    venues: new Map(listVenues(ctx.db).map((v) => [v.id, v])),
    pollDates: new Map(listPollDates(ctx.db).map((p) => [p.pcNo, p.pollDate])),
    settings: getPlanningSettings(ctx.db),
    today: istDate(ctx),
  };
}

export function getPlanningData(ctx: ServiceContext): PlanningData {
  const user = requireUser(ctx);
  const leaders = listLeaders(ctx.db);
  const venues = listVenues(ctx.db);
  const visits = listVisits(ctx.db);
  const pollDates = listPollDates(ctx.db);
  const world: PlanWorld = {
    leaders: new Map(leaders.map((l) => [l.id, l])),
    venues: new Map(venues.map((v) => [v.id, v])),
    pollDates: new Map(pollDates.map((p) => [p.pcNo, p.pollDate])),
    settings: getPlanningSettings(ctx.db),
    today: istDate(ctx),
  };
  const answering = new Map<string, string>();
  for (const v of visits) if (v.requestId && v.status !== 'cancelled') answering.set(v.requestId, v.id);
  const pcNos = unitsOfLevel(ctx.db, 'pc')
    .map((p) => p.pcNo ?? 0)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  return {
    today: world.today,
    canEdit: user.role === 'scheduler' || user.role === 'state_admin',
    canRequest: user.role !== 'operator',
    settings: world.settings,
    leaders,
    venues,
    requests: listRequests(ctx.db).map((r) => ({ ...r, visitId: answering.get(r.id) ?? null })),
    visits,
    pollDates,
    // Held visits are history: only what is still to happen can conflict.
    conflicts: findConflicts(world, visits.filter((v) => v.status !== 'held')),
    coverage: computeCoverage(pcNos, pollDates, visits, world.leaders, world.venues),
    suggested: storedSuggestions(ctx, visits),
  };
}

/**
 * The stored run as the workspace shows it: a suggestion or an unmet reason whose request has since
 * been answered by a live visit, withdrawn or removed is history and is left out.
 */
function storedSuggestions(ctx: ServiceContext, visits: readonly Visit[]): SuggestionsView | null {
  const run = getSuggestions(ctx.db);
  if (!run) return null;
  const answered = new Set(visits.filter((v) => v.requestId && v.status !== 'cancelled').map((v) => v.requestId));
  const open = new Set(listRequests(ctx.db).filter((r) => r.status === 'open').map((r) => r.id));
  const pending = (requestId: string) => open.has(requestId) && !answered.has(requestId);
  return { ...run, suggestions: run.suggestions.filter((x) => pending(x.requestId)), unmet: run.unmet.filter((u) => pending(u.requestId)) };
}

export function saveLeader(ctx: ServiceContext, input: CallArgs<'visits.saveLeader'>): LeaderView {
  const user = requirePlanner(ctx, 'edit leaders');
  const existing = input.id ? getLeader(ctx.db, input.id) : null;
  if (input.id && !existing) throw new AppError('not_found', 'That leader is no longer on record. Reload the page.', 'id');
  const id = existing?.id ?? newId();
  const values = {
    name_en: input.nameEn,
    name_hi: input.nameHi || null,
    tier: input.tier,
    base_name: input.baseName,
    base_lat: input.baseLat,
    base_lon: input.baseLon,
    availability: JSON.stringify(input.availability),
    heli_cruise_kmh: input.helicopter?.cruiseKmh ?? null,
    heli_turnaround_min: input.helicopter?.turnaroundMin ?? null,
    heli_daylight_only: input.helicopter?.daylightOnly === false ? 0 : 1,
    road_plains_kmh: input.road.plainsKmh,
    road_hills_kmh: input.road.hillsKmh,
    max_events_per_day: input.maxEventsPerDay,
    min_gap_min: input.minGapMin,
  };
  inChange(ctx, user.id, (w) => {
    if (existing) upsertRow(w, 'leaders', id, values, 'leader.save');
    else insertRow(w, 'leaders', id, { ...values, source: 'local', ac_no: null, district_code: null }, 'leader.save');
  });
  return getLeader(ctx.db, id)!;
}

export function saveVenue(ctx: ServiceContext, input: CallArgs<'visits.saveVenue'>): VenueView {
  const user = requirePlanner(ctx, 'edit venues');
  const existing = input.id ? getVenue(ctx.db, input.id) : null;
  if (input.id && !existing) throw new AppError('not_found', 'That venue is no longer on record. Reload the page.', 'id');
  if (input.permission === 'granted' && !input.permissionGrantedOn) {
    throw new AppError('invalid_input', 'A granted permission needs the date it was granted.', 'permissionGrantedOn');
  }
  if ((input.permission === 'applied' || input.permission === 'granted') && !input.permissionAppliedOn) {
    throw new AppError('invalid_input', 'Enter the date the permission was applied for.', 'permissionAppliedOn');
  }
  const place = acPlace(ctx.db, input.acNo);
  // A ground moved to another constituency takes its visits and requests along (they sync with it).
  const moved = existing !== null && existing.acNo !== input.acNo;
  const requests = moved ? listRequests(ctx.db).filter((r) => r.venueId === existing.id) : [];
  const otherPc = requests.find((r) => r.pcNo !== place.pcNo);
  if (otherPc) {
    throw new AppError(
      'invalid_input',
      `A request from Lok Sabha constituency ${otherPc.pcNo} names this venue, so it cannot move to assembly constituency ${input.acNo} (Lok Sabha ${place.pcNo}). Add a new venue there instead.`,
      'acNo',
    );
  }
  const visits = moved ? listVisits(ctx.db).filter((v) => v.venueId === existing.id) : [];
  const id = existing?.id ?? newId();
  const values = {
    name_en: input.nameEn,
    name_hi: input.nameHi || null,
    lat: input.lat,
    lon: input.lon,
    pc_no: place.pcNo,
    capacity: input.capacity,
    helipad: input.helipad ? 1 : 0,
    terrain: input.terrain,
    permission: input.permission,
    permission_applied_on: input.permissionAppliedOn,
    permission_granted_on: input.permission === 'granted' ? input.permissionGrantedOn : null,
    authority_lead_days: input.authorityLeadDays,
    ac_no: input.acNo,
    district_code: place.districtCode,
  };
  inChange(ctx, user.id, (w) => {
    if (existing) upsertRow(w, 'venues', id, values, 'venue.save');
    else insertRow(w, 'venues', id, { ...values, source: 'local' }, 'venue.save');
    const scope = { ac_no: input.acNo, pc_no: place.pcNo, district_code: place.districtCode };
    for (const v of visits) upsertRow(w, 'visits', v.id, scope, 'venue.save');
    for (const r of requests) upsertRow(w, 'visit_requests', r.id, { ac_no: input.acNo, district_code: place.districtCode }, 'venue.save');
  });
  return getVenue(ctx.db, id)!;
}

export function saveRequest(ctx: ServiceContext, input: CallArgs<'visits.saveRequest'>): RequestView {
  const user = requireRequester(ctx);
  const existing = input.id ? getRequest(ctx.db, input.id) : null;
  if (input.id && !existing) throw new AppError('not_found', 'That request is no longer on record. Reload the page.', 'id');
  for (const lid of input.leaderIds) if (!getLeader(ctx.db, lid)) throw new AppError('not_found', 'One of the chosen leaders is no longer on record.', 'leaderIds');
  let acNo = input.areaAcNo;
  if (input.venueId) {
    const venue = getVenue(ctx.db, input.venueId);
    if (!venue) throw new AppError('not_found', 'That venue is no longer on record.', 'venueId');
    if (venue.pcNo !== input.pcNo) throw new AppError('invalid_input', `That venue is in Lok Sabha constituency ${venue.pcNo}, not ${input.pcNo}.`, 'venueId');
    acNo = venue.acNo;
  } else if (acNo != null) {
    if (acPlace(ctx.db, acNo).pcNo !== input.pcNo) throw new AppError('invalid_input', `Assembly constituency ${acNo} is not in Lok Sabha constituency ${input.pcNo}.`, 'areaAcNo');
  }
  const district = acNo != null ? acPlace(ctx.db, acNo).districtCode : null;
  const id = existing?.id ?? newId();
  const values = {
    pc_no: input.pcNo,
    leader_ids: JSON.stringify(input.leaderIds),
    priority: input.priority,
    preferred_from: input.preferredFrom,
    preferred_to: input.preferredTo,
    venue_id: input.venueId,
    area_ac_no: input.venueId ? null : input.areaAcNo,
    duration_min: input.durationMin,
    requested_by: input.requestedBy,
    note: input.note,
    status: input.status,
    ac_no: acNo,
    district_code: district,
  };
  inChange(ctx, user.id, (w) => {
    if (existing) upsertRow(w, 'visit_requests', id, values, 'request.save');
    else insertRow(w, 'visit_requests', id, values, 'request.save');
  });
  const saved = getRequest(ctx.db, id)!;
  const answering = listVisits(ctx.db).find((v) => v.requestId === id && v.status !== 'cancelled');
  return { ...saved, visitId: answering?.id ?? null };
}

function visitPlace(ctx: ServiceContext, venueId: string) {
  const venue = getVenue(ctx.db, venueId);
  if (!venue) throw new AppError('not_found', 'That venue is no longer on record.', 'venueId');
  return { pc_no: venue.pcNo, ac_no: venue.acNo, district_code: venue.districtCode };
}

export function createVisit(ctx: ServiceContext, input: CallArgs<'visits.create'>): Visit {
  const user = requirePlanner(ctx, 'plan visits');
  if (!getLeader(ctx.db, input.leaderId)) throw new AppError('not_found', 'That leader is no longer on record.', 'leaderId');
  if (input.requestId && !getRequest(ctx.db, input.requestId)) throw new AppError('not_found', 'That request is no longer on record.', 'requestId');
  if (input.startMin + input.durationMin > 24 * 60) throw new AppError('invalid_input', 'A visit must end by midnight.', 'durationMin');
  const id = newId();
  inChange(ctx, user.id, (w) => {
    insertRow(
      w,
      'visits',
      id,
      {
        leader_id: input.leaderId,
        venue_id: input.venueId,
        request_id: input.requestId,
        date: input.date,
        start_min: input.startMin,
        duration_min: input.durationMin,
        status: 'proposed',
        leg_override_min: null,
        leg_mode_override: null,
        ...visitPlace(ctx, input.venueId),
      },
      'visit.create',
    );
  });
  return getVisit(ctx.db, id)!;
}

export function updateVisit(ctx: ServiceContext, input: CallArgs<'visits.update'>): Visit {
  const user = requirePlanner(ctx, 'change visits');
  const v = getVisit(ctx.db, input.id);
  if (!v) throw new AppError('not_found', 'That visit is no longer on record. Reload the page.', 'id');
  const changes: Record<string, string | number | null> = {};
  const moves = input.leaderId !== undefined || input.venueId !== undefined || input.date !== undefined || input.startMin !== undefined || input.durationMin !== undefined;
  if (moves && (v.status === 'held' || v.status === 'cancelled')) {
    throw new AppError('conflict', `A ${v.status} visit cannot be moved. Propose a new visit instead.`, 'status');
  }
  if (input.status !== undefined && input.status !== v.status) {
    if (!canVisitTransition(v.status, input.status)) {
      throw new AppError('conflict', `A ${v.status} visit cannot become ${input.status}. It can become: ${nextVisitStatuses(v.status).join(' or ') || 'nothing else'}.`, 'status');
    }
    changes.status = input.status;
  }
  if (input.leaderId !== undefined) {
    if (!getLeader(ctx.db, input.leaderId)) throw new AppError('not_found', 'That leader is no longer on record.', 'leaderId');
    changes.leader_id = input.leaderId;
  }
  if (input.venueId !== undefined) Object.assign(changes, { venue_id: input.venueId, ...visitPlace(ctx, input.venueId) });
  if (input.date !== undefined) changes.date = input.date;
  if (input.startMin !== undefined) changes.start_min = input.startMin;
  if (input.durationMin !== undefined) changes.duration_min = input.durationMin;
  if ((input.startMin ?? v.startMin) + (input.durationMin ?? v.durationMin) > 24 * 60) throw new AppError('invalid_input', 'A visit must end by midnight.', 'startMin');
  // A leg override is the known time of the leg arriving at this visit: a visit moved to another day,
  // leader or place arrives by another leg, so a stale override goes unless the move sets a new one.
  const movesAway =
    (input.leaderId !== undefined && input.leaderId !== v.leaderId) ||
    (input.venueId !== undefined && input.venueId !== v.venueId) ||
    (input.date !== undefined && input.date !== v.date);
  if (movesAway && (v.legOverrideMin !== null || v.legModeOverride !== null)) Object.assign(changes, { leg_override_min: null, leg_mode_override: null });
  if (input.legOverrideMin !== undefined) changes.leg_override_min = input.legOverrideMin;
  if (input.legModeOverride !== undefined) changes.leg_mode_override = input.legModeOverride;
  inChange(ctx, user.id, (w) => {
    upsertRow(w, 'visits', v.id, changes, 'visit.update');
  });
  return getVisit(ctx.db, v.id)!;
}

/**
 * Run the suggestion engine and keep its answer (replacing the previous run) until each suggestion is
 * accepted or rejected. Existing visits — confirmed ones above all — are inputs the engine never moves.
 */
export function suggestVisits(ctx: ServiceContext): SuggestionsView {
  const user = requirePlanner(ctx, 'ask for a suggested tour');
  const t0 = performance.now();
  const world = planWorld(ctx);
  const requests = listRequests(ctx.db).filter((r) => r.status === 'open');
  const visits = listVisits(ctx.db);
  const result = suggestTour({ world, visits, requests });
  replaceSuggestions(ctx.db, { suggestions: result.suggestions, unmet: result.unmet, ms: Math.round(performance.now() - t0), madeAt: nowIso(ctx), madeBy: user.id }, newId);
  return storedSuggestions(ctx, visits)!;
}

function requireSuggestion(ctx: ServiceContext, id: string): SuggestionView {
  const s = getSuggestion(ctx.db, id);
  if (!s) throw new AppError('not_found', 'That suggestion is no longer on record: a newer suggested tour replaced it. Look at the current suggestions.', 'id');
  return s;
}

/** Accept a suggestion, with the scheduler's edits if any: it becomes a proposed visit answering its request, and leaves the list. */
export function acceptSuggestion(ctx: ServiceContext, input: CallArgs<'visits.acceptSuggestion'>): Visit {
  requirePlanner(ctx, 'accept suggestions');
  const s = requireSuggestion(ctx, input.id);
  if (s.status === 'rejected') throw new AppError('conflict', 'This suggestion was rejected. Restore it before accepting it.', 'id');
  const request = getRequest(ctx.db, s.requestId);
  if (!request || request.status !== 'open') throw new AppError('conflict', 'The request behind this suggestion has been withdrawn or removed.', 'id');
  if (listVisits(ctx.db).some((v) => v.requestId === s.requestId && v.status !== 'cancelled')) {
    throw new AppError('conflict', 'That request already has a visit. Open the visit on the calendar instead.', 'id');
  }
  const venueId = input.venueId ?? s.venueId;
  if (input.venueId) {
    const venue = getVenue(ctx.db, input.venueId);
    if (!venue) throw new AppError('not_found', 'That venue is no longer on record.', 'venueId');
    if (venue.pcNo !== request.pcNo) throw new AppError('invalid_input', `That venue is in Lok Sabha constituency ${venue.pcNo}; the request is for ${request.pcNo}.`, 'venueId');
  }
  // The visit and the suggestion's removal together, or neither.
  return ctx.db.transaction(() => {
    const visit = createVisit(ctx, { leaderId: s.leaderId, venueId, requestId: s.requestId, date: input.date ?? s.date, startMin: input.startMin ?? s.startMin, durationMin: s.durationMin });
    deleteSuggestion(ctx.db, s.id);
    return visit;
  })();
}

export function decideSuggestion(ctx: ServiceContext, input: CallArgs<'visits.decideSuggestion'>): SuggestionView {
  requirePlanner(ctx, 'decide on suggestions');
  requireSuggestion(ctx, input.id);
  setSuggestionStatus(ctx.db, input.id, input.status);
  return requireSuggestion(ctx, input.id);
}

/** Remove a leader no live visit depends on; the tombstone syncs, and the change banner can undo it. */
export function deleteLeader(ctx: ServiceContext, id: string): { removed: boolean } {
  const user = requirePlanner(ctx, 'remove leaders');
  const leader = getLeader(ctx.db, id);
  if (!leader) throw new AppError('not_found', 'That leader is no longer on record. Reload the page.', 'id');
  const live = listVisits(ctx.db).filter((v) => v.leaderId === id && (v.status === 'proposed' || v.status === 'confirmed'));
  if (live.length > 0) {
    throw new AppError('conflict', `${leader.nameEn} still has ${live.length} planned visit(s), the first on ${live[0].date}. Cancel them or give them to another leader first.`, 'id');
  }
  inChange(ctx, user.id, (w) => tombstoneRow(w, 'leaders', id, 'leader.delete'));
  return { removed: true };
}

/** Remove a venue no live visit or open request depends on. */
export function deleteVenue(ctx: ServiceContext, id: string): { removed: boolean } {
  const user = requirePlanner(ctx, 'remove venues');
  const venue = getVenue(ctx.db, id);
  if (!venue) throw new AppError('not_found', 'That venue is no longer on record. Reload the page.', 'id');
  const live = listVisits(ctx.db).filter((v) => v.venueId === id && (v.status === 'proposed' || v.status === 'confirmed'));
  if (live.length > 0) throw new AppError('conflict', `${venue.nameEn} still has ${live.length} planned visit(s), the first on ${live[0].date}. Cancel or move them first.`, 'id');
  const asked = listRequests(ctx.db).filter((r) => r.venueId === id && r.status === 'open');
  if (asked.length > 0) throw new AppError('conflict', `${asked.length} open request(s) name ${venue.nameEn}. Withdraw them or change their venue first.`, 'id');
  inChange(ctx, user.id, (w) => tombstoneRow(w, 'venues', id, 'venue.delete'));
  return { removed: true };
}

export function setPollDate(ctx: ServiceContext, input: CallArgs<'visits.setPollDate'>): PollDateView {
  const user = requirePlanner(ctx, 'edit the polling schedule');
  if (!unitsOfLevel(ctx.db, 'pc').some((p) => p.pcNo === input.pcNo)) throw new AppError('not_found', `There is no Lok Sabha constituency number ${input.pcNo}.`, 'pcNo');
  // One row per constituency with a stable id, so two devices editing the same date converge on one row.
  const id = `poll-pc-${input.pcNo}`;
  inChange(ctx, user.id, (w) => {
    upsertRow(w, 'poll_schedule', id, { pc_no: input.pcNo, phase: input.phase, poll_date: input.pollDate, ac_no: null, district_code: null, deleted: 0 }, 'poll.set');
  });
  return listPollDates(ctx.db).find((p) => p.id === id)!;
}

export function setPlanningSettings(ctx: ServiceContext, input: CallArgs<'visits.setSettings'>): PlanningSettings {
  const user = requirePlanner(ctx, 'change the planning settings');
  inChange(ctx, user.id, (w) => {
    upsertRow(
      w,
      'planning_settings',
      SETTINGS_ID,
      { permission_lead_days: input.permissionLeadDays, road_factor: input.roadFactor, big_rally_capacity: input.bigRallyCapacity, ac_no: null, district_code: null },
      'settings.set',
    );
  });
  return getPlanningSettings(ctx.db);
}
