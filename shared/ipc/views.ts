// Output shapes of the contract's calls: what the renderer receives, already shaped for drawing.
import type {
  Appointment,
  Committee,
  CommitteeKind,
  CommitteeStatus,
  CompletenessResult,
  Figure,
  MeasureLevel,
  OrgUnit,
  Role,
  UnitLevel,
  User,
} from '../domain/types';

import type { Conflict } from '../domain/visits/conflicts';
import type { CoverageRow } from '../domain/visits/coverage';
import type { Suggestion, Unmet } from '../domain/visits/suggest';
import type { Leader, PlanningSettings, PollDate, Venue, Visit, VisitRequest } from '../domain/visits/types';

export type { CommitteeKind, CompletenessRule, User } from '../domain/types';
export type { Conflict, CoverageRow, Suggestion, Unmet, Visit };

export interface AppInfo {
  version: string;
  /** Highest migration applied to the local database. */
  schemaVersion: number;
  /** Set when the database holds generated demo data; the UI shows a demo badge everywhere. */
  demo: { seed: number; generatedAt: string } | null;
  /** True once reference geography is loaded (first-start setup done). */
  setupDone: boolean;
  /** The attribution line for the bundled reference geography (from resources/jharkhand/SOURCES.md). */
  attribution: string;
  dataSources: { name: string; licence: string }[];
  databasePath: string;
  mode: 'electron' | 'web';
}

export interface SessionState {
  user: User | null;
  users: User[];
}

/** Stages of the first-start setup job, in order; the renderer translates `setup.stages.<stage>`. */
export const SETUP_STAGES = ['reference', 'units', 'booths', 'committees', 'people', 'done', 'cancelled', 'failed'] as const;
export type SetupStage = (typeof SETUP_STAGES)[number];

/** Stages of a member import job; the renderer translates `membership.import.stages.<stage>`. */
export const MEMBER_IMPORT_STAGES = ['reading', 'checking', 'writing', 'findings', 'done', 'cancelled', 'failed'] as const;
export type MemberImportStage = (typeof MEMBER_IMPORT_STAGES)[number];

export interface JobStatus {
  id: string;
  kind: 'setup' | 'member_import' | 'findings_recompute';
  /** 0..1 */
  progress: number;
  stage: SetupStage | MemberImportStage;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  error: string | null;
  /** A member import that has ended: what it did (rows rejected are listed in full by `members.importErrors`). */
  result?: MemberImportResult;
  /** A recompute of every finding that has ended: the findings that now block verification. */
  recomputed?: { findingsOpen: number };
}

export interface NamedRef {
  no: number;
  code: string;
  nameEn: string;
  nameHi: string | null;
}

export interface MetaLists {
  kinds: CommitteeKind[];
  pcs: (NamedRef & { acNos: number[] })[];
  acs: (NamedRef & { pcNo: number; districtCode: string })[];
  districts: (NamedRef & { census2011Code: number })[];
}

export interface GeoLayers {
  /** GeoJSON FeatureCollections as shipped in resources/jharkhand; feature ids: census2011 code, pc_no, ac_no. */
  districts: GeoJsonCollection;
  pcs: GeoJsonCollection;
  acs: GeoJsonCollection;
  blockHq: GeoJsonCollection;
}

export interface GeoJsonCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id?: string | number;
    properties: Record<string, unknown>;
    geometry: { type: string; coordinates: unknown };
  }[];
}

export interface UnitSummary {
  id: string;
  level: UnitLevel;
  code: string;
  nameEn: string;
  nameHi: string | null;
  acNo: number | null;
  pcNo: number | null;
  districtCode: string | null;
  closed: boolean;
  /** Short path for search results, e.g. "Ranchi › Kanke". */
  path: string;
}

export interface CommitteeView extends Committee {
  kind: CommitteeKind;
  unitCode: string;
  appointments: Appointment[];
  completeness: CompletenessResult;
  allowedNext: CommitteeStatus[];
}

export interface UnitDetail {
  unit: OrgUnit;
  ancestors: UnitSummary[];
  /** Direct children (org hierarchy; for a PC its ACs, for an AC its booths' panchayats and blocks), each with its figure. */
  children: (UnitSummary & { figure: Figure })[];
  /** The unit's own figure at the requested measure level and kind. */
  figure: Figure | null;
  committees: CommitteeView[];
}

export interface PersonMatch {
  id: string;
  nameEn: string | null;
  nameHi: string | null;
  phoneMasked: string | null;
  posts: { committeeId: string; unitNameEn: string; unitNameHi: string | null; kindNameEn: string; kindNameHi: string; role: Role }[];
}

export interface ChangeSummary {
  id: string;
  at: string;
  userName: string;
  /** e.g. "committee.status", "appointment.add" — translated in the renderer. */
  action: string;
  /** Human-readable subject, e.g. "Kanke block — Main committee". */
  subjectEn: string;
  subjectHi: string;
}

export interface AreaFigure extends Figure {
  /** census2011 code for districts, pc_no / ac_no for constituencies: the GeoJSON feature id. */
  featureId: number;
  unitId: string;
  nameEn: string;
  nameHi: string | null;
}

export interface StatusCounts {
  level: MeasureLevel;
  units: number;
  notFormed: number;
  declared: number;
  verified: number;
  dissolved: number;
  complete: number;
}

export interface TableRow extends Figure {
  unitId: string;
  level: UnitLevel;
  code: string;
  nameEn: string;
  nameHi: string | null;
  acNo: number | null;
  pcNo: number | null;
  districtCode: string | null;
}

export interface DashboardData {
  scope: { type: 'state' } | { type: 'pc'; pcNo: number; nameEn: string; nameHi: string | null };
  measureLevel: MeasureLevel;
  kindId: string;
  total: Figure;
  byDistrict: AreaFigure[];
  byPc: AreaFigure[];
  byAc: AreaFigure[];
  statusByLevel: StatusCounts[];
  /** Cumulative declared / verified committees of the kind at the measure level, per day, from the change history. */
  history: { date: string; declared: number; verified: number }[];
  table: TableRow[];
  generatedAt: string;
}

/** Why an import row was refused: a stable key the renderer translates (`importErrors.<reason>`). */
export const IMPORT_ERROR_REASONS = [
  'code_deleted',
  'conflicting_committee',
  'date_order',
  'duplicate_code',
  'duplicate_column',
  'duplicate_row',
  'empty_file',
  'invalid_ac',
  'invalid_closed',
  'invalid_code',
  'invalid_date',
  'invalid_gender',
  'invalid_mode',
  'invalid_level',
  'invalid_parent_level',
  'invalid_phone',
  'invalid_role',
  'invalid_status',
  'invalid_voter_id',
  'level_mismatch',
  'malformed',
  'missing_column',
  'phone_conflict',
  'phone_truncated',
  'required',
  'scope_change',
  'too_long',
  'unexpected_date',
  'unknown_kind',
  'unknown_parent',
  'unknown_enroller',
  'unknown_unit',
  'invalid_speaker_level',
  'invalid_rating',
  'invalid_team',
  'invalid_handles',
  'invalid_yes_no',
  'invalid_number',
  'invalid_location',
  'invalid_tenure',
  'invalid_link',
  'invalid_staff',
  'unknown_pc',
] as const;
export type ImportErrorReason = (typeof IMPORT_ERROR_REASONS)[number];

export interface ImportRowError {
  /** 1-based line number in the file, header = line 1. */
  row: number;
  field: string;
  reason: ImportErrorReason;
  message: string;
}

/** The rosters with CSV export and import. */
export const ROSTER_KINDS = ['speakers', 'offices', 'teams', 'whatsapp', 'controlRooms'] as const;
export type RosterKind = (typeof ROSTER_KINDS)[number];

export interface ImportPreview {
  kind: 'units' | 'committees' | RosterKind;
  rows: number;
  toInsert: number;
  toUpdate: number;
  unchanged: number;
  errors: ImportRowError[];
  /** First rows as parsed, for the preview table. */
  sample: Record<string, string>[];
  columns: string[];
}

export interface ImportCommitResult {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ExportResult {
  fileName: string;
  text: string;
  rows: number;
}

// ---------------------------------------------------------------------------------------------------
// Membership drive
// ---------------------------------------------------------------------------------------------------

export type { FindingRule, FindingStatus } from '../domain/membershipIntegrity';
export type { MemberField } from '../domain/membershipFormats';
import type { FindingRule, FindingStatus, IntegrityThresholds } from '../domain/membershipIntegrity';
import type { MemberField } from '../domain/membershipFormats';

export interface MemberImportPreview {
  /** Headers as in the file, with the field each maps to (remembered for this source, else by alias). */
  headers: string[];
  mapping: (MemberField | null)[];
  /** True when the mapping came from an earlier import of the same source. */
  remembered: boolean;
  rows: number;
  sample: string[][];
  /** The Lok Sabha offered for the file's records: this computer's own, when it is a Lok Sabha control room. */
  scopePcNo: number | null;
}

export interface MemberImportResult {
  importId: string | null;
  rows: number;
  inserted: number;
  /** Already present (same membership id, or same phone + booth) — re-imports add nothing. */
  skipped: number;
  rejected: number;
  /** The first rejected rows (all of them: `members.importErrors`). */
  errors: ImportRowError[];
  findingsOpen: number;
}

export interface EnrollerView {
  id: string;
  name: string;
  phoneMasked: string | null;
  /** Full number only for roles that may see it. */
  phone: string | null;
  level: 'chief' | 'booth';
  unitId: string;
  unitCode: string;
  unitNameEn: string;
  unitNameHi: string | null;
  loginId: string | null;
  appointedBy: string | null;
  districtCode: string | null;
  trained: boolean;
}

export interface WorkshopView {
  id: string;
  level: 'district' | 'block' | 'booth';
  unitId: string;
  unitNameEn: string;
  unitNameHi: string | null;
  heldOn: string;
  venue: string | null;
  trainer: string | null;
  districtCode: string | null;
  invited: number;
  attended: number;
}

export interface WorkshopDetail extends WorkshopView {
  enrollers: { enrollerId: string; name: string; loginId: string | null; invited: boolean; attended: boolean; trained: boolean }[];
}

export interface ScheduleRow {
  districtCode: string;
  nameEn: string;
  nameHi: string | null;
  planned: number;
  held: number;
  enrollers: number;
  trained: number;
}

export interface FindingView {
  id: string;
  rule: FindingRule;
  status: FindingStatus;
  /** Explanation params; phone / epic masked unless the role may see them. */
  params: Record<string, string | number>;
  memberCount: number;
  reason: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

export interface FindingMemberView {
  id: string;
  membershipId: string | null;
  name: string | null;
  phone: string | null;
  epic: string | null;
  boothCode: string;
  enrolledAt: string | null;
  enrollerLogin: string | null;
}

export interface MembershipFigure {
  claimed: number;
  verified: number;
  target: number;
  digital: number;
  women: number;
}

export interface MembershipArea extends MembershipFigure {
  /** census2011 code for districts, pc_no / ac_no for constituencies (GeoJSON feature id). */
  featureId: number;
  code: string;
  nameEn: string;
  nameHi: string | null;
}

export interface MembershipDashboard {
  scope: { type: 'state' } | { type: 'pc'; pcNo: number };
  total: MembershipFigure;
  byDistrict: MembershipArea[];
  byPc: MembershipArea[];
  byAc: MembershipArea[];
  /** ACs by % of target (verified), lowest first. */
  lagging: MembershipArea[];
  daily: { date: string; claimed: number; verified: number; cumulativeClaimed: number; cumulativeVerified: number; cumulativeTarget: number }[];
  /** Enrollers with the fewest verified members first (lagging), with their claimed count. */
  byEnroller: { enrollerId: string; loginId: string | null; name: string; trained: boolean; claimed: number; verified: number }[];
  /** Booths by % of target (verified), lowest first; the target is the state's share of the booth's electors. */
  byBooth: { boothId: string; code: string; nameEn: string; nameHi: string | null; claimed: number; verified: number; target: number }[];
  /** The share of electors a derived target asks for. */
  targetShare: number;
  /** Targets the state has set, by unit (the others are derived from electors). */
  targetsSet: { unitCode: string; target: number }[];
  findingsOpen: number;
  untrainedEnrollers: number;
  generatedAt: string;
}

// ── Leader visits (issue 6) ──────────────────────────────────────────────────────────────────────

export interface LeaderView extends Leader {
  demo: boolean;
}

export interface VenueView extends Venue {
  districtCode: string | null;
  demo: boolean;
}

export interface RequestView extends VisitRequest {
  status: 'open' | 'withdrawn';
  /** The live visit that answers it, if any. */
  visitId: string | null;
}

export interface PollDateView extends PollDate {
  id: string;
}

/** Everything the scheduler workspace draws; leg and sun shaping for a leader-day is done from it by pure functions. */
export interface PlanningData {
  today: string;
  canEdit: boolean;
  canRequest: boolean;
  settings: PlanningSettings;
  leaders: LeaderView[];
  venues: VenueView[];
  requests: RequestView[];
  visits: Visit[];
  pollDates: PollDateView[];
  conflicts: Conflict[];
  coverage: CoverageRow[];
  /** The stored suggested tour, null until one is asked for on this device. */
  suggested: SuggestionsView | null;
}

/** A stored suggestion: kept until accepted (it becomes a proposed visit) or a new run replaces it; a rejected one can be restored. */
export interface SuggestionView extends Suggestion {
  id: string;
  status: 'open' | 'rejected';
}

/** The latest suggested tour on this device, less what has been accepted or answered since. */
export interface SuggestionsView {
  suggestions: SuggestionView[];
  unmet: (Unmet & { id: string })[];
  ms: number;
  madeAt: string;
}

// --- rosters, meetings, directives and compliance (issue 5) -------------------------------------------

export interface PartyOffice {
  exists: boolean;
  address: string | null;
  lat: number | null;
  lon: number | null;
  tenure: 'owned' | 'rented' | null;
  openedOn: string | null;
}

export interface PartyOfficeRow {
  blockId: string;
  code: string;
  nameEn: string;
  nameHi: string | null;
  districtCode: string | null;
  pcNo: number | null;
  /** Block headquarters point from the reference data (null for the few blocks without one). */
  hqLat: number | null;
  hqLon: number | null;
  /** null = nothing recorded yet (counts as no office). */
  office: PartyOffice | null;
}

export interface PartyOfficeList {
  rows: PartyOfficeRow[];
  /** Completeness: blocks with an office / all blocks in scope. */
  withOffice: number;
  total: number;
  pct: number | null;
}

export const SPEAKER_LEVELS = ['state', 'pc', 'district'] as const;
export type SpeakerLevel = (typeof SPEAKER_LEVELS)[number];

export interface SpeakerView {
  id: string;
  nameEn: string | null;
  nameHi: string | null;
  /** Masked: the full number never reaches the renderer. */
  phoneMasked: string | null;
  languages: string[];
  topics: string[];
  level: SpeakerLevel;
  availability: string | null;
  rating: number | null;
}

export interface ComplianceCounts {
  total: number;
  done: number;
  pending: number;
  overdue: number;
  /** Whole percentage done; null when nothing is targeted. */
  pct: number | null;
}

export interface DirectiveView {
  id: string;
  meetingId: string;
  meetingDate: string;
  textEn: string | null;
  textHi: string | null;
  targetLevel: 'district' | 'pc' | 'ac' | 'block';
  /** null = every unit of the level. */
  targetUnitIds: string[] | null;
  deadline: { type: 'date'; date: string } | { type: 'days'; days: number };
  /** The computed last day (IST). */
  deadlineDate: string;
  doneRule: 'manual' | 'party_office' | 'media_committee' | 'meeting_held';
  counts: ComplianceCounts;
}

export interface DirectiveUnitStatus {
  unitId: string;
  code: string;
  nameEn: string;
  nameHi: string | null;
  districtCode: string | null;
  pcNo: number | null;
  status: 'pending' | 'done' | 'overdue';
  daysOverdue: number;
  daysLeft: number;
  /** Manual mark's note (evidence), when marked by hand. */
  evidence: string | null;
}

export interface DirectiveDetail extends DirectiveView {
  today: string;
  units: DirectiveUnitStatus[];
}

export interface MeetingView {
  id: string;
  heldOn: string;
  level: string;
  unitId: string;
  unitNameEn: string;
  unitNameHi: string | null;
  chair: string | null;
  mode: 'in_person' | 'virtual';
  attendees: { name: string; role: string }[];
  agenda: string | null;
  minutes: string | null;
  directives: DirectiveView[];
}

export interface ComplianceItem {
  directiveId: string;
  textEn: string | null;
  textHi: string | null;
  unitId: string;
  code: string;
  nameEn: string;
  nameHi: string | null;
  pcNo: number | null;
  deadlineDate: string;
  daysOverdue: number;
  daysLeft: number;
}

export interface ComplianceData {
  scope: { type: 'state' } | { type: 'pc'; pcNo: number } | { type: 'district'; districtCode: string };
  today: string;
  totals: ComplianceCounts;
  /** Per Lok Sabha and per district, shaped like the completeness figures so the same map draws them (+ overdue for the tooltip). */
  byPc: (AreaFigure & { overdue: number })[];
  byDistrict: (AreaFigure & { overdue: number })[];
  directives: DirectiveView[];
  overdue: ComplianceItem[];
  dueSoon: ComplianceItem[];
  /** Blocks that block-level directives apply to, at their headquarters point, with their worst status. */
  blocks: BlockCompliance[];
}

/** The always-visible reminder: how many directive tasks (one directive at one unit) are due soon and overdue in a scope. */
export interface ComplianceReminders {
  scope: ComplianceData['scope'];
  today: string;
  /** Pending tasks whose deadline is within `withinDays` days — the compliance page's due-soon list. */
  dueSoon: number;
  /** Tasks past their deadline — the compliance page's overdue list. */
  overdue: number;
  withinDays: number;
}

export interface BlockCompliance {
  unitId: string;
  code: string;
  nameEn: string;
  nameHi: string | null;
  districtCode: string | null;
  lat: number;
  lon: number;
  /** overdue if any directive is overdue here, else pending if any is pending, else done. */
  status: 'done' | 'pending' | 'overdue';
  counts: ComplianceCounts;
}

export interface TeamMemberView {
  id: string;
  team: 'media' | 'social_media';
  unitId: string;
  unitNameEn: string;
  unitNameHi: string | null;
  nameEn: string | null;
  nameHi: string | null;
  role: string | null;
  phoneMasked: string | null;
  /** platform → handle, e.g. { "x": "@bjp_ranchi" }. */
  handles: Record<string, string>;
}

/** How many units of a level have a media team, a social-media team and both (the directive "every district and block has both"). */
export interface TeamCoverageView {
  level: 'pc' | 'district' | 'block';
  total: number;
  media: number;
  socialMedia: number;
  both: number;
}

export interface WhatsappGroupView {
  id: string;
  name: string;
  level: string;
  unitId: string;
  unitNameEn: string;
  unitNameHi: string | null;
  purpose: string | null;
  admins: string[];
  memberCount: number | null;
  inviteLink: string | null;
  lastUpdate: string | null;
}

export interface ControlRoomRow {
  pcUnitId: string;
  pcNo: number | null;
  nameEn: string;
  nameHi: string | null;
  setUp: boolean;
  address: string | null;
  openedOn: string | null;
  staff: { name: string; role: string; shift: string }[];
  /** Masked like every phone number. */
  phoneLinesMasked: string[];
}

/** The headline figures of a progress report as they stood when it was saved. */
export interface ProgressReportFigures {
  asOf: string;
  totals: ComplianceCounts;
  officesWith: number;
  officesTotal: number;
}

export interface ProgressReportView {
  id: string;
  unitId: string;
  level: 'pc' | 'district';
  unitNameEn: string;
  unitNameHi: string | null;
  /** YYYY-MM (IST month). */
  period: string;
  narrative: string;
  figures: ProgressReportFigures | null;
  authorName: string;
  /** ISO instant of the last save. */
  savedAt: string;
}

/** A photo or PDF attached as evidence to a unit's row of a manual-mark directive (kept on this computer). */
export interface EvidenceFileView {
  id: string;
  directiveId: string;
  unitId: string;
  fileName: string;
  mime: string;
  size: number;
  authorName: string;
  savedAt: string;
}

/** The integrity thresholds in force and their defaults (editable by a state admin). */
export interface ThresholdsView {
  values: IntegrityThresholds;
  defaults: IntegrityThresholds;
  canEdit: boolean;
}
