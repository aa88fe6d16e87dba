/** The synced tables and their columns (besides id, hlc, updated_by, deleted), as stored. */
export const SYNCED_TABLES = {
  users: ['name', 'role', 'created_at'],
  org_units: [
    'level',
    'code',
    'name_en',
    'name_hi',
    'parent_id',
    'district_code',
    'block_code',
    'ac_no',
    'pc_no',
    'closed',
    'lat',
    'lon',
    'electors',
    'source',
  ],
  committee_kinds: ['category', 'name_en', 'name_hi', 'builtin', 'sort'],
  completeness_rules: ['level', 'category', 'required_roles', 'min_members'],
  committees: [
    'unit_id',
    'kind_id',
    'status',
    'declared_on',
    'verified_on',
    'declared_by',
    'verified_by',
    'complete',
    'member_count',
    'ac_no',
    'district_code',
  ],
  people: ['name_en', 'name_hi', 'phone', 'voter_id', 'ac_no', 'district_code'],
  appointments: ['committee_id', 'person_id', 'role', 'ac_no', 'district_code'],
  // Membership drive (migration 005).
  enrollers: ['name', 'phone', 'level', 'unit_id', 'login_id', 'appointed_by', 'ac_no', 'district_code'],
  workshops: ['level', 'unit_id', 'held_on', 'venue', 'trainer', 'ac_no', 'district_code'],
  workshop_attendance: ['workshop_id', 'enroller_id', 'invited', 'attended', 'ac_no', 'district_code'],
  member_imports: ['file_name', 'source', 'rows', 'inserted', 'skipped', 'rejected', 'scope_pc', 'imported_at', 'ac_no', 'district_code'],
  members: [
    'membership_id',
    'name',
    'phone',
    'epic',
    'gender',
    'mode',
    'booth_id',
    'enroller_id',
    'enrolled_at',
    'import_id',
    'scope_pc',
    'pc_no',
    'ac_no',
    'district_code',
  ],
  membership_findings: ['rule', 'key', 'status', 'params', 'member_count', 'reason', 'reviewed_by', 'reviewed_at', 'ac_no', 'district_code'],
  membership_targets: ['unit_id', 'target', 'ac_no', 'district_code'],
} as const;

export type SyncedTable = keyof typeof SYNCED_TABLES;

export type SqlValue = string | number | null;

/** A row as stored: id + the table's columns (+ hlc / updated_by / deleted, stamped by the writer). */
export type StoredRow = { id: string } & Record<string, SqlValue>;
