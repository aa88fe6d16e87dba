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

export interface JobStatus {
  id: string;
  kind: 'setup';
  /** 0..1 */
  progress: number;
  stage: SetupStage;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  error: string | null;
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
  'too_long',
  'unexpected_date',
  'unknown_kind',
  'unknown_parent',
  'unknown_unit',
] as const;
export type ImportErrorReason = (typeof IMPORT_ERROR_REASONS)[number];

export interface ImportRowError {
  /** 1-based line number in the file, header = line 1. */
  row: number;
  field: string;
  reason: ImportErrorReason;
  message: string;
}

export interface ImportPreview {
  kind: 'units' | 'committees';
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
}

export interface SuggestionsView {
  suggestions: Suggestion[];
  unmet: Unmet[];
  value: number;
  ms: number;
}
