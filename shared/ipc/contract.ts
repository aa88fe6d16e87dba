import { z } from 'zod';
import {
  COMMITTEE_CATEGORIES,
  COMMITTEE_STATUSES,
  MEASURE_LEVELS,
  ORG_LEVELS,
  ROLES,
  UNIT_LEVELS,
  USER_ROLES,
} from '../domain/types';
import { MEMBER_FIELDS } from '../domain/membershipFormats';
import { FINDING_RULES, FINDING_STATUSES } from '../domain/membershipIntegrity';
import { LEADER_TIERS, TERRAINS, TRAVEL_MODES, VISIT_STATUSES } from '../domain/visits/types';
import type { PlanningSettings } from '../domain/visits/types';
import { DIRECTIVE_TARGET_LEVELS, DONE_RULES, MEETING_LEVELS, MEETING_MODES, isIsoDate } from '../domain/directives';
import type {
  AppInfo,
  ComplianceData,
  ComplianceReminders,
  DirectiveDetail,
  MeetingView,
  PartyOfficeList,
  PartyOfficeRow,
  SpeakerView,
  TeamCoverageView,
  TeamMemberView,
  WhatsappGroupView,
  ControlRoomRow,
  ChangeSummary,
  CommitteeKind,
  CommitteeView,
  CompletenessRule,
  DashboardData,
  EnrollerView,
  ExportResult,
  FindingMemberView,
  FindingView,
  GeoLayers,
  ImportCommitResult,
  ImportPreview,
  JobStatus,
  MemberImportPreview,
  MembershipDashboard,
  LeaderView,
  PlanningData,
  PollDateView,
  RequestView,
  SuggestionsView,
  SuggestionView,
  VenueView,
  Visit,
  MetaLists,
  PersonMatch,
  ScheduleRow,
  SessionState,
  UnitDetail,
  UnitSummary,
  User,
  WorkshopDetail,
  WorkshopView,
  ThresholdsView,
} from './views';
import type { ConflictView, StateFiguresView, SyncAdminOverview, SyncStatusView } from './syncViews';
import type { RegisterDeviceResponse } from '../sync/protocol';
import { ROSTER_KINDS, type EvidenceFileView, type ProgressReportView } from './views';

// zod 4 probes `new Function('')` unless told not to; the renderer's strict CSP forbids eval.
z.config({ jitless: true });

/** Carries the output type of a call without a runtime value. */
function returns<T>(): T {
  return undefined as unknown as T;
}

function call<I extends z.ZodType, O>(input: I, output: O) {
  return { input, output };
}

const empty = z.object({}).strict();
const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().max(max);
/** The state server's address as an operator types it: http(s)://host[:port][/path]. */
const serverUrl = z
  .string()
  .trim()
  .max(300)
  .refine((u) => /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(u), { message: 'Enter the state server’s address, like http://192.168.1.10:8787' })
  .transform((u) => u.replace(/\/+$/, ''));

export const importKindSchema = z.enum(['units', 'committees']);
const memberFileFormat = z.enum(['csv', 'xlsx']);
export const dashboardScopeSchema = z.union([
  z.object({ type: z.literal('state') }).strict(),
  z.object({ type: z.literal('pc'), pcNo: z.number().int().min(1).max(99) }).strict(),
]);

const isoDate = z.string().refine(isIsoDate, { message: 'Enter a date as YYYY-MM-DD' });
export const rosterScopeSchema = z
  .object({ pcNo: z.number().int().min(1).max(99).optional(), districtCode: text(10).optional() })
  .strict();
export const complianceScopeSchema = z.union([
  z.object({ type: z.literal('state') }).strict(),
  z.object({ type: z.literal('pc'), pcNo: z.number().int().min(1).max(99) }).strict(),
  z.object({ type: z.literal('district'), districtCode: text(10).min(1) }).strict(),
]);
export const rosterKindSchema = z.enum(ROSTER_KINDS);
const directiveInputSchema = z
  .object({
    textEn: text(1000).optional(),
    textHi: text(1000).optional(),
    targetLevel: z.enum(DIRECTIVE_TARGET_LEVELS),
    /** Omitted = every unit of the level. */
    targetUnitIds: z.array(id).min(1).max(500).optional(),
    deadline: z.union([
      z.object({ type: z.literal('date'), date: isoDate }).strict(),
      z.object({ type: z.literal('days'), days: z.number().int().min(1).max(365) }).strict(),
    ]),
    doneRule: z.enum(DONE_RULES),
  })
  .strict()
  .refine((d) => Boolean(d.textEn || d.textHi), { message: 'Enter the directive in Hindi or English', path: ['textEn'] });

const newPersonSchema = z
  .object({
    nameEn: text(120).optional(),
    nameHi: text(120).optional(),
    phone: text(20).optional(),
    voterId: text(20).optional(),
  })
  .strict()
  .refine((p) => Boolean(p.nameEn || p.nameHi), { message: 'Enter a name in Hindi or English', path: ['nameEn'] });

const minuteOfDay = z.number().int().min(0).max(24 * 60);
const windowSchema = z
  .object({ from: isoDate, to: isoDate, dayStartMin: minuteOfDay, dayEndMin: minuteOfDay })
  .strict()
  .refine((w) => w.from <= w.to, { message: 'The window ends before it starts', path: ['to'] })
  .refine((w) => w.dayStartMin < w.dayEndMin, { message: 'The day ends before it starts', path: ['dayEndMin'] });

export const leaderInputSchema = z
  .object({
    id: id.optional(),
    nameEn: text(120).min(1, 'Enter the leader’s name'),
    nameHi: text(120).optional(),
    tier: z.enum(LEADER_TIERS),
    baseName: text(120).min(1, 'Enter the base (airport or city)'),
    baseLat: z.number().min(-90).max(90),
    baseLon: z.number().min(-180).max(180),
    availability: z.array(windowSchema).max(50),
    helicopter: z
      .object({ cruiseKmh: z.number().min(50).max(400), turnaroundMin: z.number().int().min(0).max(240), daylightOnly: z.boolean() })
      .strict()
      .nullable(),
    road: z.object({ plainsKmh: z.number().min(5).max(120), hillsKmh: z.number().min(5).max(120) }).strict(),
    maxEventsPerDay: z.number().int().min(1).max(12),
    minGapMin: z.number().int().min(0).max(600),
  })
  .strict();

export const venueInputSchema = z
  .object({
    id: id.optional(),
    nameEn: text(160).min(1, 'Enter the venue’s name'),
    nameHi: text(160).optional(),
    lat: z.number().min(21).max(26),
    lon: z.number().min(83).max(88.5),
    acNo: z.number().int().min(1).max(81),
    capacity: z.number().int().min(0).max(2_000_000),
    helipad: z.boolean(),
    terrain: z.enum(TERRAINS),
    permission: z.enum(['not_applied', 'applied', 'granted', 'refused']),
    permissionAppliedOn: isoDate.nullable(),
    permissionGrantedOn: isoDate.nullable(),
    authorityLeadDays: z.number().int().min(0).max(120).nullable(),
  })
  .strict();

export const requestInputSchema = z
  .object({
    id: id.optional(),
    pcNo: z.number().int().min(1).max(99),
    leaderIds: z.array(id).min(1, 'Choose at least one leader').max(20),
    priority: z.number().int().min(1).max(5),
    preferredFrom: isoDate,
    preferredTo: isoDate,
    venueId: id.nullable(),
    areaAcNo: z.number().int().min(1).max(81).nullable(),
    durationMin: z.number().int().min(15).max(600),
    requestedBy: text(120).min(1, 'Enter who asked'),
    note: text(500).nullable(),
    status: z.enum(['open', 'withdrawn']).default('open'),
  })
  .strict()
  .refine((r) => r.preferredFrom <= r.preferredTo, { message: 'The preferred dates end before they start', path: ['preferredTo'] });

/**
 * The one contract between the renderer and the main-process services. The preload, the IPC handlers,
 * the Node web host and the renderer's client are all typed from this object; main validates every
 * payload against `input` before a service sees it.
 */
export const contract = {
  'app.info': call(empty, returns<AppInfo>()),
  'meta.lists': call(empty, returns<MetaLists>()),
  'geo.layers': call(empty, returns<GeoLayers>()),

  'session.get': call(empty, returns<SessionState>()),
  'users.create': call(
    z.object({ name: text(80).min(1, 'Enter a name'), role: z.enum(USER_ROLES) }).strict(),
    returns<User>(),
  ),
  'session.switch': call(z.object({ userId: id }).strict(), returns<User>()),

  /** First start: load the reference geography only, or generate the seeded demo dataset on top of it. Long: returns a job. */
  'setup.start': call(
    z.object({ mode: z.enum(['empty', 'demo']), seed: z.number().int().min(0).optional() }).strict(),
    returns<{ jobId: string }>(),
  ),
  'jobs.get': call(z.object({ jobId: id }).strict(), returns<JobStatus>()),
  'jobs.cancel': call(z.object({ jobId: id }).strict(), returns<JobStatus>()),

  'units.search': call(
    z
      .object({
        q: text(80),
        level: z.enum(UNIT_LEVELS).optional(),
        pcNo: z.number().int().optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    returns<UnitSummary[]>(),
  ),
  'units.get': call(
    z
      .object({
        id,
        measureLevel: z.enum(MEASURE_LEVELS).optional(),
        kindId: id.optional(),
      })
      .strict(),
    returns<UnitDetail>(),
  ),
  'units.setHindiName': call(z.object({ id, nameHi: text(120) }).strict(), returns<UnitSummary>()),

  'committees.create': call(z.object({ unitId: id, kindId: id }).strict(), returns<CommitteeView>()),
  'committees.setStatus': call(
    z.object({ committeeId: id, status: z.enum(COMMITTEE_STATUSES) }).strict(),
    returns<CommitteeView>(),
  ),
  'committees.addKind': call(
    z
      .object({
        category: z.enum(COMMITTEE_CATEGORIES),
        nameEn: text(80).min(1, 'Enter the English name'),
        nameHi: text(80).min(1, 'Enter the Hindi name'),
      })
      .strict(),
    returns<CommitteeKind>(),
  ),
  'appointments.add': call(
    z
      .object({
        committeeId: id,
        role: z.enum(ROLES),
        person: z.union([z.object({ existingPersonId: id }).strict(), newPersonSchema]),
      })
      .strict(),
    returns<CommitteeView>(),
  ),
  'appointments.remove': call(z.object({ appointmentId: id }).strict(), returns<CommitteeView>()),
  'people.findByPhone': call(z.object({ phone: text(20) }).strict(), returns<PersonMatch | null>()),

  'history.last': call(empty, returns<ChangeSummary | null>()),
  'history.undoLast': call(empty, returns<ChangeSummary | null>()),

  'rules.list': call(empty, returns<CompletenessRule[]>()),
  'rules.update': call(
    z
      .object({
        level: z.enum(ORG_LEVELS),
        category: z.enum(COMMITTEE_CATEGORIES),
        requiredRoles: z.array(z.enum(ROLES)).max(ROLES.length),
        minMembers: z.number().int().min(0).max(200),
      })
      .strict(),
    returns<CompletenessRule>(),
  ),

  'dashboard.get': call(
    z
      .object({
        scope: dashboardScopeSchema,
        measureLevel: z.enum(MEASURE_LEVELS),
        kindId: id,
        tableLevel: z.enum(['district', 'ac', 'block', 'mandal']).default('ac'),
      })
      .strict(),
    returns<DashboardData>(),
  ),

  'import.preview': call(
    z.object({ kind: importKindSchema, fileName: text(260), text: z.string().max(50_000_000) }).strict(),
    returns<ImportPreview>(),
  ),
  'import.commit': call(
    z.object({ kind: importKindSchema, fileName: text(260), text: z.string().max(50_000_000) }).strict(),
    returns<ImportCommitResult>(),
  ),
  /** The scheduler workspace: every record, the conflicts and the coverage, in one answer. */
  'visits.plan': call(empty, returns<PlanningData>()),
  'visits.saveLeader': call(leaderInputSchema, returns<LeaderView>()),
  'visits.saveVenue': call(venueInputSchema, returns<VenueView>()),
  'visits.saveRequest': call(requestInputSchema, returns<RequestView>()),
  'visits.create': call(
    z
      .object({
        leaderId: id,
        venueId: id,
        requestId: id.nullable().default(null),
        date: isoDate,
        startMin: minuteOfDay,
        durationMin: z.number().int().min(15).max(600),
      })
      .strict(),
    returns<Visit>(),
  ),
  'visits.update': call(
    z
      .object({
        id,
        leaderId: id.optional(),
        venueId: id.optional(),
        date: isoDate.optional(),
        startMin: minuteOfDay.optional(),
        durationMin: z.number().int().min(15).max(600).optional(),
        status: z.enum(VISIT_STATUSES).optional(),
        legOverrideMin: z.number().int().min(0).max(1440).nullable().optional(),
        legModeOverride: z.enum(TRAVEL_MODES).nullable().optional(),
      })
      .strict(),
    returns<Visit>(),
  ),
  'visits.suggest': call(empty, returns<SuggestionsView>()),
  /** Accept one stored suggestion, optionally edited (date, start, venue): it becomes a proposed visit. */
  'visits.acceptSuggestion': call(
    z.object({ id, date: isoDate.optional(), startMin: minuteOfDay.optional(), venueId: id.optional() }).strict(),
    returns<Visit>(),
  ),
  /** Reject a stored suggestion, or restore a rejected one. */
  'visits.decideSuggestion': call(z.object({ id, status: z.enum(['open', 'rejected']) }).strict(), returns<SuggestionView>()),
  /** Remove a leader or a venue that no visit still depends on (undoable from the change banner). */
  'visits.deleteLeader': call(z.object({ id }).strict(), returns<{ removed: boolean }>()),
  'visits.deleteVenue': call(z.object({ id }).strict(), returns<{ removed: boolean }>()),
  'visits.setPollDate': call(
    z.object({ pcNo: z.number().int().min(1).max(99), phase: z.number().int().min(1).max(9), pollDate: isoDate }).strict(),
    returns<PollDateView>(),
  ),
  'visits.setSettings': call(
    z
      .object({
        permissionLeadDays: z.number().int().min(0).max(120),
        roadFactor: z.number().min(1).max(3),
        bigRallyCapacity: z.number().int().min(100).max(2_000_000),
      })
      .strict(),
    returns<PlanningSettings>(),
  ),

  'export.csv': call(
    z
      .object({
        kind: z.enum(['units', 'committees']),
        pcNo: z.number().int().optional(),
      })
      .strict(),
    returns<ExportResult>(),
  ),

  // --- membership drive ---------------------------------------------------------------------------
  /** Read a CSV (text) or XLSX (base64) export's header and first rows, with the remembered or guessed column mapping. */
  'members.importPreview': call(
    z.object({ format: memberFileFormat, data: z.string().max(200_000_000), source: text(80).min(1) }).strict(),
    returns<MemberImportPreview>(),
  ),
  /** Start importing a membership export; returns a job (poll `jobs.get`, stop with `jobs.cancel`). */
  'members.importStart': call(
    z
      .object({
        fileName: text(260),
        format: memberFileFormat,
        data: z.string().max(200_000_000),
        source: text(80).min(1),
        mapping: z.array(z.enum(MEMBER_FIELDS).nullable()).max(200),
        scopePcNo: z.number().int().min(1).max(99).optional(),
      })
      .strict(),
    returns<{ jobId: string }>(),
  ),
  /** Every rejected row of an ended import, as a CSV file to download. */
  'members.importErrors': call(z.object({ jobId: id }).strict(), returns<ExportResult>()),
  /** One paper form (mode offline), checked like an imported row. */
  'members.add': call(
    z
      .object({
        booth_code: text(40),
        phone: text(20),
        name: text(120).optional(),
        epic: text(20).optional(),
        gender: text(20).optional(),
        enroller: text(40).optional(),
        enrolled_at: text(40).optional(),
        membership_id: text(40).optional(),
      })
      .strict(),
    returns<{ id: string; verified: boolean; duplicate: boolean }>(),
  ),
  'enrollers.list': call(
    z.object({ districtCode: text(10).optional(), pcNo: z.number().int().optional(), untrainedOnly: z.boolean().optional() }).strict(),
    returns<EnrollerView[]>(),
  ),
  'enrollers.add': call(
    z
      .object({
        name: text(120).min(1, 'Enter a name'),
        phone: text(20).optional(),
        level: z.enum(['chief', 'booth']),
        unitCode: text(40).min(1, 'Choose the unit'),
        loginId: text(40).optional(),
        appointedBy: text(120).optional(),
      })
      .strict(),
    returns<EnrollerView>(),
  ),
  'enrollers.exportChiefs': call(
    z.object({ format: memberFileFormat, districtCode: text(10).optional() }).strict(),
    returns<{ fileName: string; mime: string; text?: string; base64?: string; rows: number }>(),
  ),
  'workshops.list': call(z.object({ districtCode: text(10).optional() }).strict(), returns<WorkshopView[]>()),
  'workshops.add': call(
    z
      .object({
        level: z.enum(['district', 'block', 'booth']),
        unitCode: text(40).min(1, 'Choose the unit'),
        heldOn: text(20).min(1, 'Enter the date'),
        venue: text(200).optional(),
        trainer: text(120).optional(),
      })
      .strict(),
    returns<WorkshopDetail>(),
  ),
  'workshops.get': call(z.object({ id }).strict(), returns<WorkshopDetail>()),
  'workshops.setAttendance': call(z.object({ workshopId: id, enrollerId: id, attended: z.boolean() }).strict(), returns<WorkshopDetail>()),
  'workshops.schedule': call(empty, returns<ScheduleRow[]>()),
  'findings.list': call(
    z
      .object({
        status: z.enum(FINDING_STATUSES).optional(),
        rule: z.enum(FINDING_RULES).optional(),
        pcNo: z.number().int().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    returns<{ rows: FindingView[]; total: number }>(),
  ),
  'findings.members': call(z.object({ id }).strict(), returns<FindingMemberView[]>()),
  'findings.review': call(
    z.object({ id, decision: z.enum(FINDING_STATUSES), reason: text(300).optional() }).strict(),
    returns<FindingView>(),
  ),
  'membership.dashboard': call(z.object({ scope: dashboardScopeSchema }).strict(), returns<MembershipDashboard>()),
  'membership.setTarget': call(
    z.object({ unitCode: text(40), target: z.number().int().min(0).max(100_000_000) }).strict(),
    returns<{ unitId: string; target: number }>(),
  ),
  /** The integrity thresholds in force, their defaults, and whether this user may change them. */
  'membership.thresholds': call(empty, returns<ThresholdsView>()),
  /** A state admin sets the thresholds; every finding is recomputed as a job (poll `jobs.get`). */
  'membership.setThresholds': call(
    z
      .object({
        maxPerHour: z.number().int().min(1, 'At least 1 member an hour').max(10_000),
        maxPerDay: z.number().int().min(1, 'At least 1 member a day').max(100_000),
        nightFromHour: z.number().int().min(0).max(23),
        nightToHour: z.number().int().min(0).max(23),
        maxAtNight: z.number().int().min(0).max(10_000),
        phoneRunLength: z.number().int().min(3, 'A run is at least 3 numbers').max(1_000),
        manyOnOnePhone: z.number().int().min(3, 'At least 3 members on one phone').max(1_000),
        maxShareOfElectorate: z.number().gt(0, 'Give a share above 0 %').max(1),
      })
      .strict(),
    returns<{ jobId: string }>(),
  ),
  'offices.list': call(rosterScopeSchema, returns<PartyOfficeList>()),
  'offices.set': call(
    z
      .object({
        blockId: id,
        exists: z.boolean(),
        address: text(300).optional(),
        lat: z.number().min(21).max(26).optional(),
        lon: z.number().min(83).max(88.5).optional(),
        tenure: z.enum(['owned', 'rented']).optional(),
        openedOn: isoDate.optional(),
      })
      .strict(),
    returns<PartyOfficeRow>(),
  ),
  'speakers.list': call(
    z
      .object({
        q: text(80).default(''),
        language: text(40).optional(),
        level: z.enum(['state', 'pc', 'district']).optional(),
      })
      .strict(),
    returns<SpeakerView[]>(),
  ),
  'speakers.save': call(
    z
      .object({
        id: id.optional(),
        nameEn: text(120).optional(),
        nameHi: text(120).optional(),
        phone: text(20).optional(),
        languages: z.array(text(40).min(1)).max(20),
        topics: z.array(text(80).min(1)).max(30),
        level: z.enum(['state', 'pc', 'district']),
        availability: text(200).optional(),
        rating: z.number().int().min(1).max(5).optional(),
      })
      .strict()
      .refine((p) => Boolean(p.nameEn || p.nameHi), { message: 'Enter a name in Hindi or English', path: ['nameEn'] }),
    returns<SpeakerView>(),
  ),
  'speakers.remove': call(z.object({ id }).strict(), returns<{ removed: boolean }>()),
  'rosters.importPreview': call(
    z.object({ roster: rosterKindSchema, fileName: text(260), text: z.string().max(20_000_000) }).strict(),
    returns<ImportPreview>(),
  ),
  'rosters.importCommit': call(
    z.object({ roster: rosterKindSchema, fileName: text(260), text: z.string().max(20_000_000) }).strict(),
    returns<ImportCommitResult>(),
  ),
  'teams.list': call(z.object({ team: z.enum(['media', 'social_media']).optional(), q: text(80).default('') }).strict(), returns<TeamMemberView[]>()),
  'teams.add': call(
    z
      .object({
        team: z.enum(['media', 'social_media']),
        unitId: id,
        nameEn: text(120).optional(),
        nameHi: text(120).optional(),
        role: text(80).optional(),
        phone: text(20).optional(),
        handles: z.record(text(30).min(1), text(120).min(1)).default({}),
      })
      .strict()
      .refine((p) => Boolean(p.nameEn || p.nameHi), { message: 'Enter a name in Hindi or English', path: ['nameEn'] }),
    returns<TeamMemberView>(),
  ),
  'teams.coverage': call(empty, returns<TeamCoverageView[]>()),
  'whatsapp.list': call(z.object({ q: text(80).default(''), level: z.enum(UNIT_LEVELS).optional() }).strict(), returns<WhatsappGroupView[]>()),
  'whatsapp.add': call(
    z
      .object({
        name: text(120).min(1, 'Enter the group name'),
        unitId: id,
        purpose: text(300).optional(),
        admins: z.array(text(120).min(1)).max(20).default([]),
        memberCount: z.number().int().min(0).max(5000).optional(),
        inviteLink: z.string().trim().max(200).regex(/^https:\/\/chat\.whatsapp\.com\//, 'An invite link starts with https://chat.whatsapp.com/').optional(),
        lastUpdate: isoDate.optional(),
      })
      .strict(),
    returns<WhatsappGroupView>(),
  ),
  'controlRooms.list': call(empty, returns<ControlRoomRow[]>()),
  'controlRooms.set': call(
    z
      .object({
        pcUnitId: id,
        setUp: z.boolean(),
        address: text(300).optional(),
        openedOn: isoDate.optional(),
        staff: z.array(z.object({ name: text(120).min(1), role: text(80), shift: text(40) }).strict()).max(50).default([]),
        /** Omitted = keep the stored lines (the form only ever shows them masked); [] removes them. */
        phoneLines: z.array(text(20).min(1)).max(10).optional(),
      })
      .strict(),
    returns<ControlRoomRow>(),
  ),
  'rosters.export': call(z.object({ roster: rosterKindSchema }).strict(), returns<ExportResult>()),

  'meetings.list': call(empty, returns<MeetingView[]>()),
  'meetings.create': call(
    z
      .object({
        heldOn: isoDate,
        level: z.enum(MEETING_LEVELS),
        unitId: id,
        chair: text(120).optional(),
        mode: z.enum(MEETING_MODES),
        attendees: z.array(z.object({ name: text(120).min(1), role: text(80) }).strict()).max(500).default([]),
        agenda: text(5000).optional(),
        minutes: text(20000).optional(),
        directives: z.array(directiveInputSchema).max(50).default([]),
      })
      .strict(),
    returns<MeetingView>(),
  ),
  'directives.get': call(z.object({ id, scope: complianceScopeSchema.optional() }).strict(), returns<DirectiveDetail>()),
  'directives.mark': call(
    z.object({ directiveId: id, unitId: id, note: text(1000).min(1, 'Enter the evidence: what was done, where it is recorded') }).strict(),
    returns<DirectiveDetail>(),
  ),
  'compliance.get': call(z.object({ scope: complianceScopeSchema }).strict(), returns<ComplianceData>()),
  'compliance.reminders': call(z.object({ scope: complianceScopeSchema }).strict(), returns<ComplianceReminders>()),

  'sync.status': call(empty, returns<SyncStatusView>()),
  'sync.setSettings': call(
    z.object({ serverUrl: serverUrl.optional(), intervalMinutes: z.number().int().min(1, 'At least every minute').max(1440, 'At most once a day (1440 minutes)').optional() }).strict(),
    returns<SyncStatusView>(),
  ),
  'sync.enrol': call(
    z
      .object({
        serverUrl,
        code: z
          .string()
          .max(40)
          .transform((c) => c.toUpperCase().replace(/[\s-]/g, ''))
          .refine((c) => /^[A-Z0-9]{10}$/.test(c), { message: 'Enter the 10-character code from the state office, like ABCDE-23456' })
          .transform((c) => `${c.slice(0, 5)}-${c.slice(5)}`),
      })
      .strict(),
    returns<SyncStatusView>(),
  ),
  'sync.now': call(empty, returns<SyncStatusView>()),
  'sync.conflicts': call(empty, returns<ConflictView[]>()),
  'sync.restoreConflict': call(z.object({ id: z.number().int().min(1) }).strict(), returns<{ restored: true }>()),
  'sync.dismissConflict': call(z.object({ id: z.number().int().min(1) }).strict(), returns<{ dismissed: true }>()),
  'sync.stateFigures': call(empty, returns<StateFiguresView>()),
  'syncAdmin.overview': call(empty, returns<SyncAdminOverview>()),
  'syncAdmin.register': call(
    z
      .object({
        name: text(120).min(1, 'Enter a name for the control room'),
        scope: z.enum(['pc', 'state']),
        pcNo: z.number().int().min(1).max(99).nullable().default(null),
      })
      .strict()
      .refine((d) => d.scope === 'state' || d.pcNo !== null, { message: 'Choose the Lok Sabha constituency', path: ['pcNo'] }),
    returns<RegisterDeviceResponse>(),
  ),
  'syncAdmin.revoke': call(z.object({ id }).strict(), returns<{ revoked: true }>()),
  /** Saved progress reports, newest month first; of one Lok Sabha or district when given. */
  'progressReports.list': call(z.object({ unitId: id.optional() }).strict(), returns<ProgressReportView[]>()),
  /** Save (create or edit) the narrative of a unit's report for a month; the figures are taken from the data at the save. */
  'progressReports.save': call(
    z
      .object({
        unitId: id,
        period: z.string().regex(/^\d{4}-\d{2}$/, 'Choose the month the report covers'),
        narrative: z.string().max(20_000, 'The report is longer than 20,000 characters'),
      })
      .strict(),
    returns<ProgressReportView>(),
  ),
  /** Attach a photo or PDF (≤ 5 MB, checked by content) to a unit's row of a manual-mark directive. */
  'evidence.attach': call(
    z.object({ directiveId: id, unitId: id, fileName: text(260).min(1), dataBase64: z.string().max(8_000_000, 'The file is larger than 5 MB') }).strict(),
    returns<EvidenceFileView>(),
  ),
  'evidence.list': call(z.object({ directiveId: id }).strict(), returns<EvidenceFileView[]>()),
  /** One attached file with its content (base64), to open or download. */
  'evidence.get': call(z.object({ id }).strict(), returns<EvidenceFileView & { dataBase64: string }>()),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
/** What a caller passes (defaults may be omitted). */
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
/** What a handler receives, after validation filled the defaults. */
export type CallArgs<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = Contract[K]['output'];

export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'forbidden',
  'conflict',
  'no_user',
  'import_rejected',
  'newer_database',
  'cancelled',
  'unreachable',
  'update_required',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface CallError {
  code: ErrorCode;
  /** A sentence a person can act on, in English; the renderer translates by `code` where it can. */
  message: string;
  /** Which input field was wrong, as a dotted path. */
  field?: string;
}

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError };

/** The renderer's view of the backend: the same shape for `window.api` (Electron) and the HTTP client (web mode). */
export type Api = { [K in CallName]: (input: CallInput<K>) => Promise<CallResult<CallOutput<K>>> };

/** What main implements: one function per call, receiving validated input. */
export type Handlers = { [K in CallName]: (input: CallArgs<K>) => CallOutput<K> | Promise<CallOutput<K>> };

export const CALL_NAMES = Object.keys(contract) as CallName[];

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
