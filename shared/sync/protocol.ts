import { z } from 'zod';

/**
 * The sync protocol between a control room and the state server (DESIGN.md "Sync"). Every request
 * carries the client's schema version; every message is validated with these schemas on both ends.
 *
 * Buckets (see bucketOf in merge.ts): 'state' holds the state's own rows (reference geography,
 * committee kinds, completeness rules, poll schedule, planning settings and every other row the state
 * office writes without a narrower scope); 'ac:<n>' the rows of assembly constituency n; 'pc:<n>' the
 * rows of Lok Sabha constituency n that belong to no single assembly constituency; 'district:<code>'
 * the district-level rows (a district office, its enrollers and workshops). A Lok Sabha device reads
 * the state bucket and writes its own pc, ac and district buckets; the state device reads and writes
 * every bucket. Each bucket has its own sequence; a pull asks for changes after a cursor per bucket.
 */

z.config({ jitless: true });

/** Bounded push: a batch larger than this is refused whole (the client sends smaller ones). */
export const MAX_PUSH_OPS = 500;
/** Largest request body the server reads, in bytes. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** A pull page holds at most this many rows. */
export const MAX_PULL_LIMIT = 5000;
/** A remote stamp more than this ahead of the local wall clock is warned about. */
export const SKEW_WARN_MS = 5 * 60 * 1000;
/**
 * A remote stamp is never allowed to move a clock further ahead of its wall clock than this: one
 * machine with a wildly wrong date must not drag every clock in the state into the future.
 */
// An edit of a row stamped further ahead still orders after it: the writer stamps every edit past the
// stamp of the row it changes, whatever this bound (electron/main/sync/clock.ts tickAfter).
export const MAX_SKEW_MS = 36 * 60 * 60 * 1000;

/** Every table the server syncs: all of the app's synced tables except the local-only user accounts. */
export const SYNCED_TABLE_NAMES = [
  'org_units',
  'committee_kinds',
  'completeness_rules',
  'committees',
  'people',
  'appointments',
  'enrollers',
  'workshops',
  'workshop_attendance',
  'member_imports',
  'members',
  'membership_findings',
  'membership_targets',
  'leaders',
  'venues',
  'visit_requests',
  'visits',
  'poll_schedule',
  'planning_settings',
  'party_offices',
  'speakers',
  'team_members',
  'whatsapp_groups',
  'control_rooms',
  'meetings',
  'directives',
  'directive_marks',
  'progress_reports',
] as const;
export type SyncTableName = (typeof SYNCED_TABLE_NAMES)[number];

/** Tables only the state office writes (every row in the state bucket); a constituency device is refused. */
export const STATE_OWNED_TABLES: readonly SyncTableName[] = ['committee_kinds', 'completeness_rules', 'poll_schedule', 'planning_settings'];

const hlc = z.string().regex(/^[0-9]{15}-[0-9]{5}-[0-9a-zA-Z]{1,32}$/, 'not a clock stamp');
const column = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'not a column name');
const scalar = z.union([z.string().max(10_000), z.number().finite(), z.null()]);
const schemaVersion = z.number().int().min(1).max(10_000);
const bucket = z.string().regex(/^(state|ac:[0-9]{1,3}|pc:[0-9]{1,2}|district:[0-9A-Za-z]{1,12})$/, 'not a bucket');

export const pushOpSchema = z
  .object({
    /** The outbox sequence number: with the device id, the idempotency key. */
    seq: z.number().int().min(1),
    table: z.string().min(1).max(64),
    id: z.string().min(1).max(64),
    op: z.enum(['upsert', 'delete']),
    hlc,
    /** The row's stamp when this device last saw it before the change (null: a new row). */
    baseHlc: hlc.nullable(),
    /** Columns this change set; the rest of `data` is context (scope keys, unchanged values). */
    fields: z.array(column).max(200),
    /** The full row after the change, as the device stores it — unknown columns included. */
    data: z.record(column, scalar),
  })
  .strict();
export type PushOp = z.infer<typeof pushOpSchema>;

export const pushRequestSchema = z
  .object({
    schemaVersion,
    ops: z.array(pushOpSchema).max(MAX_PUSH_OPS, `at most ${MAX_PUSH_OPS} operations per batch`),
  })
  .strict();
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const OP_STATUSES = ['applied', 'rejected', 'superseded'] as const;
export type OpStatus = (typeof OP_STATUSES)[number];
export interface OpResult {
  seq: number;
  status: OpStatus;
  /** Why a row was refused or (partly) lost, in a sentence an operator can act on. */
  reason?: string;
}
export interface PushResponse {
  results: OpResult[];
  serverTime: number;
  /** Set when this device's clock is far from the server's. */
  clockWarning?: string;
}

export const pullRequestSchema = z
  .object({
    schemaVersion,
    cursors: z.record(bucket, z.number().int().min(0)),
    limit: z.number().int().min(1).max(MAX_PULL_LIMIT).default(1000),
    /** Conflicts with a larger id than this are returned with the page. */
    conflictCursor: z.number().int().min(0).default(0),
  })
  .strict();
export type PullRequest = z.input<typeof pullRequestSchema>;

export interface PulledRow {
  bucket: string;
  seq: number;
  table: string;
  id: string;
  hlc: string;
  deleted: number;
  /** Every column the server holds for the row, including ones this client may not know yet. */
  data: Record<string, string | number | null>;
  /**
   * Set on a marker, not a row: the row left this bucket for the one named (its scope keys changed).
   * A device that does not read that bucket removes its copy; one that does gets the row from there.
   */
  movedTo?: string;
}

export interface ConflictRecord {
  id: number;
  bucket: string;
  table: string;
  rowId: string;
  field: string;
  /** The value that lost, JSON-encoded, and its stamp and device. */
  losingValue: string;
  losingHlc: string;
  losingDevice: string;
  winningValue: string;
  winningHlc: string;
  reason: string;
  at: string;
}

export interface PullResponse {
  rows: PulledRow[];
  /** The cursor after this page, per bucket the device may read (every one, not only those with rows). */
  cursors: Record<string, number>;
  /** Rows still waiting after this page, over all buckets: drives the first-sync progress bar. */
  remaining: number;
  conflicts: ConflictRecord[];
  serverTime: number;
}

/**
 * A Lok Sabha's headline figures, as its control room computed them from its own rows at its last sync:
 * committee completeness of the first committee kind by measure level, members claimed and verified, and
 * directive compliance. Every device reads every Lok Sabha's (the state-wide comparison); a Lok Sabha
 * device only pulls its own buckets, so these travel beside the rows.
 */
const count = z.number().int().min(0).max(1e9);
export const pcFiguresSchema = z
  .object({
    kindNameEn: z.string().max(200),
    kindNameHi: z.string().max(200),
    committees: z
      .array(z.object({ level: z.enum(['block', 'mandal', 'panchayat', 'booth']), expected: count, declared: count, verified: count, done: count }).strict())
      .max(4),
    membersClaimed: count,
    membersVerified: count,
    directivesTotal: count,
    directivesDone: count,
  })
  .strict();
export type PcFigures = z.infer<typeof pcFiguresSchema>;

export const figuresRequestSchema = z.object({ schemaVersion, figures: pcFiguresSchema.nullable() }).strict();
export type FiguresRequest = z.infer<typeof figuresRequestSchema>;

export interface PcFiguresRecord extends PcFigures {
  pcNo: number;
  /** When the server received them (the Lok Sabha's last sync). */
  reportedAt: string;
}

export interface FiguresResponse {
  figures: PcFiguresRecord[];
}

export const DEVICE_SCOPES = ['pc', 'state'] as const;
export const registerDeviceSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    scope: z.enum(DEVICE_SCOPES),
    pcNo: z.number().int().min(1).max(99).nullable().default(null),
  })
  .strict()
  .refine((d) => (d.scope === 'pc') === (d.pcNo !== null), { message: 'a Lok Sabha device needs pcNo; a state device none' });
export type RegisterDeviceRequest = z.input<typeof registerDeviceSchema>;

export const enrolRequestSchema = z.object({ schemaVersion, code: z.string().trim().min(6).max(64) }).strict();

export interface DeviceInfo {
  id: string;
  name: string;
  scope: 'pc' | 'state';
  pcNo: number | null;
  createdAt: string;
  enrolledAt: string | null;
  revokedAt: string | null;
  lastSyncAt: string | null;
  schemaVersion: number | null;
}

export interface EnrolResponse {
  device: DeviceInfo;
  /** The credential: shown to the device once, stored hashed on the server. */
  token: string;
  buckets: string[];
}

export interface RegisterDeviceResponse {
  device: DeviceInfo;
  /** One-time enrolment code to type into the control room's app. */
  code: string;
}

export interface BucketFreshness {
  bucket: string;
  /** Assembly constituency number, null for the state bucket. */
  acNo: number | null;
  pcNo: number | null;
  seq: number;
  lastChangeAt: string | null;
  rows: number;
}

export interface AdminOverview {
  devices: DeviceInfo[];
  freshness: BucketFreshness[];
  /** The most recent conflicts, newest first. */
  conflicts: ConflictRecord[];
}

/** Error body of every refused request. */
export interface SyncErrorBody {
  error: 'update_required' | 'unauthorised' | 'revoked' | 'forbidden' | 'invalid' | 'too_large' | 'not_found' | 'internal';
  message: string;
}

export function acBucket(acNo: number): string {
  return `ac:${acNo}`;
}

export function pcBucket(pcNo: number): string {
  return `pc:${pcNo}`;
}

export function districtBucket(code: string): string {
  return `district:${code}`;
}
