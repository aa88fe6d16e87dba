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
  party_offices: ['block_id', 'has_office', 'address', 'lat', 'lon', 'tenure', 'opened_on', 'ac_no', 'district_code'],
  speakers: ['name_en', 'name_hi', 'phone', 'languages', 'topics', 'level', 'unit_id', 'availability', 'rating', 'ac_no', 'district_code'],
  team_members: ['team', 'unit_id', 'name_en', 'name_hi', 'role', 'phone', 'handles', 'ac_no', 'district_code'],
  whatsapp_groups: ['name', 'level', 'unit_id', 'purpose', 'admins', 'member_count', 'invite_link', 'last_update', 'ac_no', 'district_code'],
  control_rooms: ['pc_unit_id', 'set_up', 'address', 'opened_on', 'staff', 'phone_lines', 'ac_no', 'district_code'],
  meetings: ['held_on', 'level', 'unit_id', 'chair', 'mode', 'attendees', 'agenda', 'minutes', 'ac_no', 'district_code'],
  directives: [
    'meeting_id',
    'text_en',
    'text_hi',
    'target_level',
    'target_unit_ids',
    'deadline_date',
    'deadline_days',
    'done_rule',
    'ac_no',
    'district_code',
  ],
  directive_marks: ['directive_id', 'unit_id', 'done_on', 'note', 'ac_no', 'district_code'],
} as const;

export type SyncedTable = keyof typeof SYNCED_TABLES;

export type SqlValue = string | number | null;

/** A row as stored: id + the table's columns (+ hlc / updated_by / deleted, stamped by the writer). */
export type StoredRow = { id: string } & Record<string, SqlValue>;
